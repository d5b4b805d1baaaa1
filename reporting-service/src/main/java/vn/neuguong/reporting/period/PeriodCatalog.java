package vn.neuguong.reporting.period;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.platform.web.ForbiddenException;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.platform.web.NotFoundException;
import vn.neuguong.reporting.Page;
import vn.neuguong.reporting.orgunit.OrgUnitRegistry;

/**
 * The reporting periods: the {@link StandardPeriods standard annual ones} and those ADMIN or CENTRAL_BOARD created.
 * A period's dates are never changed once created: reports were judged on time against them.
 */
@Service
public class PeriodCatalog {

    private final PeriodStore store;
    private final OrgUnitRegistry registry;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    PeriodCatalog(PeriodStore store, OrgUnitRegistry registry, JsonMapper jsonMapper, Clock clock) {
        this.store = store;
        this.jsonMapper = jsonMapper;
        this.registry = registry;
        this.clock = clock;
    }

    public Optional<Period> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return store.find(id).map(PeriodDocument::toPeriod).or(() -> StandardPeriods.find(id, currentYear()));
    }

    public Period get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No reporting period has the id " + id));
    }

    /** Every period, the latest first (by last day, then id). */
    public List<Period> all() {
        Map<String, Period> byId = new HashMap<>();
        for (int year = StandardPeriods.FIRST_YEAR; year <= currentYear(); year++) {
            Period annual = StandardPeriods.annual(year);
            byId.put(annual.id(), annual);
        }
        store.all().forEach(created -> byId.put(created.id(), created.toPeriod()));
        List<Period> periods = new ArrayList<>(byId.values());
        periods.sort(Comparator.comparing(Period::to).reversed().thenComparing(Period::id));
        return periods;
    }

    /** The periods whose last day falls in {@code year}: the aggregates of that year count their reports. */
    public List<Period> endingIn(int year) {
        return all().stream().filter(period -> period.year() == year).toList();
    }

    public Page<Period> list(int page, int size) {
        Page.checkRequest(page, size);
        List<Period> periods = all();
        return new Page<>(periods.stream().skip((long) page * size).limit(size).toList(), page, size, periods.size());
    }

    /** The period created, or with the Idempotency-Key of an earlier identical request, the one it created. */
    public Period create(NewPeriod period, String idempotencyKey, CurrentUser user) {
        if (!user.hasAny(Role.ADMIN, Role.CENTRAL_BOARD)) {
            throw new ForbiddenException("Only administrators and the central board create reporting periods");
        }
        var problems = PeriodRules.check(period);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        IdempotencyKey key = IdempotencyKey.of(user, idempotencyKey, "period.creation", period, jsonMapper);
        if (key != null) {
            Optional<PeriodDocument> earlier = store.findByCreationKey(key.key());
            if (earlier.isPresent()) {
                key.requireSameRequestAs(earlier.get().creationKey(), earlier.get().id());
                return earlier.get().toPeriod();
            }
        }
        if (find(period.id()).isPresent()) {
            throw conflict(period.id());
        }
        PeriodDocument document = PeriodDocument.of(period, user.sub(), Instant.now(clock), key);
        try {
            store.insert(document);
        } catch (DuplicateKeyException e) {
            throw conflict(period.id());
        }
        return document.toPeriod();
    }

    public LocalDate today() {
        return registry.today();
    }

    private int currentYear() {
        return registry.today().getYear();
    }

    private static ConflictException conflict(String id) {
        return new ConflictException("A reporting period with id " + id + " exists already", Map.of("existingId", id));
    }
}
