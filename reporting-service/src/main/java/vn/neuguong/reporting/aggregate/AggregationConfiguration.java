package vn.neuguong.reporting.aggregate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.aggregation.AggregationTopology;
import vn.neuguong.aggregation.EventSource;
import vn.neuguong.aggregation.PledgeEvents;
import vn.neuguong.aggregation.RecognitionEvents;
import vn.neuguong.aggregation.ReportEvents;
import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.contracts.Topics;
import vn.neuguong.platform.kafka.DeadLetterCounter;
import vn.neuguong.platform.kafka.MonitoredConsumerGroup;
import vn.neuguong.platform.kafka.TopicProperties;

/** Runs the {@link AggregationTopology} in this service with Spring Kafka's Kafka Streams support. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AggregationConfiguration {

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration aggregationStreamsConfig(KafkaProperties kafkaProperties, AggregatesProperties aggregates,
            TopicProperties topics) {
        Map<String, Object> config = kafkaProperties.buildStreamsProperties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, aggregates.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, aggregates.commitInterval().toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, aggregates.stateDir().toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, topics.replicationFactor().intValue());
        if (aggregates.instanceId() != null) {
            config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), aggregates.instanceId());
        }
        return new KafkaStreamsConfiguration(config);
    }

    /**
     * A static member does not leave the group when it merely closes (it expects to come back); an instance that
     * stops on purpose (scaled down, redeployed) leaves, so its tasks move to the others at once.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
    }

    @Bean
    AggregationHealthIndicator aggregationHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new AggregationHealthIndicator(streams);
    }

    /**
     * A stream thread that fails (broker unreachable for too long, a fenced producer) is replaced; under
     * exactly-once its unfinished transaction is aborted and the work is redone from the last commit.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(
                exception -> StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Bean
    PledgeEvents pledgeEvents() {
        return new PledgeEvents(lenientJsonMapper());
    }

    @Bean
    RecognitionEvents recognitionEvents() {
        return new RecognitionEvents(lenientJsonMapper());
    }

    @Bean
    ReportEvents reportEvents() {
        return new ReportEvents(lenientJsonMapper());
    }

    /** Event readers ignore fields they do not know, so producers can add fields without breaking them. */
    private static JsonMapper lenientJsonMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Bean
    AggregationTopology aggregationTopology(List<EventSource> sources, Clock clock, AggregatesProperties aggregates,
            MeterRegistry meters) {
        DeadLetterCounter deadLetters = new DeadLetterCounter(meters);
        return new AggregationTopology(sources, clock, aggregates.source(), aggregates.commitInterval(),
                deadLetters::count);
    }

    /** The Streams application's lag is reported with the listeners' (neuguong.consumer.lag.*). */
    @Bean
    MonitoredConsumerGroup aggregationConsumerGroup(AggregatesProperties aggregates) {
        return new MonitoredConsumerGroup(aggregates.applicationId());
    }

    @Bean
    GenerationSwitch generationSwitch(AggregatesProperties aggregates, List<EventSource> sources,
            KafkaProperties kafkaProperties, GenerationStore generations, Clock clock) {
        return new GenerationSwitch(aggregates.applicationId(), sources.stream().map(EventSource::topic).toList(),
                Admin.create(kafkaProperties.buildAdminProperties()), generations, clock);
    }

    @Bean
    KStream<String, UnitYearAggregate> aggregates(StreamsBuilder builder, AggregationTopology topology,
            GenerationSwitch generation) {
        return topology.addTo(builder, Topics.AGGREGATES, generation);
    }
}
