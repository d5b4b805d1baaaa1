package vn.neuguong.platform.metrics;

import java.util.List;
import java.util.concurrent.ExecutorService;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * Micrometer's {@code executor.*} meters (pool size, active, queued, completed) of a service's own thread pool,
 * tagged {@code name}. A pool started again after a stop is a new executor: {@link #close()} removes the meters of
 * the old one, so the next {@link #bind} measures the new one rather than the stopped one.
 */
public final class ExecutorMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters;

    private ExecutorMeters(MeterRegistry registry, List<Meter> meters) {
        this.registry = registry;
        this.meters = meters;
    }

    public static ExecutorMeters bind(MeterRegistry registry, ExecutorService executor, String name) {
        new ExecutorServiceMetrics(executor, name, List.of()).bindTo(registry);
        return new ExecutorMeters(registry, registry.getMeters().stream()
                .filter(meter -> name.equals(meter.getId().getTag("name"))
                        && meter.getId().getName().startsWith("executor"))
                .toList());
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
