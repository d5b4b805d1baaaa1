package vn.neuguong.reporting.orgunit;

import java.time.LocalDate;

/** Body of {@code POST /api/org-units/{id}/merger}: the unit ceased on {@code validTo} and continues as the successor. */
public record Merger(String successorId, LocalDate validTo) {
}
