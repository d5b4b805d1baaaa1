package vn.neuguong.platform.inbound;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.neuguong.contracts.Role;

/**
 * The registry of publishing systems: which unit each Kafka principal publishes for. A publisher absent from
 * it cannot have its commands executed (they are dead-lettered), whatever the broker let it write.
 *
 * @param publishers publisher name (its Kafka principal {@code User:<name>}) → its binding
 */
@ConfigurationProperties("neuguong.inbound")
public record InboundProperties(Map<String, Binding> publishers) {

    public InboundProperties {
        publishers = publishers == null ? Map.of() : Map.copyOf(publishers);
    }

    /**
     * @param unitId the unit whose subtree the publisher acts for
     * @param roles  the roles it acts with, as a user's token would carry them; {@code PROVINCE_OFFICER} by default
     */
    public record Binding(String unitId, Set<Role> roles) {

        public Binding {
            roles = roles == null || roles.isEmpty() ? Set.of(Role.PROVINCE_OFFICER) : Set.copyOf(roles);
        }
    }
}
