package vn.neuguong.pledge.pledge;

import java.util.List;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.platform.web.IdempotencyKey;

/**
 * A pledge with the bookkeeping stored beside it, which makes its writes single-document and idempotent.
 *
 * @param creation       the Idempotency-Key of the request that registered it (unique), or null
 * @param importJobId    the import that registered it, or null
 * @param appliedKeys    the Idempotency-Keys of the last transitions applied to it
 */
public record StoredPledge(Pledge pledge, IdempotencyKey creation, String importJobId,
        List<IdempotencyKey> appliedKeys) {

    public static StoredPledge registered(Pledge pledge, IdempotencyKey creation, String importJobId) {
        return new StoredPledge(pledge, creation, importJobId, List.of());
    }

    /** After a transition to {@code after}, made by a request with this Idempotency-Key (null without one). */
    public StoredPledge changed(Pledge after, IdempotencyKey key) {
        return new StoredPledge(after, creation, importJobId, IdempotencyKey.remember(appliedKeys, key));
    }

    /**
     * The key that holds the pledger's place for the year (unique per year). A withdrawn pledge no longer holds it,
     * so the pledger may register again.
     */
    public String pledgerKey() {
        return pledge.status() == PledgeStatus.WITHDRAWN ? "withdrawn:" + pledge.id() + ":" + pledge.pledgerKey()
                : pledge.pledgerKey();
    }
}
