package vn.neuguong.reporting.orgunit;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.reporting.Page;

/**
 * The org-unit registry API. Reads are open to every authenticated user; changes need ADMIN. Member counts of
 * the reference units are DEMO values until replaced through {@code PUT /{id}/member-count} or a CSV import.
 */
@RestController
@RequestMapping("/api/org-units")
class OrgUnitController {

    private final OrgUnitRegistry registry;

    OrgUnitController(OrgUnitRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/{id}")
    OrgUnitView get(@PathVariable String id) {
        return registry.view(id);
    }

    @GetMapping("/{id}/children")
    Page<OrgUnitView> children(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return registry.children(id, validOn, page, size);
    }

    @GetMapping
    Page<OrgUnitView> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) OrgUnitLevel level,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return registry.search(q, level, page, size);
    }

    @PostMapping
    ResponseEntity<OrgUnitView> add(@RequestBody NewOrgUnit unit, @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        OrgUnitView added = registry.add(unit, idempotencyKey, user);
        return ResponseEntity.created(URI.create("/api/org-units/" + added.id())).body(added);
    }

    @PostMapping("/{id}/merger")
    OrgUnitView recordMerger(@PathVariable String id, @RequestBody Merger merger, @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            CurrentUser user) {
        return registry.recordMerger(id, merger, idempotencyKey, user);
    }

    @PutMapping("/{id}/member-count")
    OrgUnitView setMemberCount(@PathVariable String id, @RequestBody MemberCount memberCount,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        return registry.setMemberCount(id, memberCount, idempotencyKey, user);
    }

    /** A CSV file with the header {@code unitId,memberCount}; one bad row rejects the whole file. */
    @PostMapping(path = "/member-counts", consumes = {"text/csv", "text/plain"})
    MemberCountImport importMemberCounts(@RequestBody String csv, @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            CurrentUser user) {
        return registry.importMemberCounts(csv, idempotencyKey, user);
    }
}
