package vn.neuguong.recognition.council;

import java.util.List;

import vn.neuguong.contracts.recognition.Award;

/**
 * How the council of one level decides.
 *
 * @param quorum   votes that must be cast before any decision
 * @param majority share of the votes cast that approvals must strictly exceed for an award (0.5: more than half)
 * @param awards   the awards a council of this level may give
 */
public record CouncilRule(int quorum, double majority, List<Award> awards) {

    public CouncilRule {
        if (quorum < 1) {
            throw new IllegalArgumentException("quorum must be at least 1, not " + quorum);
        }
        if (majority < 0 || majority >= 1) {
            throw new IllegalArgumentException("majority must be in [0, 1), not " + majority);
        }
        if (awards == null || awards.isEmpty()) {
            throw new IllegalArgumentException("a council gives at least one award");
        }
        awards = List.copyOf(awards);
    }

    public boolean quorumMet(Tally tally) {
        return tally.votes() >= quorum;
    }

    public boolean approves(Tally tally) {
        return tally.votes() > 0 && tally.approvals() > majority * tally.votes();
    }

    public boolean allows(Award award) {
        return awards.contains(award);
    }
}
