package vn.neuguong.reporting.aggregate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.reporting.Page;

/**
 * Exact aggregates per unit and year. Readable by users whose unit's subtree contains the unit, and by
 * CENTRAL_BOARD and ADMIN. {@code expected} uses the units' member counts, which are DEMO values until operators
 * load real ones.
 */
@RestController
@RequestMapping("/api/aggregates")
class AggregateController {

    private final AggregateQueries queries;

    AggregateController(AggregateQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{unitId}")
    AggregateView get(@PathVariable String unitId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String structure, CurrentUser user) {
        return queries.of(unitId, year, structure, user);
    }

    @GetMapping("/{unitId}/children")
    Page<AggregateView> children(@PathVariable String unitId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String structure, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size, CurrentUser user) {
        return queries.children(unitId, year, structure, page, size, user);
    }
}
