package vn.neuguong.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whatever happened to the ones before,
 * and its latency is measured from that intended time. A stall therefore shows up in the latencies instead of
 * silently lowering the offered load (coordinated omission). Requests due during the warm-up are sent but
 * not counted.
 */
public final class OpenLoop {

    /** What one request reports back: whether it succeeded. */
    public interface Request {
        CompletableFuture<Boolean> send(int index);
    }

    public record Outcome(int sent, int succeeded, int failed, double achievedPerSecond, Latencies latencies,
            double durationSeconds) {
    }

    public static Outcome run(double ratePerSecond, Duration duration, Duration warmUp, Request request) {
        return run(ratePerSecond, duration, warmUp, request, () -> { });
    }

    /** As above, calling {@code atMeasuredStart} just before the first request that is counted is due. */
    public static Outcome run(double ratePerSecond, Duration duration, Duration warmUp, Request request,
            Runnable atMeasuredStart) {
        long intervalNanos = (long) (1e9 / ratePerSecond);
        int warmUpCount = (int) (warmUp.toNanos() / intervalNanos);
        int total = warmUpCount + (int) (duration.toNanos() / intervalNanos);
        Latencies latencies = new Latencies();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        long measuredStart = start + warmUpCount * intervalNanos;
        for (int i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == warmUpCount) {
                atMeasuredStart.run();
            }
            boolean counted = i >= warmUpCount;
            inFlight[i] = request.send(i).handle((ok, error) -> {
                if (counted) {
                    latencies.record(System.nanoTime() - intended);
                    (ok != null && ok ? succeeded : failed).incrementAndGet();
                }
                return null;
            });
        }
        try {
            CompletableFuture.allOf(inFlight).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("Requests did not complete: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - measuredStart) / 1e9;
        int measured = total - warmUpCount;
        return new Outcome(measured, succeeded.get(), failed.get(), succeeded.get() / seconds, latencies, seconds);
    }

    /** Runs {@code count} synchronous operations back to back and returns operations per second. */
    public static double closedLoop(int count, IntFunction<?> operation) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            operation.apply(i);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private OpenLoop() {
    }
}
