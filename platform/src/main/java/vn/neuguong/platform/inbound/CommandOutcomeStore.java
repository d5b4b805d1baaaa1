package vn.neuguong.platform.inbound;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first outcome of every command, by publisher and command id, so a command delivered again (a redelivery,
 * or a publisher sending it twice) is answered with exactly the outcome it got the first time.
 */
public class CommandOutcomeStore {

    static final String COLLECTION = "inboundOutcomes";

    private final MongoTemplate mongo;

    public CommandOutcomeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The outcome (its JSON, as published) of an earlier delivery of this command, if any. */
    public Optional<String> find(String publisher, String commandId) {
        return Optional.ofNullable(mongo.findById(key(publisher, commandId), StoredOutcome.class, COLLECTION))
                .map(StoredOutcome::outcome);
    }

    /** Keeps the first outcome of a command; when another instance stored one first, that one is the answer. */
    public String remember(String publisher, String commandId, String outcome) {
        try {
            mongo.insert(new StoredOutcome(key(publisher, commandId), outcome), COLLECTION);
            return outcome;
        } catch (DuplicateKeyException stored) {
            return find(publisher, commandId).orElseThrow(() -> stored);
        }
    }

    private static String key(String publisher, String commandId) {
        return publisher + "|" + commandId;
    }

    @Document(COLLECTION)
    record StoredOutcome(@Id String id, String outcome) {
    }
}
