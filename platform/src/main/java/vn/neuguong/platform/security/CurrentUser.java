package vn.neuguong.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

import vn.neuguong.contracts.Role;

/** The caller, as its validated token says. Controllers take it as a method argument. */
public record CurrentUser(String sub, String name, String unitId, Set<Role> roles) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static CurrentUser from(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsString("unitId"),
                rolesOf(jwt));
    }

    static Set<Role> rolesOf(Jwt jwt) {
        return Role.fromClaim(jwt.getClaims().get("roles"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a unit with this path (ids from {@code vn} down to the unit) lies in the caller's subtree. */
    public boolean covers(List<String> unitPath) {
        return unitId != null && unitPath != null && unitPath.contains(unitId);
    }

    /** Central board and administrators read everything. */
    public boolean readsEverything() {
        return hasAny(Role.CENTRAL_BOARD, Role.ADMIN);
    }
}
