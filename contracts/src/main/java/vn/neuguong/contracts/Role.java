package vn.neuguong.contracts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Roles a token may carry in its {@code roles} claim. */
public enum Role {
    MEMBER, UNIT_OFFICER, COUNCIL_MEMBER, PROVINCE_OFFICER, CENTRAL_BOARD, ADMIN, OPERATOR;

    /** The authority name Spring Security checks for this role ({@code hasRole("ADMIN")}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The roles of a token's {@code roles} claim, read the same way by the gateway and every service: the claim must
     * be a JSON array of role names; unknown names are ignored, and anything else (a single string, a number, an
     * object) grants no role at all rather than being split or guessed at.
     */
    public static Set<Role> fromClaim(Object claim) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                for (Role role : values()) {
                    if (value instanceof String name && role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
