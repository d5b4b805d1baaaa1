package vn.neuguong.reporting.aggregate;

import java.util.Set;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Ready once the aggregation has been assigned its tasks and runs them: a started instance whose stream threads
 * still wait for a rebalance (or restore their stores) is out of service, so it is not taken for one that keeps the
 * aggregates fresh. A rebalance after that (another instance joining or leaving) does not take it out of service:
 * it serves its API throughout. A stream that stopped or failed is down.
 */
public class AggregationHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;
    private volatile boolean ranOnce;

    public AggregationHealthIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Health.outOfService().withDetail("state", "NOT_STARTED").build();
        }
        State state = kafkaStreams.state();
        Set<ThreadMetadata> threads = kafkaStreams.metadataForLocalThreads();
        int activeTasks = threads.stream().mapToInt(thread -> thread.activeTasks().size()).sum();
        if (state == State.RUNNING) {
            ranOnce = true;
        }
        Health.Builder health;
        if (state == State.RUNNING || (state == State.REBALANCING && ranOnce)) {
            health = Health.up();
        } else if (state == State.CREATED || state == State.REBALANCING) {
            health = Health.outOfService();
        } else {
            health = Health.down();
        }
        return health.withDetail("state", state.name()).withDetail("threads", threads.size())
                .withDetail("activeTasks", activeTasks).build();
    }
}
