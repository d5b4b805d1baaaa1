package vn.neuguong.bench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes {@code ./local.sh} started, as its pid files name them ({@code <name>.pid}: local-stack or kafka,
 * mongo and issuer; gateway; {@code <service>-<i>}), and {@code ./local.sh} itself to start what is missing again,
 * which is how an operator restarts a crashed process.
 */
final class LocalStack {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);

    private final Path pids;
    private final Path localSh;

    LocalStack(Path pids, Path localSh) {
        this.pids = pids;
        this.localSh = localSh;
    }

    /** Whether the broker and the database run as processes of their own ({@code --separate-infra}). */
    boolean separateInfra() {
        return running("kafka") && running("mongo");
    }

    /** The process holding the database: mongo, or the local stack that holds the broker too. */
    String database() {
        return separateInfra() ? "mongo" : "local-stack";
    }

    /** The process holding the broker: kafka, or the local stack that holds the database too. */
    String broker() {
        return separateInfra() ? "kafka" : "local-stack";
    }

    /** The running instances of a service, {@code <service>-1} first. */
    List<String> instances(String service) {
        try (Stream<Path> files = Files.list(pids)) {
            return files.map(file -> file.getFileName().toString().replaceFirst("\\.pid$", ""))
                    .filter(name -> name.matches(Pattern.quote(service) + "-\\d+") && running(name))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(service.length() + 1))))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + pids + ": " + e.getMessage(), e);
        }
    }

    boolean running(String name) {
        return process(name).isPresent();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill(String name) {
        ProcessHandle process = process(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroyForcibly();
        process.onExit().join();
    }

    void pause(String name) {
        signal(name, "STOP");
    }

    void resume(String name) {
        signal(name, "CONT");
    }

    /** {@code ./local.sh up [args]}: starts what is missing (or stops instances beyond {@code --instances}). */
    String up(String... args) {
        List<String> command = new ArrayList<>(List.of(localSh.toString(), "up", "--detach"));
        command.addAll(List.of(args));
        return localSh(command);
    }

    /** {@code ./local.sh stop names}: graceful (SIGTERM), as an operator scales down. */
    String stop(String... names) {
        List<String> command = new ArrayList<>(List.of(localSh.toString(), "stop"));
        command.addAll(List.of(names));
        return localSh(command);
    }

    private String localSh(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // the jars are the ones running: a source edited meanwhile must not start a build in the middle of a fault
            builder.environment().put("NEUGUONG_SKIP_BUILD", "1");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void signal(String name, String signal) {
        long pid = process(name).orElseThrow(() -> new IllegalStateException(name + " is not running")).pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot signal " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The live process of a pid file, if it is still the JVM local.sh started under that name. */
    private Optional<ProcessHandle> process(String name) {
        Path file = pids.resolve(name + ".pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(line -> line.contains("-Dneuguong.process=" + name))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
