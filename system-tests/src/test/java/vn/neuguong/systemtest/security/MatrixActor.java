package vn.neuguong.systemtest.security;

import java.util.Arrays;

/**
 * The callers of the authorization matrix, named by their role and where their unit lies relative to the unit the
 * request is about (a commune or ward, {@code own}): its province ({@code parent}), another province, or the centre.
 * {@code member-self} is the party member the pledge or nomination is about; {@code member} another member of the
 * same unit.
 */
enum MatrixActor {
    MEMBER_SELF("member-self@own", "MEMBER"),
    MEMBER("member@own", "MEMBER"),
    UNIT_OFFICER("unit-officer@own", "UNIT_OFFICER"),
    PROVINCE_OFFICER_PARENT("province-officer@parent", "PROVINCE_OFFICER"),
    PROVINCE_OFFICER_OTHER("province-officer@other-province", "PROVINCE_OFFICER"),
    COUNCIL_MEMBER_PARENT("council-member@parent", "COUNCIL_MEMBER"),
    COUNCIL_MEMBER_OTHER("council-member@other-province", "COUNCIL_MEMBER"),
    CENTRAL_BOARD("central-board@central", "CENTRAL_BOARD"),
    ADMIN("admin@central", "ADMIN"),
    OPERATOR("operator@central", "OPERATOR");

    private final String label;
    private final String role;

    MatrixActor(String label, String role) {
        this.label = label;
        this.role = role;
    }

    String label() {
        return label;
    }

    String role() {
        return role;
    }

    /** The unit of the caller's token, for a request about {@code units.own()}. */
    String unitIn(MatrixUnits units) {
        String relation = label.substring(label.indexOf('@') + 1);
        return switch (relation) {
            case "own" -> units.own();
            case "parent" -> units.parent();
            case "other-province" -> units.otherProvince();
            default -> "vn";
        };
    }

    static MatrixActor byLabel(String label) {
        return Arrays.stream(values()).filter(actor -> actor.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No matrix actor " + label));
    }

    /** The units a matrix row is about: a commune or ward, its province, and a province it is not in. */
    record MatrixUnits(String own, String parent, String otherProvince) {
    }
}
