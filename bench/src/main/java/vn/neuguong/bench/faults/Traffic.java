package vn.neuguong.bench.faults;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained writes at a fixed rate: one {@link Workload#next()} every {@code 1 / rate} seconds, on a pool large
 * enough that writes waiting out a fault (retrying with their key) do not stop the others from being sent. Paused
 * while the checks count, so that the figures they compare stand still.
 */
final class Traffic implements AutoCloseable {

    private static final int WRITERS = 32;

    private final Workload workload;
    private final long intervalMicros;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "faults-clock"));
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
            runnable -> daemon(runnable, "faults-writer"));
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean paused = true;

    Traffic(Workload workload, double ratePerSecond) {
        this.workload = workload;
        this.intervalMicros = (long) (1e6 / ratePerSecond);
        clock.scheduleAtFixedRate(this::tick, intervalMicros, intervalMicros, TimeUnit.MICROSECONDS);
    }

    void resume() {
        paused = false;
    }

    /** Stops sending new writes and waits until those in flight have their final answer (or were given up). */
    void pause() throws InterruptedException {
        paused = true;
        long deadline = System.nanoTime() + CarefulClient.PATIENCE.plus(Duration.ofSeconds(30)).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void tick() {
        if (paused) {
            return;
        }
        inFlight.incrementAndGet();
        writers.execute(() -> {
            try {
                workload.next();
            } catch (RuntimeException e) {
                System.err.println("faults: a write failed in the client: " + e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        clock.shutdownNow();
        writers.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
