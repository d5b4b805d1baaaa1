package vn.neuguong.contracts.inbound;

import java.util.List;

/**
 * The {@code ce_type} of every inbound command. The data of each is the body of the API request it stands for;
 * {@code ce_subject} names the entity (the pledge, report or conference id) or, for a creation, the pledger, the
 * report's unit or the nominee: it is the record key, so one entity's commands stay in one partition, in order.
 */
public final class CommandTypes {

    public static final String PLEDGE_REGISTER = "vn.neuguong.pledge.register.v1";
    public static final String PLEDGE_REVISE = "vn.neuguong.pledge.revise.v1";
    public static final String PLEDGE_SELF_ASSESS = "vn.neuguong.pledge.self-assess.v1";
    public static final String PLEDGE_EVALUATE = "vn.neuguong.pledge.evaluate.v1";
    public static final String PLEDGE_WITHDRAW = "vn.neuguong.pledge.withdraw.v1";

    public static final List<String> PLEDGE_COMMANDS = List.of(PLEDGE_REGISTER, PLEDGE_REVISE, PLEDGE_SELF_ASSESS,
            PLEDGE_EVALUATE, PLEDGE_WITHDRAW);

    public static final String REPORT_SAVE_DRAFT = "vn.neuguong.report.save-draft.v1";
    public static final String REPORT_SUBMIT = "vn.neuguong.report.submit.v1";
    public static final String REPORT_APPROVE = "vn.neuguong.report.approve.v1";
    public static final String REPORT_RETURN = "vn.neuguong.report.return.v1";
    /** A unit's attendance at an online review conference; {@code ce_subject} is the conference id. */
    public static final String CONFERENCE_CHECK_IN = "vn.neuguong.conference.check-in.v1";

    /** The commands of the {@code reports} channel, consumed by reporting-service. */
    public static final List<String> REPORT_COMMANDS = List.of(REPORT_SAVE_DRAFT, REPORT_SUBMIT, REPORT_APPROVE,
            REPORT_RETURN, CONFERENCE_CHECK_IN);

    public static final String NOMINATION_SUBMIT = "vn.neuguong.nomination.submit.v1";

    /** The commands of the {@code nominations} channel, consumed by recognition-service. */
    public static final List<String> NOMINATION_COMMANDS = List.of(NOMINATION_SUBMIT);

    /**
     * The channel a command is published on ({@link InboundTopics#PLEDGES}, {@link InboundTopics#REPORTS} or
     * {@link InboundTopics#NOMINATIONS}), or null for a type no channel takes.
     */
    public static String channelOf(String type) {
        if (PLEDGE_COMMANDS.contains(type)) {
            return InboundTopics.PLEDGES;
        }
        if (REPORT_COMMANDS.contains(type)) {
            return InboundTopics.REPORTS;
        }
        return NOMINATION_COMMANDS.contains(type) ? InboundTopics.NOMINATIONS : null;
    }

    /**
     * The optional CloudEvents extension attribute ({@code ce_ifmatch}) carrying the version a change expects,
     * like the API's {@code If-Match}; a revision needs it.
     */
    public static final String IF_MATCH_HEADER = "ce_ifmatch";

    private CommandTypes() {
    }
}
