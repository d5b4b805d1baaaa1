package vn.neuguong.platform.inbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.inbound.CommandOutcome;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ApiException;
import vn.neuguong.platform.web.InvalidInputException;

/**
 * The inbound command channel: turns one command record into one outcome record. The publisher is the one the
 * topic names (only its principal may write there); it acts as a user of its bound unit, through the handler,
 * which calls the same service method as the API. A command seen before is answered with its first outcome.
 * A record that is no readable command throws {@link UnreadableCommandException} (dead-lettered by the binder);
 * a failure of our own (database down, replica not ready) throws too and is retried.
 */
public class InboundCommands {

    private static final Logger log = LoggerFactory.getLogger(InboundCommands.class);

    private final Publishers publishers;
    private final CommandOutcomeStore outcomes;
    private final JsonMapper jsonMapper;
    private final Validator validator;
    private final Clock clock;
    private final String source;

    public InboundCommands(Publishers publishers, CommandOutcomeStore outcomes, JsonMapper jsonMapper,
            Validator validator, Clock clock, String source) {
        this.publishers = publishers;
        this.outcomes = outcomes;
        this.jsonMapper = jsonMapper;
        this.validator = validator;
        this.clock = clock;
        this.source = source;
    }

    /** The function a Spring Cloud Stream binding runs: command record in, outcome record out. */
    public Function<Message<byte[]>, Message<byte[]>> function(Map<String, CommandHandler> handlers) {
        Map<String, CommandHandler> byType = Map.copyOf(handlers);
        return record -> process(record, byType);
    }

    Message<byte[]> process(Message<byte[]> record, Map<String, CommandHandler> handlers) {
        MessageHeaders headers = record.getHeaders();
        String topic = header(headers, KafkaHeaders.RECEIVED_TOPIC);
        String publisher = InboundTopics.publisherOf(topic);
        CurrentUser identity = publisher == null ? null : publishers.identity(publisher).orElse(null);
        if (identity == null) {
            throw new UnreadableCommandException("Topic " + topic + " belongs to no configured publisher");
        }
        if (!CloudEvents.SPEC_VERSION.equals(header(headers, CloudEvents.HEADER_SPEC_VERSION))) {
            throw new UnreadableCommandException("Not a CloudEvents 1.0 record: " + CloudEvents.HEADER_SPEC_VERSION
                    + " must be 1.0");
        }
        String id = header(headers, CloudEvents.HEADER_ID);
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new UnreadableCommandException(CloudEvents.HEADER_ID + " must be 1 to 200 characters");
        }
        String type = header(headers, CloudEvents.HEADER_TYPE);
        String subject = header(headers, CloudEvents.HEADER_SUBJECT);

        String outcome = outcomes.find(publisher, id).orElseGet(() -> {
            CommandOutcome decided = decide(identity, new InboundCommand(publisher, id, type, subject,
                    header(headers, CommandTypes.IF_MATCH_HEADER), record.getPayload(), jsonMapper, validator),
                    handlers);
            return outcomes.remember(publisher, id, jsonMapper.writeValueAsString(decided));
        });
        return outcomeRecord(publisher, id, subject, outcome);
    }

    private CommandOutcome decide(CurrentUser identity, InboundCommand command, Map<String, CommandHandler> handlers) {
        try {
            CommandHandler handler = handlers.get(command.type());
            if (handler == null) {
                throw new InvalidInputException("type", "must be one of " + handlers.keySet().stream().sorted()
                        .toList());
            }
            CommandHandler.Result result = handler.handle(identity, command);
            return new CommandOutcome(command.id(), command.type(), command.subject(), CommandOutcome.Status.ACCEPTED,
                    result.entityId(), result.version(), null, clock.instant());
        } catch (ApiException refused) {
            if (refused.status().is5xxServerError()) {
                throw refused;
            }
            log.debug("Command {} of {} rejected: {}", command.id(), command.publisher(), refused.getMessage());
            return new CommandOutcome(command.id(), command.type(), command.subject(), CommandOutcome.Status.REJECTED,
                    null, null, problem(refused), clock.instant());
        }
    }

    /** The problem detail the API would have answered, as a map (the outcome's JSON). */
    static Map<String, Object> problem(ApiException refused) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("about:blank").toString());
        problem.put("title", refused instanceof InvalidInputException ? "Invalid input"
                : HttpStatus.valueOf(refused.status().value()).getReasonPhrase());
        problem.put("status", refused.status().value());
        problem.put("detail", refused.getMessage());
        // extra members (e.g. existingId) never replace the standard ones
        refused.properties().forEach(problem::putIfAbsent);
        if (refused instanceof InvalidInputException invalid) {
            problem.put("errors", invalid.errors());
        }
        return problem;
    }

    private Message<byte[]> outcomeRecord(String publisher, String commandId, String subject, String outcome) {
        CommandOutcome decided = jsonMapper.readValue(outcome, CommandOutcome.class);
        return MessageBuilder.withPayload(outcome.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.TOPIC, InboundTopics.outcomes(publisher))
                .setHeader(KafkaHeaders.KEY, subject == null ? null : subject.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION))
                // derived from the command's id: the same command answers the same outcome event
                .setHeader(CloudEvents.HEADER_ID, bytes(UUID.nameUUIDFromBytes(
                        ("outcome|" + publisher + "|" + commandId).getBytes(StandardCharsets.UTF_8)).toString()))
                .setHeader(CloudEvents.HEADER_TYPE, bytes(decided.type()))
                .setHeader(CloudEvents.HEADER_SOURCE, bytes(source))
                .setHeader(CloudEvents.HEADER_TIME, bytes(decided.decidedAt().toString()))
                .setHeader(CloudEvents.HEADER_SUBJECT, subject == null ? null : bytes(subject))
                .setHeader(CloudEvents.HEADER_CONTENT_TYPE, bytes(CloudEvents.DATA_CONTENT_TYPE))
                .build();
    }

    /** A header as text: Kafka headers arrive as bytes (CloudEvents binary mode: UTF-8 strings). */
    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
