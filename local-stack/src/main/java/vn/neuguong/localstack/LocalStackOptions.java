package vn.neuguong.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the local stack keeps its data and which ports it listens on. Each option is read from a command-line
 * argument ({@code --kafka-port=9092}), else from an environment variable ({@code NEUGUONG_KAFKA_PORT}), else its
 * default. {@code --only} runs some of the three components, so that each can run (and be killed) as a process of
 * its own.
 */
public record LocalStackOptions(Path dataDir, int kafkaPort, int kafkaControllerPort, int kafkaSaslPort, int mongoPort,
                                int issuerPort, Duration tokenLifetime, Set<String> issuerAllowedOrigins, Set<Component> only) {

    /** The parts of the local stack. */
    public enum Component {
        KAFKA, MONGO, ISSUER
    }

    public boolean runs(Component component) {
        return only.contains(component);
    }

    static final String USAGE = """
            Usage: java -jar local-stack-exec.jar [--option=value ...]
              --data-dir=PATH              NEUGUONG_DATA_DIR               default .local/data
              --kafka-port=PORT            NEUGUONG_KAFKA_PORT             default 9092
              --kafka-controller-port=PORT NEUGUONG_KAFKA_CONTROLLER_PORT  default 9093
              --kafka-sasl-port=PORT       NEUGUONG_KAFKA_SASL_PORT        default 9094
                                           (SCRAM listener of the inbound publishers, docs/inbound.md)
              --mongo-port=PORT            NEUGUONG_MONGO_PORT             default 27017
              --issuer-port=PORT           NEUGUONG_ISSUER_PORT            default 8090
              --token-lifetime=DURATION    NEUGUONG_TOKEN_LIFETIME         default PT12H (ISO-8601)
              --issuer-allowed-origins=LIST NEUGUONG_ISSUER_ALLOWED_ORIGINS default http://localhost:8080
                                           (comma-separated origins whose web pages may call the issuer)
              --only=LIST                  NEUGUONG_ONLY                   default kafka,mongo,issuer
                                           (the components this process runs; one each to kill them alone)
            """;

    public static LocalStackOptions from(String[] args, Map<String, String> environment) {
        Map<String, String> arguments = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Unexpected argument " + arg);
            }
            arguments.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Settings settings = new Settings(arguments, environment);
        LocalStackOptions options = new LocalStackOptions(
                Path.of(settings.value("data-dir", ".local/data")),
                settings.port("kafka-port", 9092),
                settings.port("kafka-controller-port", 9093),
                settings.port("kafka-sasl-port", 9094),
                settings.port("mongo-port", 27017),
                settings.port("issuer-port", 8090),
                settings.duration("token-lifetime", TokenIssuer.DEFAULT_TOKEN_LIFETIME),
                settings.list("issuer-allowed-origins", TokenIssuer.DEFAULT_ALLOWED_ORIGINS),
                settings.components("only"));
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + arguments.keySet());
        }
        return options;
    }

    private record Settings(Map<String, String> arguments, Map<String, String> environment) {

        String value(String option, String defaultValue) {
            String argument = arguments.remove(option);
            if (argument != null) {
                return argument;
            }
            String variable = "NEUGUONG_" + option.toUpperCase().replace('-', '_');
            return environment.getOrDefault(variable, defaultValue);
        }

        int port(String option, int defaultPort) {
            String value = value(option, String.valueOf(defaultPort));
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a port number (1-65535), not " + value);
            }
        }

        Set<String> list(String option, Set<String> defaultValues) {
            String value = value(option, String.join(",", defaultValues));
            return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }

        Set<Component> components(String option) {
            Set<String> names = list(option, Set.of("kafka", "mongo", "issuer"));
            try {
                Set<Component> components = names.stream().map(name -> Component.valueOf(name.toUpperCase()))
                        .collect(Collectors.toUnmodifiableSet());
                if (components.isEmpty()) {
                    throw new IllegalArgumentException();
                }
                return components;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " must list some of kafka, mongo, issuer, not " + names);
            }
        }

        Duration duration(String option, Duration defaultDuration) {
            String value = value(option, defaultDuration.toString());
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " must be an ISO-8601 duration such as PT12H, not " + value);
            }
        }
    }
}
