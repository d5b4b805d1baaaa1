package vn.neuguong.contracts.pledge;

/**
 * The part of a pledge's state that consumers count. An event carries it before and after the change, so a
 * consumer can apply the change without reading anything else.
 *
 * @param grade null until the pledge is evaluated
 */
public record PledgeSnapshot(
        PledgeStatus status,
        PledgerKind pledgerKind,
        boolean onTime,
        boolean generic,
        double specificityScore,
        Grade grade) {
}
