package vn.neuguong.contracts.orgunit;

/** Levels of the party organisation tree. {@code DISTRICT} only appears in legacy (pre-2025-07-01) data. */
public enum OrgUnitLevel {
    CENTRAL, PROVINCE, DISTRICT, GRASSROOTS, CELL
}
