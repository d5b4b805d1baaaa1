package vn.neuguong.platform.inbound;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import jakarta.validation.Validator;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.outbox.OutboxConfiguration;

/** The inbound command channel's parts a service binds its command handlers to (docs/inbound.md). */
@AutoConfiguration(after = OutboxConfiguration.class)
@EnableConfigurationProperties(InboundProperties.class)
public class InboundConfiguration {

    @Bean
    Publishers publishers(InboundProperties properties) {
        return new Publishers(properties);
    }

    @Bean
    CommandOutcomeStore commandOutcomeStore(MongoTemplate mongo) {
        return new CommandOutcomeStore(mongo);
    }

    @Bean
    InboundCommands inboundCommands(Publishers publishers, CommandOutcomeStore outcomes, JsonMapper jsonMapper,
            Validator validator, Clock clock, @Value("/${spring.application.name:neuguong}") String source) {
        return new InboundCommands(publishers, outcomes, jsonMapper, validator, clock, source);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
    static class DeadLettering {

        @Bean
        InboundDeadLettering inboundDeadLettering(KafkaProperties kafkaProperties) {
            Map<String, Object> config = kafkaProperties.buildProducerProperties();
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            return new InboundDeadLettering(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)));
        }
    }
}
