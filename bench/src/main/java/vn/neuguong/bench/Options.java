package vn.neuguong.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --name value} options of one command, read as the types they stand for. Every mistake on the command
 * line is an {@link UsageException} naming the option and what it expects, never a parser's stack trace.
 */
final class Options {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** A command-line mistake, told to the user as is. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code args[from..]} as {@code --name value} pairs; only names in {@code known} are accepted, and the last
     * of a repeated option counts (local.sh appends the addresses of the stack it started).
     */
    static Options parse(String command, String[] args, int from, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i += 2) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("'" + arg + "' is not an option of " + command + " (options start with --)");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + command + "; known: "
                        + String.join(", ", new TreeSet<>(known).stream().map(option -> "--" + option).toList()));
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException("--" + name + " needs a value");
            }
            values.put(name, args[i + 1]);
        }
        return new Options(values);
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    Optional<Path> path(String name) {
        return Optional.ofNullable(values.get(name)).map(Path::of);
    }

    /** A whole number ≥ {@code min}; thousands may be written with underscores (500_000). */
    long number(String name, long otherwise, long min) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        long number;
        try {
            number = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a whole number, not '" + value + "'");
        }
        if (number < min) {
            throw new UsageException("--" + name + " must be at least " + min + ", not " + value);
        }
        return number;
    }

    int integer(String name, int otherwise, int min) {
        long number = number(name, otherwise, min);
        if (number > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " must be at most " + Integer.MAX_VALUE + ", not " + number);
        }
        return (int) number;
    }

    /** A positive rate, e.g. {@code 60} or {@code 2.5}. */
    double rate(String name, double otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        double rate;
        try {
            rate = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number per second, not '" + value + "'");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException("--" + name + " must be a positive number, not " + value);
        }
        return rate;
    }

    /** Seconds ({@code 20}) or a number with a unit: {@code 500ms}, {@code 20s}, {@code 5m}, {@code 1h}. */
    Duration duration(String name, Duration otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new UsageException("--" + name + " expects seconds (20) or a duration such as 500ms, 20s, 5m or 1h, not '"
                    + value + "'");
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("--" + name + " is longer than a benchmark can run: " + value);
        }
    }
}
