package vn.neuguong.pledge.pledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.platform.outbox.OutboxEvents;
import vn.neuguong.platform.text.InputText;
import vn.neuguong.pledge.specificity.CommitmentText;
import vn.neuguong.pledge.specificity.CopyCandidate;
import vn.neuguong.pledge.specificity.MinHash;
import vn.neuguong.pledge.specificity.Shingles;
import vn.neuguong.pledge.specificity.Specificity;
import vn.neuguong.pledge.specificity.SpecificityChecker;
import vn.neuguong.pledge.theme.StudyTheme;

/** Builds pledges and their events the same way for the API and the bulk import. */
public class PledgeFactory {

    private final SpecificityChecker checker;
    private final OutboxEvents outboxEvents;
    private final RegistrationDeadlines deadlines;

    public PledgeFactory(SpecificityChecker checker, OutboxEvents outboxEvents, RegistrationDeadlines deadlines) {
        this.checker = checker;
        this.outboxEvents = outboxEvents;
        this.deadlines = deadlines;
    }

    /**
     * The pledge a valid request registers, by {@code registration.by()} at {@code registration.at()}, signed on
     * the day an import declares ({@code declaredSigningDay}, checked by {@link SigningDay#problem}) or, when null,
     * the day of the registration. {@code commitments} are the request's, as {@link #commitments} made them.
     */
    public Pledge newPledge(String id, PledgeRequest request, List<Pledge.Commitment> commitments,
                            PledgeValidator.Resolved resolved, Specificity specificity, Pledge.Change registration,
                            LocalDate declaredSigningDay) {
        LocalDate signedOn = declaredSigningDay != null ? declaredSigningDay : SigningDay.of(registration.at());
        return Pledge.builder()
                .id(id)
                .year(request.year())
                .unit(resolved.unit().id(), resolved.unit().path())
                .pledger(pledger(request.pledger()))
                .themeId(resolved.theme() == null ? null : resolved.theme().id())
                .commitments(commitments)
                .specificity(specificity)
                .signed(signedOn, deadlines.onTime(request.year(), signedOn))
                .registered(registration);
    }

    public static Pledge.Pledger pledger(PledgeRequest.Pledger pledger) {
        return new Pledge.Pledger(pledger.kind(), trim(pledger.memberId()), trim(pledger.fullName()),
                trim(pledger.position()), trim(pledger.name()));
    }

    public static List<Pledge.Commitment> commitments(PledgeRequest request) {
        return request.commitments().stream().map(c -> new Pledge.Commitment(c.area(), trim(c.action()),
                trim(c.linkedDuty()), trim(c.measure()), trim(c.target()), c.dueDate())).toList();
    }

    /** The MinHash band keys of an action: what near-copy candidates are found by. */
    public static List<String> bandKeys(String action) {
        return MinHash.bandKeys(Shingles.of(action));
    }

    /** The distinct MinHash band keys of all the commitments' actions. */
    public static List<String> similarityKeys(List<Pledge.Commitment> commitments) {
        return similarityKeys(commitments, PledgeFactory::bandKeys);
    }

    /** As {@link #similarityKeys(List)}, with each action's keys from {@code bandKeys} (which may know them). */
    public static List<String> similarityKeys(List<Pledge.Commitment> commitments,
                                              Function<String, List<String>> bandKeys) {
        Set<String> keys = new LinkedHashSet<>();
        for (Pledge.Commitment commitment : commitments) {
            keys.addAll(bandKeys.apply(commitment.action()));
        }
        return List.copyOf(keys);
    }

    public Specificity specificity(List<Pledge.Commitment> commitments, StudyTheme theme,
                                   List<CopyCandidate> candidates) {
        List<CommitmentText> texts = new ArrayList<>();
        for (Pledge.Commitment c : commitments) {
            texts.add(new CommitmentText(c.action(), c.linkedDuty(), c.measure(), c.target(), c.dueDate()));
        }
        return checker.check(texts, theme == null ? null : theme.title(), candidates);
    }

    public OutboxEvent registered(Pledge pledge) {
        return event(null, pledge, PledgeChanged.REGISTERED);
    }

    /** The event of a change from {@code before} (null for the registration) to {@code after}. */
    public OutboxEvent event(Pledge before, Pledge after, String type) {
        PledgeChanged data = new PledgeChanged(after.id(), after.version(), after.unitId(), after.unitPath(),
                after.year(), before == null ? null : before.snapshot(), after.snapshot(), after.updatedAt());
        return outboxEvents.create(Topics.PLEDGE_EVENTS, type, after.id(), data);
    }

    /** Stored as compared: normalised, so that look-alike names and ids are one (see {@link InputText}). */
    private static String trim(String text) {
        return InputText.normalize(text);
    }
}
