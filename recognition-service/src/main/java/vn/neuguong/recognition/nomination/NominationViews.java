package vn.neuguong.recognition.nomination;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.recognition.council.CouncilRule;
import vn.neuguong.recognition.council.Councils;
import vn.neuguong.recognition.council.Tally;
import vn.neuguong.recognition.pledge.PledgeEvaluation;
import vn.neuguong.recognition.pledge.PledgeEvaluations;

/** Turns stored nominations into what the caller may see, joining the local pledge projection. */
@Component
public class NominationViews {

    private final Councils councils;
    private final PledgeEvaluations pledgeEvaluations;

    public NominationViews(Councils councils, PledgeEvaluations pledgeEvaluations) {
        this.councils = councils;
        this.pledgeEvaluations = pledgeEvaluations;
    }

    public NominationView view(CurrentUser user, Nomination nomination) {
        return view(user, nomination, pledgeEvaluations.find(nomination.pledgeIds()));
    }

    public List<NominationView> views(CurrentUser user, List<Nomination> nominations) {
        Map<String, PledgeEvaluation> evaluations = pledgeEvaluations.find(nominations.stream()
                .map(Nomination::pledgeIds).flatMap(Collection::stream).distinct().toList());
        return nominations.stream().map(nomination -> view(user, nomination, evaluations)).toList();
    }

    private NominationView view(CurrentUser user, Nomination nomination, Map<String, PledgeEvaluation> evaluations) {
        if (!NominationAccess.canRead(user, nomination)) {
            return adopterView(nomination);
        }
        List<NominationView.RoundView> rounds = nomination.rounds().stream().map(round -> new NominationView.RoundView(
                round.reviewUnitId(), round.level(), round.state(), round.openedAt(), tally(round),
                NominationAccess.seesBallots(user, round) ? round.votes() : null, round.decision(),
                round.escalation())).toList();
        List<NominationView.LinkedPledge> pledges = nomination.pledgeIds().stream().map(pledgeId -> {
            PledgeEvaluation known = evaluations.get(pledgeId);
            return known == null ? new NominationView.LinkedPledge(pledgeId, null, null, false)
                    : new NominationView.LinkedPledge(pledgeId, known.status(), known.grade(), known.excellent());
        }).toList();
        return new NominationView(nomination.id(), nomination.year(), nomination.status(), nomination.version(),
                nomination.nominee(), nomination.unitPath(), nomination.nominatingUnitId(), nomination.field(),
                nomination.achievements(), nomination.reviewUnitId(), nomination.currentRound().level(),
                tally(nomination.currentRound()), nomination.currentAward(), rounds, nomination.pledgeIds(), pledges,
                pledges.stream().filter(NominationView.LinkedPledge::excellent)
                        .map(NominationView.LinkedPledge::pledgeId).toList(),
                nomination.replications().size(), nomination.replications().stream()
                        .map(r -> new NominationView.ReplicationView(r.adoptingUnitId(), r.note(), r.recordedAt(),
                                r.recordedBy())).toList(),
                nomination.submittedAt(), nomination.submittedBy(), nomination.updatedAt());
    }

    /**
     * What an officer who records a replication of an awarded model without reading its nomination sees: the model,
     * its award and how often it was adopted — not its achievements, submitter, rounds, votes or pledges.
     */
    private static NominationView adopterView(Nomination nomination) {
        return new NominationView(nomination.id(), nomination.year(), nomination.status(), nomination.version(),
                nomination.nominee(), nomination.unitPath(), null, nomination.field(), null, null, null, null,
                nomination.currentAward(), List.of(), List.of(), List.of(), List.of(),
                nomination.replications().size(), List.of(), null, null, nomination.updatedAt());
    }

    private NominationView.TallyView tally(ReviewRound round) {
        Tally tally = round.tally();
        CouncilRule rule = councils.at(round.level()).orElse(null);
        if (rule == null) {
            return new NominationView.TallyView(tally.votes(), tally.approvals(), 0, 0, false, false);
        }
        return new NominationView.TallyView(tally.votes(), tally.approvals(), rule.quorum(), rule.majority(),
                rule.quorumMet(tally), rule.approves(tally));
    }
}
