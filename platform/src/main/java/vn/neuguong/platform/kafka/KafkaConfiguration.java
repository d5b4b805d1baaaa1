package vn.neuguong.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import vn.neuguong.contracts.Topics;

/** Topics from configuration and dead-lettering for listeners. */
@AutoConfiguration
@EnableConfigurationProperties(TopicProperties.class)
public class KafkaConfiguration {

    private static final List<String> EVENT_TOPICS = List.of(Topics.PLEDGE_EVENTS, Topics.RECOGNITION_EVENTS,
            Topics.REPORT_EVENTS);
    private static final List<String> STATE_TOPICS = List.of(Topics.ORG_UNITS, Topics.AGGREGATES);
    private static final Duration UNAVAILABLE_RETRY_MAX = Duration.ofSeconds(10);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(15);

    /**
     * Event topics keep everything (aggregates can be rebuilt from offset 0); state topics are compacted to
     * the latest record per key. Creating an existing topic is a no-op, so every service may declare them all.
     */
    @Bean
    KafkaAdmin.NewTopics neuguongTopics(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            topics.add(topic(topic, properties).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
        }
        for (String topic : STATE_TOPICS) {
            topics.add(topic(topic, properties).compact().build());
        }
        for (String topic : concat(EVENT_TOPICS, STATE_TOPICS)) {
            topics.add(topic(Topics.deadLetter(topic), properties).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static TopicBuilder topic(String name, TopicProperties properties) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(properties.partitions())
                .replicas(properties.replicationFactor());
        if (properties.replicationFactor() >= 3) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return builder;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * A listener record that still fails after two quick retries goes to {@code <topic>.dlq} with the exception
     * in its headers, and the partition keeps flowing. A record that failed because the database is unavailable
     * is not at fault: it is tried again, backing off up to {@link #UNAVAILABLE_RETRY_MAX}, until the database is
     * back, and never dead-lettered (a batch listener says which record failed with a
     * {@code BatchListenerFailedException}).
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaProperties kafkaProperties, MeterRegistry meters) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        // a record goes to its dead-letter topic as it was read, text or bytes, whichever (de)serializers the
        // listener used (Spring Cloud Stream's binder makes Boot's default the byte-array ones)
        Serializer<Object> asRead = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(), String.class, new StringSerializer()));
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, asRead, asRead));
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DeadLetterCounter counter = new DeadLetterCounter(meters);
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            deadLetters.accept(record, exception);
            counter.count(record.topic(), DeadLetterCounter.reasonOf(exception));
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200, 2));
        handler.setBackOffFunction((record, exception) -> Unavailability.causedBy(exception)
                ? untilAvailable() : null);
        return handler;
    }


    /**
     * The lag of the groups of this service's listener containers, and of every {@link MonitoredConsumerGroup} (a
     * Kafka Streams application's, for example).
     */
    @Bean(destroyMethod = "close")
    ConsumerLag consumerLag(KafkaProperties kafkaProperties, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            ObjectProvider<MonitoredConsumerGroup> monitored, MeterRegistry meters) {
        ConsumerLag lag = new ConsumerLag(kafkaProperties.buildAdminProperties(),
                kafkaProperties.buildConsumerProperties(), () -> {
                    Set<String> groups = new TreeSet<>();
                    listeners.ifAvailable(registry -> registry.getAllListenerContainers().forEach(container -> {
                        if (container.getGroupId() != null) {
                            groups.add(container.getGroupId());
                        }
                    }));
                    monitored.forEach(group -> groups.add(group.groupId()));
                    return groups;
                }, meters, Clock.systemUTC());
        lag.start(LAG_REFRESH);
        return lag;
    }

    private static BackOff untilAvailable() {
        ExponentialBackOff backOff = new ExponentialBackOff(250, 2);
        backOff.setMaxInterval(UNAVAILABLE_RETRY_MAX.toMillis());
        return backOff;
    }
}
