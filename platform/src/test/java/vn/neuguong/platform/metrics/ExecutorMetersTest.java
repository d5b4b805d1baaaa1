package vn.neuguong.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ExecutorMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aPoolStartedAgainIsMeasuredAnew() throws InterruptedException {
        ExecutorService first = Executors.newFixedThreadPool(1);
        ExecutorMeters firstMeters = ExecutorMeters.bind(registry, first, "imports");
        first.execute(() -> { });
        first.shutdown();
        assertThat(first.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(completed()).isEqualTo(1);
        firstMeters.close();
        assertThat(registry.find("executor.completed").tag("name", "imports").functionCounter()).isNull();

        ExecutorService second = Executors.newFixedThreadPool(3);
        try (ExecutorMeters ignored = ExecutorMeters.bind(registry, second, "imports")) {
            assertThat(completed()).isZero();
            assertThat(registry.get("executor.pool.core").tag("name", "imports").gauge().value()).isEqualTo(3);
        } finally {
            second.shutdownNow();
        }
    }

    private double completed() {
        return registry.get("executor.completed").tag("name", "imports").functionCounter().count();
    }
}
