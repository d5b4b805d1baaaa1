package vn.neuguong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void aListOfRoleNamesGrantsThoseRolesAndIgnoresUnknownOnes() {
        assertThat(Role.fromClaim(List.of("UNIT_OFFICER", "COUNCIL_MEMBER", "SUPERUSER")))
                .containsExactlyInAnyOrder(Role.UNIT_OFFICER, Role.COUNCIL_MEMBER);
    }

    @Test
    void rolesGivenAsAStringInsteadOfAListGrantNothing() {
        assertThat(Role.fromClaim("ADMIN")).isEmpty();
        assertThat(Role.fromClaim("MEMBER ADMIN")).isEmpty();
        assertThat(Role.fromClaim("ADMIN,CENTRAL_BOARD")).isEmpty();
    }

    @Test
    void namesAreExactAndOnlyStringsCount() {
        assertThat(Role.fromClaim(List.of("admin", " ADMIN", List.of("ADMIN"), Map.of("ADMIN", true), 5))).isEmpty();
        assertThat(Role.fromClaim(null)).isEmpty();
        assertThat(Role.fromClaim(Map.of("roles", List.of("ADMIN")))).isEmpty();
    }
}
