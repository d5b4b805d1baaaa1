package vn.neuguong.reporting.orgunit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * DEMO member counts for the reference units. The reference data has no party membership figures, so these are
 * synthetic: deterministic (seeded from each unit's id, identical on every run and machine), national total
 * {@value #NATIONAL_TOTAL}, larger for urban wards and in the big cities. Each province is the sum of its
 * communes, {@code vn} the sum of the provinces, and each new province's count is split among the legacy
 * provinces merged into it, so the 63 legacy provinces add up to the same national total. Operators replace them
 * with real figures through the API.
 */
public final class SyntheticMemberCounts {

    public static final long NATIONAL_TOTAL = 5_600_000;

    private static final Map<String, Double> BIG_CITY_WEIGHT = Map.of(
            "01", 2.2, // Hà Nội
            "79", 2.0, // Hồ Chí Minh
            "31", 1.5, // Hải Phòng
            "48", 1.5, // Đà Nẵng
            "46", 1.3, // Huế
            "92", 1.3); // Cần Thơ

    public static Map<String, Long> of(List<ReferenceUnit> units) {
        List<ReferenceUnit> communes = units.stream().filter(unit -> unit.level() == OrgUnitLevel.GRASSROOTS)
                .sorted(Comparator.comparing(ReferenceUnit::id)).toList();
        Map<String, ReferenceUnit> byId = units.stream().collect(Collectors.toMap(ReferenceUnit::id, unit -> unit));
        double[] weights = communes.stream().mapToDouble(commune -> communeWeight(commune, byId)).toArray();
        long[] communeCounts = apportion(NATIONAL_TOTAL, weights);

        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < communes.size(); i++) {
            ReferenceUnit commune = communes.get(i);
            counts.put(commune.id(), communeCounts[i]);
            counts.merge(commune.parentId(), communeCounts[i], Long::sum);
            counts.merge(ReferenceData.CENTRAL_ID, communeCounts[i], Long::sum);
        }

        Map<String, List<ReferenceUnit>> predecessors = units.stream().filter(unit -> unit.successorId() != null)
                .sorted(Comparator.comparing(ReferenceUnit::id))
                .collect(Collectors.groupingBy(ReferenceUnit::successorId));
        predecessors.forEach((successorId, merged) -> {
            double[] shares = merged.stream().mapToDouble(unit -> jitter(unit.id(), 0.5, 1.5)).toArray();
            long[] split = apportion(counts.getOrDefault(successorId, 0L), shares);
            for (int i = 0; i < merged.size(); i++) {
                counts.put(merged.get(i).id(), split[i]);
            }
        });
        return counts;
    }

    private static double communeWeight(ReferenceUnit commune, Map<String, ReferenceUnit> byId) {
        double kindWeight = switch (commune.kind()) {
            case "Ward" -> 2.2;
            case "Commune" -> 1.0;
            default -> 0.6; // special zones: islands and small populations
        };
        String provinceCode = byId.get(commune.parentId()).code();
        return kindWeight * BIG_CITY_WEIGHT.getOrDefault(provinceCode, 1.0) * jitter(commune.id(), 0.6, 1.4);
    }

    /** A number in [low, high) fixed by the id, so every run and machine gets the same counts. */
    private static double jitter(String id, double low, double high) {
        long hash = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return low + new SplittableRandom(hash).nextDouble() * (high - low);
    }

    /** Splits {@code total} in proportion to {@code weights} into whole numbers that add up to it exactly. */
    static long[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] shares = new long[weights.length];
        long assigned = 0;
        List<Integer> byRemainder = new ArrayList<>();
        double[] remainders = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            assigned += shares[i];
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.<Integer>comparingDouble(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; assigned < total; i++, assigned++) {
            shares[byRemainder.get(i)]++;
        }
        return shares;
    }

    private SyntheticMemberCounts() {
    }
}
