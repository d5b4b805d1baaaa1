package vn.neuguong.pledge.pledge;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.neuguong.contracts.Role;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.security.CurrentUser;

/**
 * Where members belong, as far as this service has seen them (DESIGN.md, Security): the unit their own token named
 * when they last called it, or the unit of their latest live pledge, whichever it learned later. An officer
 * registers a member's individual pledge only if that unit lies in the officer's subtree, so an officer elsewhere
 * cannot take a member's place for the year. A member never seen may be registered by any officer: the services
 * have no member directory (docs/threat-model.md, residual risks).
 */
@Component
public class MemberAffiliations {

    /** Members whose unit this instance recorded last, so that their repeated reads write nothing. */
    private static final int REMEMBERED = 50_000;

    private final MemberAffiliationStore store;
    private final PledgeRepository pledges;
    private final OrgUnitDirectory orgUnits;
    private final Clock clock;
    private final Map<String, String> recorded = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** Why a registration for such a member is refused, as the problem of its {@code pledger.memberId}. */
    public static final String OUTSIDE_SCOPE = "is a member of a unit outside your scope";

    MemberAffiliations(MemberAffiliationStore store, PledgeRepository pledges, OrgUnitDirectory orgUnits,
                       Clock clock) {
        this.store = store;
        this.pledges = pledges;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /** Learns a member's unit from their own token. */
    void learnFrom(CurrentUser user) {
        if (!user.has(Role.MEMBER) || user.unitId() == null || user.unitId().equals(recorded.get(user.sub()))) {
            return;
        }
        store.record(user.sub(), user.unitId(), clock.instant());
        recorded.put(user.sub(), user.unitId());
    }

    /** The members among {@code memberIds} (not the officer themselves) last seen outside the officer's subtree. */
    public Set<String> outsideScopeOf(CurrentUser officer, Collection<String> memberIds) {
        Set<String> others = new HashSet<>(memberIds);
        others.remove(officer.sub());
        if (others.isEmpty()) {
            return Set.of();
        }
        Map<String, MemberAffiliationStore.Affiliation> byToken = store.find(others);
        Map<String, PledgeRepository.MemberUnit> byPledge = pledges.latestUnitsOf(others);
        Set<String> outside = new HashSet<>();
        for (String memberId : others) {
            List<String> unitPath = lastKnownUnitPath(byToken.get(memberId), byPledge.get(memberId));
            if (unitPath != null && !officer.covers(unitPath)) {
                outside.add(memberId);
            }
        }
        return outside;
    }

    private List<String> lastKnownUnitPath(MemberAffiliationStore.Affiliation byToken,
                                           PledgeRepository.MemberUnit byPledge) {
        Instant tokenSince = byToken == null ? Instant.MIN : byToken.since();
        if (byPledge != null && byPledge.registeredAt().isAfter(tokenSince)) {
            return byPledge.unitPath();
        }
        return byToken == null ? null : orgUnits.find(byToken.unitId()).map(unit -> unit.path()).orElse(null);
    }
}
