package vn.neuguong.reporting.report;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.reporting.Page;

/**
 * Periodic reports. {@code POST /api/reports} submits (or with {@code ?draft=true} saves a draft of) the unit's
 * report for a period; responses carry the version as ETag, and writes take an optional {@code If-Match}.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping
    ResponseEntity<ReportView> save(@RequestBody NewReport report, @RequestParam(defaultValue = "false") boolean draft,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user) {
        ReportService.Saved saved = reports.save(report, draft, idempotencyKey, version(ifMatch), user);
        ResponseEntity.BodyBuilder response = saved.created()
                ? ResponseEntity.created(URI.create("/api/reports/" + saved.report().id()))
                : ResponseEntity.status(HttpStatus.OK);
        return response.eTag(etag(saved.report())).body(saved.report());
    }

    @GetMapping("/{id}")
    ResponseEntity<ReportView> get(@PathVariable String id, CurrentUser user) {
        ReportView report = reports.get(id, user);
        return ResponseEntity.ok().eTag(etag(report)).body(report);
    }

    @GetMapping
    Page<ReportView> list(@RequestParam(required = false) String unitId, @RequestParam(required = false) String periodId,
            @RequestParam(required = false) ReportStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, CurrentUser user) {
        return reports.list(unitId, periodId, status, page, size, user);
    }

    @PostMapping("/{id}/approval")
    ResponseEntity<ReportView> approve(@PathVariable String id,
            @RequestBody(required = false) ReportApproval approval,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        ReportView report = reports.approve(id, approval, version(ifMatch), idempotencyKey, user);
        return ResponseEntity.ok().eTag(etag(report)).body(report);
    }

    @PostMapping("/{id}/return")
    ResponseEntity<ReportView> giveBack(@PathVariable String id, @RequestBody ReportReturn giveBack,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        ReportView report = reports.giveBack(id, giveBack, version(ifMatch), idempotencyKey, user);
        return ResponseEntity.ok().eTag(etag(report)).body(report);
    }

    @GetMapping("/consolidated")
    ConsolidatedReport consolidated(@RequestParam String unitId, @RequestParam String periodId, CurrentUser user) {
        return reports.consolidated(unitId, periodId, user);
    }

    @GetMapping("/prefill")
    ReportPrefill prefill(@RequestParam String unitId, @RequestParam String periodId, CurrentUser user) {
        return reports.prefill(unitId, periodId, user);
    }

    private static String etag(ReportView report) {
        return "\"" + report.version() + "\"";
    }

    /** The version an {@code If-Match} header names ({@code "3"} or {@code 3}), or null without one. */
    private static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldProblem("If-Match", "must be a report version, e.g. \"3\"")));
        }
    }
}
