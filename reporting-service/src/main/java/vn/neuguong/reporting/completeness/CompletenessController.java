package vn.neuguong.reporting.completeness;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;

@RestController
@RequestMapping("/api/completeness")
class CompletenessController {

    private final CompletenessService completeness;

    CompletenessController(CompletenessService completeness) {
        this.completeness = completeness;
    }

    @GetMapping
    Completeness get(@RequestParam String unitId, @RequestParam String periodId,
            @RequestParam(required = false) String structure, CurrentUser user) {
        return completeness.of(unitId, periodId, structure, user);
    }
}
