package vn.neuguong.platform.kafka;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Failures that say the database is not available right now (a timeout, a refused or dropped connection, no
 * primary) rather than that the record is wrong. A listener that meets one must wait and try again: the same
 * record will succeed once the database is back, and dead-lettering it would lose an update for good.
 */
public final class Unavailability {

    /** Whether {@code failure} or one of its causes says the database is unavailable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoServerUnavailableException
                    || cause instanceof MongoConnectionPoolClearedException
                    || cause instanceof MongoExecutionTimeoutException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                    || mongo.hasErrorLabel("RetryableWriteError"))) {
                return true;
            }
        }
        return false;
    }

    private Unavailability() {
    }
}
