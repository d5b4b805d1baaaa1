package vn.neuguong.pledge.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.platform.metrics.ExecutorMeters;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.platform.web.ServiceUnavailableException;
import vn.neuguong.platform.web.TooManyRequestsException;

/**
 * Accepts import files (stored to a temporary file, processed asynchronously by a bounded pool) and reports their
 * progress. An instance touches the jobs it processes; at startup, and periodically, jobs whose instance died are
 * marked FAILED, since their file is gone with it. The pool ({@code pledge-import-*}, measured as the executor
 * {@code pledge.imports}) and the housekeeping scheduler start and stop with the application.
 */
public class ImportService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    static final String INTERRUPTED = "The import was interrupted (its service instance stopped). Importing the "
            + "same file again is safe: pledges already imported are reported as duplicates.";

    private final ImportJobs jobs;
    private final ImportProcessor processor;
    private final ImportProperties properties;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String owner;
    private final Path directory;
    private final MeterRegistry meters;
    private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
    private final ThreadPoolTaskScheduler housekeeping = new ThreadPoolTaskScheduler();
    private ExecutorMeters workerMeters;
    private volatile boolean running;

    ImportService(ImportJobs jobs, ImportProcessor processor, ImportProperties properties, JsonMapper jsonMapper,
            Clock clock, String owner, MeterRegistry meters) {
        this.jobs = jobs;
        this.jsonMapper = jsonMapper;
        this.processor = processor;
        this.properties = properties;
        this.clock = clock;
        this.owner = owner;
        this.meters = meters;
        workers.setCorePoolSize(properties.workers());
        workers.setMaxPoolSize(properties.workers());
        workers.setQueueCapacity(properties.queueCapacity());
        workers.setThreadNamePrefix("pledge-import-");
        workers.setDaemon(true);
        workers.setAwaitTerminationSeconds(10);
        housekeeping.setPoolSize(1);
        housekeeping.setThreadNamePrefix("pledge-import-housekeeping-");
        housekeeping.setDaemon(true);
        try {
            this.directory = Files.createTempDirectory("neuguong-imports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportJob start(CurrentUser user, ImportFormat format, InputStream body, String idempotencyKey) {
        if (!user.hasAny(Role.MEMBER, Role.UNIT_OFFICER, Role.PROVINCE_OFFICER)) {
            throw new ForbiddenException("Only members and unit or province officers register pledges");
        }
        // the file is not read before the job is created: the key stands for the import of one file by its user
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "pledge.import", format, jsonMapper);
        String creationKey = key == null ? null : key.key();
        if (key != null) {
            var earlier = jobs.findByCreationKey(creationKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (jobs.countUnfinished(user.sub()) >= properties.maxUnfinishedPerUser()) {
            throw new TooManyRequestsException("You have " + properties.maxUnfinishedPerUser() + " imports waiting or"
                    + " running; start another when one has finished");
        }
        String id = UUID.randomUUID().toString();
        Path file = directory.resolve(id + "." + format.name().toLowerCase());
        ImportFormat readAs;
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            readAs = UploadedFile.normalize(format, file);
        } catch (IOException | RuntimeException unread) {
            // a body cut off, above the size limit or unreadable (InvalidInputException) leaves nothing behind
            delete(file);
            throw unread instanceof IOException e ? new UncheckedIOException(e) : (RuntimeException) unread;
        }
        Instant now = clock.instant();
        ImportJob job = new ImportJob(id, readAs, ImportStatus.QUEUED, ImportJob.Importer.of(user), now, null, null,
                now, owner, 0, 0, 0, 0, 0, List.of(), List.of(), 0, List.of(), null, creationKey);
        try {
            jobs.insert(job);
        } catch (DuplicateKeyException raced) {
            delete(file);
            return jobs.findByCreationKey(creationKey).orElseThrow(() -> raced);
        }
        try {
            workers.execute(() -> processor.process(job, file));
        } catch (RejectedExecutionException busy) {
            delete(file);
            jobs.finished(id, ImportStatus.FAILED, "Too many imports are waiting; try again later", clock.instant());
            throw new ServiceUnavailableException("Too many imports are waiting; try again later");
        }
        return job;
    }

    /** The importer and administrators see a job; for anyone else it does not exist. */
    public ImportJob get(CurrentUser user, String id) {
        return jobs.findById(id)
                .filter(job -> user.has(Role.ADMIN) || job.importer().sub().equals(user.sub()))
                .orElseThrow(() -> new NotFoundException("No import " + id));
    }

    private void housekeep() {
        try {
            Instant now = clock.instant();
            jobs.heartbeat(owner, now);
            long failed = jobs.failInterrupted(null, now.minus(properties.staleAfter()), INTERRUPTED, now);
            if (failed > 0) {
                log.warn("Marked {} interrupted import(s) FAILED", failed);
            }
        } catch (RuntimeException e) {
            log.warn("Import housekeeping failed: {}", e.getMessage());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    @Override
    public void start() {
        Instant now = clock.instant();
        // Nothing of this instance runs yet: its unfinished jobs were interrupted by its previous run.
        long failed = jobs.failInterrupted(owner, now.minus(properties.staleAfter()), INTERRUPTED, now);
        if (failed > 0) {
            log.warn("Marked {} interrupted import(s) FAILED at startup", failed);
        }
        workers.initialize();
        workerMeters = ExecutorMeters.bind(meters, workers.getThreadPoolExecutor(), "pledge.imports");
        housekeeping.initialize();
        housekeeping.scheduleWithFixedDelay(this::housekeep, Instant.now().plus(properties.heartbeat()),
                properties.heartbeat());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        housekeeping.shutdown();
        // running imports are interrupted: their jobs are marked FAILED by the next start or another instance
        workers.shutdown();
        workerMeters.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
