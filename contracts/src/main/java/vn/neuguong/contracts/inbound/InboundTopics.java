package vn.neuguong.contracts.inbound;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Topics of the inbound command channel. Every publishing system (a Kafka principal {@code User:<publisher>}) has
 * topics of its own: it writes commands to {@code neuguong.inbound.<publisher>.<channel>} and reads their outcomes
 * from {@code neuguong.outcomes.<publisher>}. The topic therefore names the principal that wrote the record: the
 * broker's ACLs let only that principal write there, and the consuming service binds the publisher to its unit.
 */
public final class InboundTopics {

    /**
     * Publisher names: lower-case letters, digits and dashes (no dot, so a topic prefix never spans two publishers;
     * no comma, which a binding's destination list would split on).
     */
    public static final Pattern PUBLISHER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_PUBLISHER_NAME = 64;

    /** Pledge commands (register, revise, self-assess, evaluate, withdraw), consumed by pledge-service. */
    public static final String PLEDGES = "pledges";
    /** Report and conference-attendance commands, consumed by reporting-service. */
    public static final String REPORTS = "reports";
    /** Nomination commands, consumed by recognition-service. */
    public static final String NOMINATIONS = "nominations";

    public static final String COMMANDS_PREFIX = "neuguong.inbound.";
    public static final String OUTCOMES_PREFIX = "neuguong.outcomes.";
    /** Where records that are not readable commands go, with the reason in the binder's exception headers. */
    public static final String DEAD_LETTER = "neuguong.inbound-dlq";

    /** The topic a publisher writes one channel's commands to, e.g. {@code neuguong.inbound.thai-nguyen.pledges}. */
    public static String commands(String publisher, String channel) {
        return COMMANDS_PREFIX + requireName(publisher) + "." + channel;
    }

    /** The topic a publisher reads its outcomes from, e.g. {@code neuguong.outcomes.thai-nguyen}. */
    public static String outcomes(String publisher) {
        return OUTCOMES_PREFIX + requireName(publisher);
    }

    /** Every channel, one per consuming service's kind of command. */
    public static final List<String> CHANNELS = List.of(PLEDGES, REPORTS, NOMINATIONS);

    /**
     * The regular expression matching every publisher's topic of a channel, e.g.
     * {@code neuguong\.inbound\.[a-z0-9][a-z0-9-]*\.pledges}: a consuming service's pattern subscription.
     */
    public static String commandsPattern(String channel) {
        return escapeDots(COMMANDS_PREFIX) + PUBLISHER_NAME.pattern() + escapeDots("." + channel);
    }

    private static String escapeDots(String literal) {
        return literal.replace(".", "\\.");
    }

    /** The publisher a command topic belongs to, or null when the topic is not a command topic. */
    public static String publisherOf(String topic) {
        if (topic == null || !topic.startsWith(COMMANDS_PREFIX)) {
            return null;
        }
        String rest = topic.substring(COMMANDS_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String publisher = rest.substring(0, dot);
        return isPublisherName(publisher) ? publisher : null;
    }

    public static boolean isPublisherName(String name) {
        return name != null && name.length() <= MAX_PUBLISHER_NAME && PUBLISHER_NAME.matcher(name).matches();
    }

    private static String requireName(String publisher) {
        if (!isPublisherName(publisher)) {
            throw new IllegalArgumentException("Not a publisher name: " + publisher);
        }
        return publisher;
    }

    private InboundTopics() {
    }
}
