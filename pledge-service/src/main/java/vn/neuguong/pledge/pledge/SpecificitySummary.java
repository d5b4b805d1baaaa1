package vn.neuguong.pledge.pledge;

import java.util.List;

import vn.neuguong.pledge.specificity.FindingCode;

/**
 * How generic the live (not withdrawn) pledges of a unit's subtree and a year are, so that a province sees where to
 * coach: the share of generic pledges overall and per unit, and the most frequent findings. docs/specificity.md
 * describes the shape.
 *
 * @param unitId the subtree summed up; null for everything the caller may read
 */
public record SpecificitySummary(String unitId, int year, long pledges, long generic, double genericShare,
        double averageScore, List<FindingCount> findings, List<UnitShare> units) {

    /** How many commitments had the finding ({@code findings}) and in how many pledges ({@code pledges}). */
    public record FindingCount(FindingCode code, long findings, long pledges, String messageVi, String messageEn,
            String suggestionVi, String suggestionEn) {
    }

    /** The pledges registered directly in one unit of the subtree. */
    public record UnitShare(String unitId, long pledges, long generic, double genericShare) {
    }
}
