package vn.neuguong.gateway.dashboard;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dashboard served at {@code /} signs its users in.
 *
 * @param mode     {@code dev-issuer}: a list of demo users whose tokens the local development issuer mints;
 *                 {@code oidc}: the authorization code flow with PKCE against an OIDC provider
 * @param issuer   the issuer's base URL as the user's browser reaches it
 * @param clientId the OIDC public client of the dashboard
 */
@ConfigurationProperties("neuguong.dashboard")
public record DashboardProperties(SignInMode mode, URI issuer, String clientId) {

    public enum SignInMode {
        DEV_ISSUER("dev-issuer"),
        OIDC("oidc");

        private final String value;

        SignInMode(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }
}
