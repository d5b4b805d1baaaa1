package vn.neuguong.pledge.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.neuguong.pledge.pledge.PledgeRepository.SimilarCandidate;
import vn.neuguong.pledge.specificity.CopyCandidate;
import vn.neuguong.pledge.specificity.MinHash;
import vn.neuguong.pledge.specificity.Shingles;

/**
 * Near-copy candidates for one import job: stored pledges found by band key, and the pledges the job imported so
 * far, kept for the whole job as distinct action texts per unit and year. A batch asks the database only about
 * band keys the job has not asked about in that unit and year: every pledge the job stored had its keys asked
 * about before, so what comes back is pledges that were there before (or arrived since). Without this, a
 * templated file re-read every earlier pledge of its communes in each batch, which grows with the square of the
 * file. Past {@code maxTexts} texts it starts afresh and asks again.
 *
 * <p>Each distinct text is shingled and hashed once for the job ({@link #bandKeys}, {@link CopyCandidate}), not
 * once per pledge that uses it or is compared with it: in a templated file that was most of the check's cost.
 */
final class NearCopyIndex {

    private final int maxTexts;
    private final Map<String, UnitYear> byUnitAndYear = new HashMap<>();
    private final Map<String, List<String>> bandKeysByAction = new HashMap<>();
    private int texts;

    private static final class UnitYear {
        private final Set<String> askedKeys = new HashSet<>();
        private final Map<String, Text> byAction = new LinkedHashMap<>();
    }

    /** A distinct action of the unit and year, and the band keys of the pledges using it. */
    private record Text(CopyCandidate candidate, Set<String> bandKeys) {
    }

    NearCopyIndex(int maxTexts) {
        this.maxTexts = maxTexts;
    }

    /** Forgets everything once it holds more than its bound; call between batches. */
    void trim() {
        if (texts > maxTexts) {
            byUnitAndYear.clear();
            bandKeysByAction.clear();
            texts = 0;
        }
    }

    /** The MinHash band keys of the action's shingles, computed once per text for the job. */
    List<String> bandKeys(String action) {
        return bandKeysByAction.computeIfAbsent(action, text -> MinHash.bandKeys(Shingles.of(text)));
    }

    /** The keys the database has not been asked about yet for this unit and year; they count as asked from now. */
    Set<String> notAskedYet(String unitId, int year, Collection<String> bandKeys) {
        Set<String> asked = unitYear(unitId, year).askedKeys;
        Set<String> fresh = new LinkedHashSet<>();
        for (String key : bandKeys) {
            if (asked.add(key)) {
                fresh.add(key);
            }
        }
        return fresh;
    }

    void add(SimilarCandidate stored) {
        add(stored.unitId(), stored.year(), stored.bandKeys(), stored.actions());
    }

    void add(String unitId, int year, List<String> bandKeys, List<String> actions) {
        UnitYear unitYear = unitYear(unitId, year);
        for (String action : actions) {
            unitYear.byAction.computeIfAbsent(action, text -> {
                texts++;
                return new Text(new CopyCandidate(text, null), new HashSet<>());
            }).bandKeys().addAll(bandKeys);
        }
    }

    /** Distinct actions of pledges of the unit and year that share a band key with the given ones. */
    List<CopyCandidate> actionsSharingAKey(String unitId, int year, List<String> bandKeys) {
        UnitYear unitYear = byUnitAndYear.get(unitId + "|" + year);
        if (unitYear == null) {
            return List.of();
        }
        List<CopyCandidate> actions = new ArrayList<>();
        unitYear.byAction.values().forEach(text -> {
            if (bandKeys.stream().anyMatch(text.bandKeys()::contains)) {
                actions.add(text.candidate());
            }
        });
        return actions;
    }

    private UnitYear unitYear(String unitId, int year) {
        return byUnitAndYear.computeIfAbsent(unitId + "|" + year, key -> new UnitYear());
    }
}
