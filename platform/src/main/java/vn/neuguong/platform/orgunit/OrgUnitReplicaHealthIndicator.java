package vn.neuguong.platform.orgunit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Out of service while the replica is behind the topic: writes that need units would answer 503 until it has read
 * what was published (at startup, or for a moment after a registry change), and while it cannot read the topic.
 */
public class OrgUnitReplicaHealthIndicator implements HealthIndicator {

    private final OrgUnitReplica replica;

    public OrgUnitReplicaHealthIndicator(OrgUnitReplica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        Health.Builder builder = replica.ready() && replica.reading() && replica.lag() == 0 ? Health.up()
                : Health.outOfService();
        return builder.withDetail("units", replica.size()).withDetail("lag", replica.lag())
                .withDetail("reading", replica.reading()).build();
    }
}
