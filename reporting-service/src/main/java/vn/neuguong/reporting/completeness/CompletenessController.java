package vn.neuguong.reporting.completeness;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.InvalidInputException;

@RestController
@RequestMapping("/api/completeness")
class CompletenessController {

    /** The missing units a page shows at most: a province's communes fit in one. */
    static final int MAX_PAGE_SIZE = 500;

    private final CompletenessService completeness;

    CompletenessController(CompletenessService completeness) {
        this.completeness = completeness;
    }

    @GetMapping
    Completeness get(@RequestParam String unitId, @RequestParam String periodId,
            @RequestParam(required = false) String structure, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + MAX_PAGE_SIZE) int size,
            CurrentUser user) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1) {
            throw new InvalidInputException("size", "must be 1 or more");
        }
        return completeness.of(unitId, periodId, structure, user).searched(q, page, Math.min(size, MAX_PAGE_SIZE));
    }
}
