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

/**
 * Near-copy candidates for one import job: stored pledges found by band key, and the pledges the job imported so
 * far, kept for the whole job as distinct action texts per unit and year. A batch asks the database only about
 * band keys the job has not asked about in that unit and year: every pledge the job stored had its keys asked
 * about before, so what comes back is pledges that were there before (or arrived since). Without this, a
 * templated file re-read every earlier pledge of its communes in each batch, which grows with the square of the
 * file. Past {@code maxTexts} texts it starts afresh and asks again.
 */
final class NearCopyIndex {

    private final int maxTexts;
    private final Map<String, UnitYear> byUnitAndYear = new HashMap<>();
    private int texts;

    private static final class UnitYear {
        private final Set<String> askedKeys = new HashSet<>();
        private final Map<String, Set<String>> bandKeysByAction = new LinkedHashMap<>();
    }

    NearCopyIndex(int maxTexts) {
        this.maxTexts = maxTexts;
    }

    /** Forgets everything once it holds more than its bound; call between batches. */
    void trim() {
        if (texts > maxTexts) {
            byUnitAndYear.clear();
            texts = 0;
        }
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
            unitYear.bandKeysByAction.computeIfAbsent(action, text -> {
                texts++;
                return new HashSet<>();
            }).addAll(bandKeys);
        }
    }

    /** Distinct actions of pledges of the unit and year that share a band key with the given ones. */
    List<String> actionsSharingAKey(String unitId, int year, List<String> bandKeys) {
        UnitYear unitYear = byUnitAndYear.get(unitId + "|" + year);
        if (unitYear == null) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        unitYear.bandKeysByAction.forEach((action, keys) -> {
            if (bandKeys.stream().anyMatch(keys::contains)) {
                actions.add(action);
            }
        });
        return actions;
    }

    private UnitYear unitYear(String unitId, int year) {
        return byUnitAndYear.computeIfAbsent(unitId + "|" + year, key -> new UnitYear());
    }
}
