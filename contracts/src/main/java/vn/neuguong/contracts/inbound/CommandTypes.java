package vn.neuguong.contracts.inbound;

import java.util.List;

/**
 * The {@code ce_type} of every inbound command. The data of each is the body of the API request it stands for;
 * {@code ce_subject} names the entity (the pledge id) or, for a creation, the pledger, the report's unit or the
 * nominee: it is the record key, so one entity's commands stay in one partition, in order.
 */
public final class CommandTypes {

    public static final String PLEDGE_REGISTER = "vn.neuguong.pledge.register.v1";
    public static final String PLEDGE_REVISE = "vn.neuguong.pledge.revise.v1";
    public static final String PLEDGE_SELF_ASSESS = "vn.neuguong.pledge.self-assess.v1";
    public static final String PLEDGE_EVALUATE = "vn.neuguong.pledge.evaluate.v1";
    public static final String PLEDGE_WITHDRAW = "vn.neuguong.pledge.withdraw.v1";

    public static final List<String> PLEDGE_COMMANDS = List.of(PLEDGE_REGISTER, PLEDGE_REVISE, PLEDGE_SELF_ASSESS,
            PLEDGE_EVALUATE, PLEDGE_WITHDRAW);

    /**
     * The optional CloudEvents extension attribute ({@code ce_ifmatch}) carrying the version a change expects,
     * like the API's {@code If-Match}; a revision needs it.
     */
    public static final String IF_MATCH_HEADER = "ce_ifmatch";

    private CommandTypes() {
    }
}
