package vn.neuguong.pledge.imports;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ProblemMessages;

@RestController
@RequestMapping("/api/pledges/imports")
class ImportController {

    private final ImportService imports;
    private final ProblemMessages messages;

    ImportController(ImportService imports, ProblemMessages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(consumes = {"text/csv", "application/x-ndjson",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ResponseEntity<ImportResponse.Accepted> start(CurrentUser user, HttpServletRequest request,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key)
            throws IOException {
        ImportFormat format = ImportFormat.of(MediaType.parseMediaType(request.getContentType()));
        ImportJob job = imports.start(user, format, request.getInputStream(), key);
        return ResponseEntity.accepted().location(URI.create("/api/pledges/imports/" + job.id()))
                .body(new ImportResponse.Accepted(job.id()));
    }

    @GetMapping("/{jobId}")
    ImportResponse get(CurrentUser user, @PathVariable String jobId,
                       @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale locale = ProblemMessages.localeOf(acceptLanguage);
        return ImportResponse.of(imports.get(user, jobId)).translated(messages, locale);
    }
}
