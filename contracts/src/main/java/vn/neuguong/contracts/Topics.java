package vn.neuguong.contracts;

/** Kafka topic names of DESIGN.md. Every topic is keyed by the id of the entity its events are about. */
public final class Topics {

    public static final String PLEDGE_EVENTS = "neuguong.pledge.events";
    public static final String RECOGNITION_EVENTS = "neuguong.recognition.events";
    public static final String REPORT_EVENTS = "neuguong.report.events";
    /** Compacted: the latest state of every org unit, keyed by unit id. */
    public static final String ORG_UNITS = "neuguong.org-units";
    /** Compacted: the latest aggregate of every (unit, year), keyed by {@code unitId|year}. */
    public static final String AGGREGATES = "neuguong.aggregates";

    /** Where a consumer sends a record it cannot read, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
