package vn.neuguong.reporting.export;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;

/** Spreadsheet exports of the aggregates and of a period's consolidated report. */
@RestController
@RequestMapping("/api/exports")
class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/{unitId}.xlsx")
    ResponseEntity<byte[]> aggregateWorkbook(@PathVariable String unitId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String structure, CurrentUser user) {
        return file(exports.aggregateWorkbook(unitId, year, structure, user), XLSX,
                "neuguong-" + unitId + "-" + year + ".xlsx");
    }

    @GetMapping("/{unitId}.csv")
    ResponseEntity<byte[]> aggregateCsv(@PathVariable String unitId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String structure, CurrentUser user) {
        return file(exports.aggregateCsv(unitId, year, structure, user).getBytes(StandardCharsets.UTF_8), CSV,
                "neuguong-" + unitId + "-" + year + ".csv");
    }

    @GetMapping("/{unitId}/reports/{periodId}.xlsx")
    ResponseEntity<byte[]> consolidatedWorkbook(@PathVariable String unitId, @PathVariable String periodId,
            CurrentUser user) {
        return file(exports.consolidatedWorkbook(unitId, periodId, user), XLSX,
                "neuguong-bao-cao-" + periodId + "-" + unitId + ".xlsx");
    }

    @GetMapping("/{unitId}/reports/{periodId}.pdf")
    ResponseEntity<byte[]> consolidatedPdf(@PathVariable String unitId, @PathVariable String periodId,
            CurrentUser user) {
        return file(exports.consolidatedPdf(unitId, periodId, user), MediaType.APPLICATION_PDF,
                "neuguong-bao-cao-" + periodId + "-" + unitId + ".pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }
}
