package vn.neuguong.contracts.orgunit;

/**
 * Data of {@code vn.neuguong.orgunit.changed.v1}: the whole new state of a unit (the topic is compacted, so
 * the latest record per unit id is the unit). {@code from} is null when the unit was created.
 */
public record OrgUnitChanged(String unitId, long version, OrgUnit from, OrgUnit to) {

    public static final String TYPE = "vn.neuguong.orgunit.changed.v1";
}
