package vn.neuguong.pledge.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.neuguong.pledge.pledge.PledgeRepository.SimilarCandidate;

/**
 * Near-copy candidates for one import batch: the stored pledges found by band key (one query per batch) plus the
 * pledges earlier in the same batch, which are not stored yet.
 */
final class NearCopyIndex {

    private final Map<String, List<SimilarCandidate>> byUnitAndYear = new HashMap<>();

    NearCopyIndex(List<SimilarCandidate> stored) {
        stored.forEach(this::add);
    }

    void add(String unitId, int year, List<String> bandKeys, List<String> actions) {
        add(new SimilarCandidate(unitId, year, bandKeys, actions));
    }

    private void add(SimilarCandidate candidate) {
        byUnitAndYear.computeIfAbsent(candidate.unitId() + "|" + candidate.year(), key -> new ArrayList<>())
                .add(candidate);
    }

    List<String> actionsSharingAKey(String unitId, int year, List<String> bandKeys) {
        Set<String> keys = new HashSet<>(bandKeys);
        List<String> actions = new ArrayList<>();
        for (SimilarCandidate candidate : byUnitAndYear.getOrDefault(unitId + "|" + year, List.of())) {
            if (candidate.bandKeys().stream().anyMatch(keys::contains)) {
                actions.addAll(candidate.actions());
            }
        }
        return actions;
    }
}
