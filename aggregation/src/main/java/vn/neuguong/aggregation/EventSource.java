package vn.neuguong.aggregation;

/**
 * One event topic the aggregation reads (pledges now; recognition and reports later): how to read a record into
 * an {@link EntityChange}, with the topic's own {@link Contribution}.
 */
public interface EventSource {

    /** The topic, keyed by entity id. */
    String topic();

    /** A short name for the topology's processors and the per-entity state store, e.g. {@code pledge}. */
    String name();

    /**
     * @param key             the record key, the entity id
     * @param recordTimestamp the record's timestamp, the event time when the event does not carry one
     * @throws UnreadableEventException when the record is not an event of this topic that can be applied
     */
    EntityChange read(String key, byte[] value, long recordTimestamp);
}
