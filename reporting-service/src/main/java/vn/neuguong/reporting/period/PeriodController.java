package vn.neuguong.reporting.period;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.reporting.Page;

/** Reporting periods: readable by every authenticated user, created by ADMIN and CENTRAL_BOARD. */
@RestController
@RequestMapping("/api/periods")
class PeriodController {

    private final PeriodCatalog catalog;

    PeriodController(PeriodCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<Period> create(@RequestBody NewPeriod period,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        Period created = catalog.create(period, idempotencyKey, user);
        return ResponseEntity.created(URI.create("/api/periods/" + created.id())).body(created);
    }

    @GetMapping
    Page<Period> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return catalog.list(page, size);
    }

    @GetMapping("/{id}")
    Period get(@PathVariable String id) {
        return catalog.get(id);
    }
}
