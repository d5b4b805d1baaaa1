package vn.neuguong.platform.outbox;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxEvents outboxEvents(JsonMapper jsonMapper, Clock clock, ObjectProvider<OutboxRelay> relay) {
        return new OutboxEvents(jsonMapper, clock, relay);
    }

    @Bean
    @ConditionalOnExpression("!'${neuguong.outbox.collections:}'.isEmpty()")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafkaProperties, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        return new OutboxRelay(mongo, new KafkaTemplate<>(relayProducerFactory(kafkaProperties)), properties, clock,
                meters);
    }

    /**
     * Idempotent, acks=all, so an acknowledged event is durable and a retried send is not duplicated by the
     * broker. linger.ms 5 (Kafka 4's default, stated on purpose): the relay sends a batch at a time, so a short
     * linger fills batches without adding noticeable latency. Short blocking and delivery timeouts keep a round
     * from hanging while the broker is down; the events simply wait for the next round.
     */
    static DefaultKafkaProducerFactory<String, String> relayProducerFactory(KafkaProperties kafkaProperties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new DefaultKafkaProducerFactory<>(config);
    }
}
