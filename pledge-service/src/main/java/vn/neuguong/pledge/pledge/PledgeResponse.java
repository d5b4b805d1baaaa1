package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.pledge.specificity.Specificity;

/** What the API shows of a pledge: an allow-list, so internal fields (keys, outbox) never leak. */
public record PledgeResponse(String id, int year, String unitId, List<String> unitPath, Pledge.Pledger pledger,
        String themeId, List<Pledge.Commitment> commitments, PledgeStatus status, long version, boolean onTime,
        LocalDate signedOn, Specificity specificity, Instant registeredAt, String registeredBy, Instant updatedAt,
        Pledge.SelfAssessment selfAssessment, Pledge.Evaluation evaluation, Pledge.Withdrawal withdrawal) {

    /** The pledge as {@code reader} sees it: a near-copy names the pledge copied only to who may read that one. */
    public static PledgeResponse of(Pledge p, CurrentUser reader) {
        Specificity specificity = p.specificity() == null || PledgeAccess.readsPledgesOfUnit(reader, p.unitPath())
                ? p.specificity() : p.specificity().withoutCopiedPledges();
        return new PledgeResponse(p.id(), p.year(), p.unitId(), p.unitPath(), p.pledger(), p.themeId(),
                p.commitments(), p.status(), p.version(), p.onTime(), p.signedOn(), specificity, p.registeredAt(),
                p.registeredBy(), p.updatedAt(), p.selfAssessment(), p.evaluation(), p.withdrawal());
    }

    public record Page(List<PledgeResponse> items, int page, int size, long total) {
    }
}
