package vn.neuguong.bench.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One fault's line of the table: writes acknowledged in its window, how many of them (or of the aggregates'
 * counts) were lost or counted twice, seconds from the injection until every kind of write succeeded again and until
 * freshness was back under a second, the final 4xx answers by status, and every problem found.
 */
record Row(String fault, String note, long acknowledged, long lost, long countedTwice, Double writesBackSeconds,
        Double freshSeconds, Map<String, Long> refusals, List<String> problems) {

    static final String HEADER = String.format("%-62s %6s %5s %6s %8s %8s  %s", "fault", "acked", "lost", "twice",
            "writes s", "fresh s", "notes");

    static Row notInjected(String fault, String why) {
        return new Row(fault, "not injected: " + why, 0, 0, 0, null, null, Map.of(), List.of());
    }

    boolean passed() {
        return lost == 0 && countedTwice == 0 && problems.isEmpty();
    }

    String line() {
        String refused = refusals.isEmpty() ? "" : "refused " + refusals.entrySet().stream()
                .map(entry -> entry.getValue() + "×" + entry.getKey()).collect(Collectors.joining(", "));
        String notes = String.join("; ", List.of(note, refused, problems.isEmpty() ? "" : problems.size()
                + " problem(s) below").stream().filter(text -> !text.isEmpty()).toList());
        return String.format("%-62s %6d %5d %6d %8s %8s  %s%s", fault, acknowledged, lost, countedTwice,
                writesBackSeconds == null ? "-" : writesBackSeconds, freshSeconds == null ? "-" : freshSeconds,
                passed() ? "" : "FAIL ", notes);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fault", fault);
        map.put("note", note);
        map.put("acknowledged", acknowledged);
        map.put("lost", lost);
        map.put("countedTwice", countedTwice);
        map.put("secondsUntilWritesSucceedAgain", writesBackSeconds);
        map.put("secondsUntilFreshUnderOneSecond", freshSeconds);
        map.put("refused", refusals);
        map.put("problems", problems);
        map.put("passed", passed());
        return map;
    }
}
