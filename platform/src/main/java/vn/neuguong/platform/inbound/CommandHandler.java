package vn.neuguong.platform.inbound;

import vn.neuguong.platform.security.CurrentUser;

/**
 * Executes one type of command by calling the same service method the API's controller calls, as the publisher.
 * A refusal is the service's own {@code ApiException}; the channel turns it into a rejected outcome.
 */
@FunctionalInterface
public interface CommandHandler {

    Result handle(CurrentUser publisher, InboundCommand command);

    /** The entity the command created or changed, and its version afterwards. */
    record Result(String entityId, long version) {
    }
}
