package vn.neuguong.pledge.pledge;

import java.util.Map;
import java.util.Set;

import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.platform.web.ConflictException;

/** The pledge lifecycle: register → (revise)* → self-assess → evaluate, and withdrawal before evaluation. */
public enum Transition {

    REVISE("revise", Set.of(PledgeStatus.REGISTERED), PledgeStatus.REGISTERED, PledgeChanged.REVISED),
    SELF_ASSESS("self-assess", Set.of(PledgeStatus.REGISTERED), PledgeStatus.SELF_ASSESSED,
            PledgeChanged.SELF_ASSESSED),
    EVALUATE("evaluate", Set.of(PledgeStatus.SELF_ASSESSED), PledgeStatus.EVALUATED, PledgeChanged.EVALUATED),
    WITHDRAW("withdraw", Set.of(PledgeStatus.REGISTERED, PledgeStatus.SELF_ASSESSED), PledgeStatus.WITHDRAWN,
            PledgeChanged.WITHDRAWN);

    private final String verb;
    private final Set<PledgeStatus> allowedFrom;
    private final PledgeStatus target;
    private final String eventType;

    Transition(String verb, Set<PledgeStatus> allowedFrom, PledgeStatus target, String eventType) {
        this.verb = verb;
        this.allowedFrom = allowedFrom;
        this.target = target;
        this.eventType = eventType;
    }

    /**
     * @return the status after the transition
     * @throws ConflictException naming the current status when the transition is not allowed from it
     */
    public PledgeStatus from(PledgeStatus current) {
        if (!allowedFrom.contains(current)) {
            throw new ConflictException("Cannot " + verb + " a pledge that is " + current + "; allowed only from "
                    + allowedFrom.stream().map(Enum::name).sorted().toList(), Map.of("status", current.name()));
        }
        return target;
    }

    public String eventType() {
        return eventType;
    }
}
