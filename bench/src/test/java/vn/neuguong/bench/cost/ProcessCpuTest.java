package vn.neuguong.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @TempDir
    Path pids;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    @SuppressWarnings("unchecked")
    void instancesOfAProcessAreSummedUnderItsNameAndTheClientIsListedApart() throws Exception {
        busy("worker-1.pid");
        busy("worker-2.pid");
        Files.writeString(pids.resolve("gone.pid"), String.valueOf(Integer.MAX_VALUE));
        Files.writeString(pids.resolve("half-written.pid"), "");
        ProcessCpu cpu = new ProcessCpu(pids);

        ProcessCpu.Sample from = cpu.sample();
        spin(Duration.ofMillis(300));
        Map<String, Object> cost = cpu.costSince(from, "pledge", 10);

        Map<String, Map<String, Object>> processes = (Map<String, Map<String, Object>>) cost.get("processes");
        assertThat(processes).containsOnlyKeys("worker", ProcessCpu.BENCH);
        long worker = (Long) processes.get("worker").get("cpuMs");
        long bench = (Long) processes.get(ProcessCpu.BENCH).get("cpuMs");
        assertThat(worker).isPositive();
        assertThat(bench).isPositive();
        assertThat(processes.get("worker").get("cpuMsPerUnit")).isEqualTo(Math.round(worker * 10.0) / 100.0);
        Map<String, Object> system = (Map<String, Object>) cost.get("system");
        assertThat(system.get("cpuMs")).isEqualTo(worker);
        assertThat(((Map<String, Object>) cost.get("systemAndBench")).get("cpuMs")).isEqualTo(worker + bench);
        assertThat(cost.get("ceilingPerSecond"))
                .isEqualTo(Math.round(Runtime.getRuntime().availableProcessors() * 1000.0 * 10 / worker));
        assertThat(cost.get("exited")).isEqualTo(List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void idleUseIsScaledToTheWindowAndAProcessThatExitsIsNamed() throws Exception {
        busy("worker-1.pid");
        Process worker = busy("worker-2.pid");
        ProcessCpu cpu = new ProcessCpu(pids);
        cpu.sampleIdle(Duration.ofMillis(300));

        ProcessCpu.Sample from = cpu.sample();
        Thread.sleep(300);
        worker.destroyForcibly().waitFor();
        Map<String, Object> cost = cpu.costSince(from, "row", 0);

        Map<String, Object> system = (Map<String, Object>) cost.get("system");
        assertThat((Long) system.get("idleCpuMs")).isPositive();
        assertThat(system.get("cpuMsPerUnit")).isNull();
        assertThat(cost.get("ceilingPerSecond")).isNull();
        assertThat((List<String>) cost.get("exited")).singleElement().asString()
                .startsWith("worker (pid " + worker.pid() + ",");
    }

    @Test
    void withoutPidFilesOnlyTheClientIsWatched() {
        ProcessCpu cpu = new ProcessCpu(null);

        assertThat(cpu.sample().processes().values()).extracting(ProcessCpu.ProcessTime::name)
                .containsExactly(ProcessCpu.BENCH);
    }

    private Process busy(String pidFile) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        started.add(process);
        Files.writeString(pids.resolve(pidFile), process.pid() + "\n");
        return process;
    }

    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += System.nanoTime() % 7;
        }
        assertThat(sum).isNotNegative();
    }
}
