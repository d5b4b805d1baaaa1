package vn.neuguong.aggregation;

/** A record that is not an event the aggregation can apply; it goes to the dead-letter topic with this reason. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason);
    }

    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
