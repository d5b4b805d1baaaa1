package vn.neuguong.platform.orgunit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Out of service until the replica has caught up: writes that need units would answer 503 until then. */
public class OrgUnitReplicaHealthIndicator implements HealthIndicator {

    private final OrgUnitReplica replica;

    public OrgUnitReplicaHealthIndicator(OrgUnitReplica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        Health.Builder builder = replica.ready() ? Health.up() : Health.outOfService();
        return builder.withDetail("units", replica.size()).build();
    }
}
