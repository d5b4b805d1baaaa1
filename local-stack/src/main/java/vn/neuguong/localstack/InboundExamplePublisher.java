package vn.neuguong.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;

/**
 * What a province's system does to publish commands (docs/inbound.md), in one small program: connect with
 * SCRAM, send each command as a CloudEvent (binary mode, keyed by its subject), then read the outcomes.
 * {@code ./local.sh publish FILE} runs it as the demo publisher thai-nguyen.
 *
 * <p>FILE holds one command per line: {@code {"id": "...", "type": "vn.neuguong.pledge.register.v1",
 * "subject": "...", "ifmatch": 1, "data": {the API request body}}}; {@code id} is optional (a UUID then).
 */
public final class InboundExamplePublisher {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: InboundExamplePublisher BOOTSTRAP_SERVERS PUBLISHER PASSWORD FILE");
            System.exit(2);
        }
        String servers = args[0];
        String publisher = args[1];
        Map<String, Object> scram = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"" + publisher + "\" password=\"" + args[2] + "\";");
        ObjectMapper json = new ObjectMapper();

        Set<String> sent = new LinkedHashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(scram, Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new StringSerializer(), new StringSerializer())) {
            for (String line : Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode command = json.readTree(line);
                String id = command.hasNonNull("id") ? command.get("id").asText() : UUID.randomUUID().toString();
                String subject = command.path("subject").asText(null);
                String channel = CommandTypes.channelOf(command.path("type").asText());
                if (channel == null) {
                    System.err.println("skipped  " + id + "  no channel takes the type " + command.path("type"));
                    continue;
                }
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        InboundTopics.commands(publisher, channel), subject,
                        json.writeValueAsString(command.get("data")));
                header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
                header(record, CloudEvents.HEADER_ID, id);
                header(record, CloudEvents.HEADER_TYPE, command.path("type").asText());
                header(record, CloudEvents.HEADER_SOURCE, "/" + publisher + "/example-publisher");
                header(record, CloudEvents.HEADER_SUBJECT, subject);
                header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
                if (command.hasNonNull("ifmatch")) {
                    header(record, CommandTypes.IF_MATCH_HEADER, command.get("ifmatch").asText());
                }
                producer.send(record).get();
                sent.add(id);
                System.out.println("sent     " + id + "  " + command.path("type").asText() + "  " + subject);
            }
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(scram, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, publisher + ".example-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(InboundTopics.outcomes(publisher)));
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
            while (!sent.isEmpty() && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, String> outcome : consumer.poll(Duration.ofMillis(500))) {
                    String commandId = json.readTree(outcome.value()).path("commandId").asText();
                    if (sent.remove(commandId)) {
                        System.out.println("outcome  " + outcome.value());
                    }
                }
            }
        }
        if (!sent.isEmpty()) {
            System.err.println("No outcome within 60 s for " + sent + " (are the services up?)");
            System.exit(1);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(base);
        config.putAll(more);
        return config;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private InboundExamplePublisher() {
    }
}
