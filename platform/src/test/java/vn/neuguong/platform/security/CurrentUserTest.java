package vn.neuguong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import vn.neuguong.contracts.Role;

class CurrentUserTest {

    private final CurrentUser provinceOfficer = new CurrentUser("u1", "Cán bộ", "p-19", Set.of(Role.PROVINCE_OFFICER));

    @Test
    void coversUnitsInItsSubtreeOnly() {
        assertThat(provinceOfficer.covers(List.of("vn", "p-19"))).isTrue();
        assertThat(provinceOfficer.covers(List.of("vn", "p-19", "w-05800"))).isTrue();
        assertThat(provinceOfficer.covers(List.of("vn", "p-01", "w-00004"))).isFalse();
        assertThat(provinceOfficer.covers(List.of("vn"))).isFalse();
        assertThat(provinceOfficer.covers(null)).isFalse();
    }

    @Test
    void rolesComeFromTheRolesClaimIgnoringUnknownValues() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("unitId", "vn")
                .claim("name", "Ban Tuyên giáo").claim("roles", List.of("CENTRAL_BOARD", "SUPERUSER"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        CurrentUser user = CurrentUser.from(jwt);
        assertThat(user.roles()).containsExactly(Role.CENTRAL_BOARD);
        assertThat(user.readsEverything()).isTrue();
        assertThat(user.unitId()).isEqualTo("vn");
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("unitId", "p-19").build();
        assertThat(CurrentUser.from(jwt).roles()).isEmpty();
        assertThat(CurrentUser.from(jwt).readsEverything()).isFalse();
    }

    @Test
    void rolesGivenAsAStringInsteadOfAListGrantNothing() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("unitId", "vn")
                .claim("roles", "ADMIN CENTRAL_BOARD").build();
        assertThat(CurrentUser.from(jwt).roles()).isEmpty();
        assertThat(ServiceSecurityConfiguration.rolesClaimConverter().convert(jwt).getAuthorities())
                .noneMatch(authority -> authority.getAuthority().startsWith("ROLE_"));
    }
}
