package vn.neuguong.platform.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.platform.kafka.TopicProperties;
import vn.neuguong.platform.security.CurrentUser;

/** The configured publishers, each acting as a user of its bound unit. */
public final class Publishers {

    /** The {@code sub} of a publisher's identity: never a member's id, so it never owns an individual pledge. */
    static final String SUBJECT_PREFIX = "publisher:";

    private final Map<String, CurrentUser> identities = new TreeMap<>();

    public Publishers(InboundProperties properties) {
        properties.publishers().forEach((name, binding) -> {
            if (!InboundTopics.isPublisherName(name)) {
                throw new IllegalArgumentException("neuguong.inbound.publishers." + name
                        + ": a publisher name is up to 64 lower-case letters, digits and dashes");
            }
            if (binding.unitId() == null || binding.unitId().isBlank()) {
                throw new IllegalArgumentException("neuguong.inbound.publishers." + name + ".unit-id is required");
            }
            identities.put(name, new CurrentUser(SUBJECT_PREFIX + name, name, binding.unitId(), binding.roles()));
        });
    }

    /** The identity a publisher's commands run with, as the API's controllers receive a caller's. */
    public Optional<CurrentUser> identity(String publisher) {
        return Optional.ofNullable(identities.get(publisher));
    }

    /**
     * The topics a consuming service needs for every configured publisher: its commands topic of the channel and
     * its outcomes topic. Declaring an existing topic is a no-op.
     */
    public NewTopic[] topics(String channel, TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String publisher : identities.keySet()) {
            topics.add(topic(InboundTopics.commands(publisher, channel), properties));
            topics.add(topic(InboundTopics.outcomes(publisher), properties));
        }
        topics.add(topic(InboundTopics.DEAD_LETTER, properties));
        return topics.toArray(NewTopic[]::new);
    }

    private static NewTopic topic(String name, TopicProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor())
                .build();
    }
}
