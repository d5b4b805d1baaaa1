package vn.neuguong.pledge.pledge;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;

@RestController
@RequestMapping("/api/pledges")
class SpecificitySummaryController {

    private final SpecificitySummaryService summaries;

    SpecificitySummaryController(SpecificitySummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/specificity-summary")
    SpecificitySummary summary(CurrentUser user, @RequestParam(required = false) String unitId,
                               @RequestParam(required = false) Integer year) {
        return summaries.summarize(user, unitId, year);
    }
}
