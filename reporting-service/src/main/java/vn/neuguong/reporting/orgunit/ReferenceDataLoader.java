package vn.neuguong.reporting.orgunit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.neuguong.contracts.orgunit.OrgUnit;

/**
 * Loads the reference units at start, idempotently: a unit the registry lacks is created (version 1, one event);
 * a unit whose reference data changed since it was last loaded gets the new values, version + 1 and one event;
 * anything else is left alone, so a restart writes and publishes nothing. Operators' later changes (member
 * counts, mergers) survive restarts because only a change in the reference data itself touches a unit again.
 *
 * <p>The reference data has no membership figures: units are created with member count 0, to be imported by the
 * operators ({@code POST /api/org-units/member-counts}), or — with {@code neuguong.org-units.demo-member-counts},
 * which the {@code local} profile turns on — with the DEMO values of {@link SyntheticMemberCounts}, marked as such.
 */
@Component
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final String ADMIN_UNITS = "reference-data/vn-admin-units-2025.json";
    private static final String LEGACY_PROVINCES = "reference-data/vn-legacy-provinces-2008-2025.csv";

    private final OrgUnitStore store;
    private final boolean demoMemberCounts;
    private volatile boolean loaded;

    ReferenceDataLoader(OrgUnitStore store,
            @Value("${neuguong.org-units.demo-member-counts:false}") boolean demoMemberCounts) {
        this.store = store;
        this.demoMemberCounts = demoMemberCounts;
    }

    /** Whether this instance has loaded the reference data (its events may still wait in the outbox). */
    boolean loaded() {
        return loaded;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.ensureIndexes();
        List<ReferenceUnit> units = readReferenceUnits();
        Map<String, Long> memberCounts = demoMemberCounts ? SyntheticMemberCounts.of(units) : Map.of();
        Map<String, String> fingerprints = store.referenceFingerprints();
        List<OrgUnitDocument> created = new ArrayList<>();
        int changed = 0;
        for (ReferenceUnit unit : units) {
            String fingerprint = unit.fingerprint();
            String known = fingerprints.get(unit.id());
            if (known == null) {
                created.add(OrgUnitDocument.of(toOrgUnit(unit, memberCounts.getOrDefault(unit.id(), 0L)), 1, fingerprint,
                        demoMemberCounts));
            } else if (!known.equals(fingerprint) && applyChange(unit, fingerprint)) {
                changed++;
            }
        }
        int inserted = store.insertAll(created);
        log.info("Org-unit reference data: {} units, {} created, {} changed", units.size(), inserted, changed);
        this.loaded = true;
    }

    private boolean applyChange(ReferenceUnit unit, String fingerprint) {
        return store.find(unit.id())
                .filter(current -> !fingerprint.equals(current.referenceFingerprint()))
                .map(current -> store.update(current, current.changedTo(toOrgUnit(unit, current.memberCount()),
                        fingerprint, current.memberCountSynthetic(), null)))
                .orElse(false);
    }

    private static OrgUnit toOrgUnit(ReferenceUnit unit, long memberCount) {
        return new OrgUnit(unit.id(), unit.code(), unit.name(), unit.nameEn(), unit.level(), unit.parentId(),
                unit.path(), memberCount, unit.validFrom(), unit.validTo(), unit.successorId());
    }

    static List<ReferenceUnit> readReferenceUnits() {
        try (InputStream adminUnits = new ClassPathResource(ADMIN_UNITS).getInputStream();
                Reader legacyProvinces = new InputStreamReader(new ClassPathResource(LEGACY_PROVINCES).getInputStream(),
                        StandardCharsets.UTF_8)) {
            return ReferenceData.read(adminUnits, legacyProvinces);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the org-unit reference data", e);
        }
    }
}
