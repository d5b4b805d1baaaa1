package vn.neuguong.reporting.period;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * When each level's report is due: grassroots first, then the province (which consolidates its communes' reports),
 * then the centre (which consolidates the provinces').
 */
public record DueDates(@JsonProperty("GRASSROOTS") LocalDate grassroots, @JsonProperty("PROVINCE") LocalDate province,
        @JsonProperty("CENTRAL") LocalDate central) {

    /** The due date of a unit of this level; a legacy district consolidates its communes like a province does. */
    public LocalDate of(OrgUnitLevel level) {
        return switch (level) {
            case CENTRAL -> central;
            case PROVINCE, DISTRICT -> province;
            case GRASSROOTS, CELL -> grassroots;
        };
    }
}
