package vn.neuguong.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The gateway reads the roles claim as the services do (platform's {@code CurrentUser}): a JSON array only. */
class RolesClaimTest {

    @Test
    void aListOfRolesBecomesTheirAuthorities() {
        assertThat(authorities(List.of("OPERATOR", "SUPERUSER"))).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void rolesGivenAsAStringGrantNothingHereEither() {
        assertThat(authorities("OPERATOR")).isEmpty();
        assertThat(authorities("MEMBER OPERATOR")).isEmpty();
    }

    private static List<String> authorities(Object roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("roles", roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return SecurityConfiguration.rolesAsAuthorities().convert(jwt).block().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("ROLE_")).toList();
    }
}
