package vn.neuguong.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.inbound.InboundTopics;

/**
 * A province's system in a test: sends commands as CloudEvents (binary mode, keyed by the subject) to its topic of
 * one channel of the inbound command channel, and reads their outcomes (docs/inbound.md). The test broker has no
 * ACLs, so it writes as the services' plain client; the topic names the publisher, as on the real channel.
 */
public final class InboundPublisher {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String channel;

    /** @param name a fresh name per test class: the test JVM's broker keeps its topics across test classes */
    public InboundPublisher(String name, String channel) {
        this.name = name;
        this.channel = channel;
    }

    /** A fresh publisher name, e.g. {@code t1a2b3c4d}. */
    public static String newName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public String name() {
        return name;
    }

    /** Sends a command with a new id, and returns the id. {@code data} is JSON text or an object written as JSON. */
    public String send(String type, String subject, Object data, String... extraHeaders) {
        String id = UUID.randomUUID().toString();
        sendWithId(id, type, subject, data, extraHeaders);
        return id;
    }

    public void sendWithId(String id, String type, String subject, Object data, String... extraHeaders) {
        Map<String, String> headers = new HashMap<>(Map.of(CloudEvents.HEADER_SPEC_VERSION, "1.0",
                CloudEvents.HEADER_ID, id, CloudEvents.HEADER_TYPE, type,
                CloudEvents.HEADER_SOURCE, "/test/" + name, CloudEvents.HEADER_CONTENT_TYPE, "application/json"));
        if (subject != null) {
            headers.put(CloudEvents.HEADER_SUBJECT, subject);
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        KafkaRecords.send(InboundTopics.commands(name, channel), subject, json(data), headers);
    }

    /** The outcome records of a command (up to {@code count}, in the order they were published). */
    public List<ConsumerRecord<String, String>> outcomesOf(String commandId, int count) {
        return KafkaRecords.await(InboundTopics.outcomes(name),
                record -> commandId.equals(commandIdOf(record.value())), count, WAIT);
    }

    /** The one outcome of a command, as its JSON text (the test reads it as a {@code CommandOutcome}). */
    public String outcomeOf(String commandId) {
        List<ConsumerRecord<String, String>> found = outcomesOf(commandId, 1);
        if (found.size() != 1) {
            throw new AssertionError("No outcome of command " + commandId + " on " + InboundTopics.outcomes(name)
                    + " within " + WAIT);
        }
        return found.get(0).value();
    }

    private static String commandIdOf(String outcome) {
        try {
            return JSON.readTree(outcome).path("commandId").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String json(Object data) {
        if (data instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the command's data as JSON", e);
        }
    }
}
