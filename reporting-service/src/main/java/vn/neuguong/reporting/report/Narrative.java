package vn.neuguong.reporting.report;

/** The written part of a report: results, limitations, lessons learned, proposals. */
public record Narrative(String results, String limitations, String lessons, String proposals) {

    static final Narrative EMPTY = new Narrative(null, null, null, null);
}
