package vn.neuguong.platform.inbound;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

import vn.neuguong.contracts.inbound.InboundTopics;

/**
 * Retries and dead-lettering of the command bindings, in their listener container. The Kafka binder refuses its
 * own DLQ for a pattern subscription (one binding reads every publisher's topic), so this customizer gives the
 * container what the binder would: the binding's back-off (its max-attempts and back-off settings), then the record
 * to {@link InboundTopics#DEAD_LETTER} with the reason in {@code kafka_dlt-*} headers. A record that is no command
 * at all ({@link UnreadableCommandException}) is dead-lettered at once; the partition keeps flowing either way.
 */
class InboundDeadLettering implements ListenerContainerWithDlqAndRetryCustomizer {

    private final ConsumerRecordRecoverer recoverer;

    InboundDeadLettering(KafkaOperations<byte[], byte[]> template) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(InboundTopics.DEAD_LETTER, -1));
        // the reason, not the layers of listener and binding exceptions around it
        this.recoverer = (record, exception) -> deadLetters.accept(record,
                NestedExceptionUtils.getMostSpecificCause(exception) instanceof Exception cause ? cause : exception);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        if (isCommands(destinationName)) {
            DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
            errorHandler.addNotRetryableExceptions(UnreadableCommandException.class);
            container.setCommonErrorHandler(errorHandler);
        }
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return !isCommands(destinationName);
    }

    private static boolean isCommands(String destinationName) {
        return InboundTopics.CHANNELS.stream().map(InboundTopics::commandsPattern).anyMatch(destinationName::equals);
    }
}
