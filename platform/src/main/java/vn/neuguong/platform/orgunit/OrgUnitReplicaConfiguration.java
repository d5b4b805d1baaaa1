package vn.neuguong.platform.orgunit;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration
@ConditionalOnProperty(name = "neuguong.org-units.replica.enabled", havingValue = "true")
public class OrgUnitReplicaConfiguration {

    @Bean
    OrgUnitReplica orgUnitReplica(KafkaProperties kafkaProperties, JsonMapper jsonMapper, MeterRegistry meters) {
        Map<String, Object> producerConfig = kafkaProperties.buildProducerProperties();
        return new OrgUnitReplica(kafkaProperties.buildConsumerProperties(),
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer()), jsonMapper, meters);
    }

    @Bean
    OrgUnitReplicaHealthIndicator orgUnitReplicaHealthIndicator(OrgUnitReplica replica) {
        return new OrgUnitReplicaHealthIndicator(replica);
    }
}
