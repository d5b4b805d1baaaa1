package vn.neuguong.bench.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a piece of work costs in CPU time: the user + system time of every process of the local stack (the pid
 * files {@code ./local.sh} writes, {@code <name>.pid} or {@code <name>-<instance>.pid}, grouped by name) and of this
 * JVM, read from {@code /proc/<pid>/stat} at both ends of a measured window. On a machine shared with other work
 * CPU-ms per unit is the figure that holds from run to run, where wall-clock rates do not.
 *
 * <p>Nothing is subtracted: what the processes use while idle (sampled before the load, {@link #sampleIdle}) is
 * reported beside it, scaled to the window, and so is what every other process of the machine used meanwhile.
 */
public final class ProcessCpu {

    /** This JVM, the load generator (and, for the rebuild, the topology it runs). */
    public static final String BENCH = "bench";

    private static final Pattern INSTANCE_SUFFIX = Pattern.compile("-\\d+$");
    private static final Path SELF = Path.of("/proc/self/stat");
    private static final Path BOX = Path.of("/proc/stat");

    /** The unit of CPU times in {@code /proc} (USER_HZ): 100 by the kernel's ABI on every architecture Java runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path pidDirectory;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private Map<String, Double> idleMsPerSecond = Map.of();

    /** @param pidDirectory where {@code ./local.sh} keeps its pid files, or {@code null} to watch only this JVM */
    public ProcessCpu(Path pidDirectory) {
        this.pidDirectory = pidDirectory;
    }

    /** CPU time of every watched process and of the whole machine at one instant. */
    public record Sample(long nanos, Map<Long, ProcessTime> processes, long boxBusyTicks) {
    }

    /** One process's name (its pid file's, without the instance number) and its CPU time so far. */
    public record ProcessTime(String name, long ticks) {
    }

    public Sample sample() {
        Map<Long, ProcessTime> processes = new HashMap<>();
        pids().forEach((pid, name) -> {
            Long ticks = cpuTicks(Path.of("/proc", String.valueOf(pid), "stat"));
            if (ticks != null) {
                processes.put(pid, new ProcessTime(name, ticks));
            }
        });
        processes.put(ProcessHandle.current().pid(), new ProcessTime(BENCH, cpuTicks(SELF)));
        return new Sample(System.nanoTime(), processes, boxBusyTicks());
    }

    /** Watches the processes while nothing is asked of them; later costs report this rate scaled to their window. */
    public void sampleIdle(Duration period) throws InterruptedException {
        Sample from = sample();
        Thread.sleep(period.toMillis());
        Sample to = sample();
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> rates = new TreeMap<>();
        byName(from, to).forEach((name, ms) -> rates.put(name, ms / seconds));
        idleMsPerSecond = rates;
    }

    /**
     * The cost of {@code units} units of work (pledges, rows, events) done between {@code from} and now: CPU-ms in
     * all and per unit, by process and in total, and the throughput ceiling of this machine's cores it implies.
     * The total and the ceiling are the system's (every process but this client's); the client is listed beside.
     */
    public Map<String, Object> costSince(Sample from, String unit, long units) {
        Sample to = sample();
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Long> byName = byName(from, to);
        Map<String, Object> processes = new LinkedHashMap<>();
        long systemMs = 0;
        double systemIdleMs = 0;
        for (var entry : byName.entrySet()) {
            double idleMs = idleMsPerSecond.getOrDefault(entry.getKey(), 0.0) * seconds;
            processes.put(entry.getKey(), figures(entry.getValue(), idleMs, units));
            if (!BENCH.equals(entry.getKey())) {
                systemMs += entry.getValue();
                systemIdleMs += idleMs;
            }
        }
        long benchMs = byName.getOrDefault(BENCH, 0L);
        long boxMs = millis(to.boxBusyTicks() - from.boxBusyTicks());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("unit", unit);
        cost.put("units", units);
        cost.put("windowSeconds", round(seconds));
        cost.put("cores", cores);
        cost.put("processes", processes);
        cost.put("system", figures(systemMs, systemIdleMs, units));
        cost.put("systemAndBench", figures(systemMs + benchMs, systemIdleMs
                + idleMsPerSecond.getOrDefault(BENCH, 0.0) * seconds, units));
        cost.put("ceilingPerSecond", units == 0 || systemMs == 0 ? null
                : Math.round(cores * 1000.0 * units / systemMs));
        cost.put("otherProcessesOfTheMachineCpuMs", Math.max(0, boxMs - systemMs - benchMs));
        cost.put("exited", exited(from, to));
        return cost;
    }

    /** CPU-ms by process name between two samples; a process that started in between counts from zero. */
    private Map<String, Long> byName(Sample from, Sample to) {
        Map<String, Long> ticks = new TreeMap<>();
        to.processes().forEach((pid, time) -> {
            ProcessTime before = from.processes().get(pid);
            long start = before == null || !before.name().equals(time.name()) ? 0 : before.ticks();
            ticks.merge(time.name(), time.ticks() - start, Long::sum);
        });
        Map<String, Long> millis = new TreeMap<>();
        ticks.forEach((name, value) -> millis.put(name, millis(value)));
        return millis;
    }

    private static List<String> exited(Sample from, Sample to) {
        List<String> exited = new ArrayList<>();
        from.processes().forEach((pid, time) -> {
            if (!to.processes().containsKey(pid)) {
                exited.add(time.name() + " (pid " + pid + ", its CPU time after the start of the window is missing)");
            }
        });
        return exited;
    }

    private static Map<String, Object> figures(long cpuMs, double idleMs, long units) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cpuMs", cpuMs);
        figures.put("cpuMsPerUnit", units == 0 ? null : round(cpuMs / (double) units));
        figures.put("idleCpuMs", Math.round(idleMs));
        return figures;
    }

    /** Pid by process name, from the pid files; a file that is unreadable or not a number is skipped. */
    private Map<Long, String> pids() {
        Map<Long, String> pids = new HashMap<>();
        if (pidDirectory == null || !Files.isDirectory(pidDirectory)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDirectory, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                name = INSTANCE_SUFFIX.matcher(name.substring(0, name.length() - ".pid".length())).replaceFirst("");
                try {
                    pids.put(Long.parseLong(Files.readString(file).strip()), name);
                } catch (NumberFormatException | NoSuchFileException notAPid) {
                    // being written or removed by ./local.sh right now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + pidDirectory, e);
        }
        return pids;
    }

    /** utime + stime of a process (fields 14 and 15 of its stat line, after the parenthesised command name). */
    static Long cpuTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException gone) {
            return null;
        }
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** user + nice + system + irq + softirq + steal of all cores, from the first line of /proc/stat. */
    private static long boxBusyTicks() {
        try {
            String[] fields = Files.readAllLines(BOX).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[field]);
            }
            return busy;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    private long millis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
