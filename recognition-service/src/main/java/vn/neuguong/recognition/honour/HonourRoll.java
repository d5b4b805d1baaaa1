package vn.neuguong.recognition.honour;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.recognition.field.FieldOfWork;
import vn.neuguong.recognition.nomination.DecisionOutcome;
import vn.neuguong.recognition.nomination.Nomination;
import vn.neuguong.recognition.nomination.ReviewRound;

/**
 * The awards of a year, grouped by the level of the council that gave them (central first) and by field of work:
 * the list read out at a conference. A nomination awarded at two levels appears at both.
 */
public record HonourRoll(int year, String unitId, int total, List<Level> levels) {

    public record Level(OrgUnitLevel level, int count, List<Field> fields) {
    }

    public record Field(FieldOfWork field, String labelVi, String labelEn, List<Entry> entries) {
    }

    public record Entry(String nominationId, NomineeKind kind, String name, String unitId, Award award,
            String decisionNo, Instant decidedAt, String reviewUnitId, int replications) {
    }

    public static HonourRoll of(int year, String unitId, List<Nomination> nominations) {
        Map<OrgUnitLevel, Map<FieldOfWork, List<Entry>>> grouped = new EnumMap<>(OrgUnitLevel.class);
        for (Nomination nomination : nominations) {
            for (ReviewRound round : nomination.rounds()) {
                if (round.decision() == null || round.decision().outcome() != DecisionOutcome.AWARDED) {
                    continue;
                }
                grouped.computeIfAbsent(round.level(), level -> new EnumMap<>(FieldOfWork.class))
                        .computeIfAbsent(nomination.field(), field -> new ArrayList<>())
                        .add(new Entry(nomination.id(), nomination.nominee().kind(), nomination.nominee().name(),
                                nomination.nominee().unitId(), round.decision().award(),
                                round.decision().decisionNo(), round.decision().decidedAt(), round.reviewUnitId(),
                                nomination.replications().size()));
            }
        }
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<Entry> byName = Comparator.comparing(Entry::name, vietnamese).thenComparing(Entry::nominationId);
        List<Level> levels = new ArrayList<>();
        int total = 0;
        for (Map.Entry<OrgUnitLevel, Map<FieldOfWork, List<Entry>>> level : grouped.entrySet()) {
            List<Field> fields = new ArrayList<>();
            int count = 0;
            for (Map.Entry<FieldOfWork, List<Entry>> field : level.getValue().entrySet()) {
                List<Entry> entries = field.getValue().stream().sorted(byName).toList();
                fields.add(new Field(field.getKey(), field.getKey().labelVi(), field.getKey().labelEn(), entries));
                count += entries.size();
            }
            levels.add(new Level(level.getKey(), count, fields));
            total += count;
        }
        return new HonourRoll(year, unitId, total, levels);
    }
}
