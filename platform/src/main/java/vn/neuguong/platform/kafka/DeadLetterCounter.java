package vn.neuguong.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the records sent to a dead-letter topic: {@code neuguong.events.dead-lettered{topic, reason}}, where topic
 * is the topic the record came from and reason a short, bounded name of why (an exception's class, or
 * {@code unreadable}), so that an alert can say which reader and which kind of failure.
 */
public final class DeadLetterCounter {

    public static final String NAME = "neuguong.events.dead-lettered";

    private final MeterRegistry meters;

    public DeadLetterCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(String topic, String reason) {
        Counter.builder(NAME).description("Records sent to a dead-letter topic").tag("topic", topic)
                .tag("reason", reason).register(meters).increment();
    }

    /** The innermost cause's class: what went wrong, without the message's unbounded variety. */
    public static String reasonOf(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
