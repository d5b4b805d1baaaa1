package vn.neuguong.platform.inbound;

/** A record that is not a command this channel can answer: it goes to the dead-letter topic with this reason. */
public class UnreadableCommandException extends RuntimeException {

    public UnreadableCommandException(String reason) {
        super(reason);
    }
}
