package vn.neuguong.contracts.report;

/**
 * The part of a periodic report's state that consumers count.
 *
 * @param onTime    first submitted on or before the due date of the unit's level (false until submitted)
 * @param late      first submitted after that due date (false until submitted)
 * @param corrected a correction of an approved report was submitted (a later revision of it)
 */
public record ReportSnapshot(ReportStatus status, boolean onTime, boolean late, boolean corrected) {
}
