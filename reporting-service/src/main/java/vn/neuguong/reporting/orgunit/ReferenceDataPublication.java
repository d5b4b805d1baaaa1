package vn.neuguong.reporting.orgunit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service until the reference data loaded at startup is on {@code neuguong.org-units}: until then the other
 * services' replicas cannot know the units, so the system is not ready for writes. Once published it stays up; later
 * registry changes take the ordinary outbox path.
 */
@Component("referenceDataPublished")
class ReferenceDataPublication implements HealthIndicator {

    private final ReferenceDataLoader loader;
    private final OrgUnitStore store;
    private volatile boolean published;

    ReferenceDataPublication(ReferenceDataLoader loader, OrgUnitStore store) {
        this.loader = loader;
        this.store = store;
    }

    @Override
    public Health health() {
        if (!published) {
            if (!loader.loaded()) {
                return Health.outOfService().withDetail("reference data", "loading").build();
            }
            long pending = store.countUnpublished();
            if (pending > 0) {
                return Health.outOfService().withDetail("units waiting to be published", pending).build();
            }
            published = true;
        }
        return Health.up().build();
    }
}
