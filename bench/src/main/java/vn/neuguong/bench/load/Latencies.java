package vn.neuguong.bench.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded durations in nanoseconds, summarised as percentiles in milliseconds. */
public final class Latencies {

    private long[] values = new long[1024];
    private int size;

    public synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** The value at quantile {@code q} (0..1) in milliseconds, or NaN when nothing was recorded. */
    public synchronized double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return sorted[index] / 1e6;
    }

    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50Ms", round(percentileMillis(0.50)));
        summary.put("p99Ms", round(percentileMillis(0.99)));
        summary.put("p999Ms", round(percentileMillis(0.999)));
        summary.put("maxMs", round(percentileMillis(1.0)));
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
