package vn.neuguong.pledge.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workers             imports processed at the same time by one instance
 * @param queueCapacity       imports waiting for a worker; beyond that a new import is refused (503)
 * @param maxUnfinishedPerUser imports one user may have waiting or running; beyond that a new one is refused (429),
 *                            so that one user cannot fill the queue and the temporary files for everyone
 * @param batchSize           pledges validated and inserted together
 * @param maxRejectedDetails  rejected rows detailed in a job (all are counted)
 * @param heartbeat           how often an instance touches the jobs it processes
 * @param staleAfter          a job untouched this long was interrupted (its instance died)
 * @param instanceId          stable name of this instance; at startup its own unfinished jobs are failed at once
 */
@ConfigurationProperties("neuguong.pledges.imports")
public record ImportProperties(Integer workers, Integer queueCapacity, Integer maxUnfinishedPerUser, Integer batchSize,
        Integer maxRejectedDetails, Duration heartbeat, Duration staleAfter, String instanceId) {

    public ImportProperties {
        workers = workers == null ? 2 : workers;
        queueCapacity = queueCapacity == null ? 100 : queueCapacity;
        maxUnfinishedPerUser = maxUnfinishedPerUser == null ? 3 : maxUnfinishedPerUser;
        batchSize = batchSize == null ? 500 : batchSize;
        maxRejectedDetails = maxRejectedDetails == null ? 1000 : maxRejectedDetails;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofSeconds(90) : staleAfter;
    }
}
