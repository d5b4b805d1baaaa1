package vn.neuguong.pledge.imports;

/** An imported pledge judged generic ("chung chung"): its first row, its id and who pledged it. */
public record GenericPledge(long row, String pledgeId, String pledger, double score) {
}
