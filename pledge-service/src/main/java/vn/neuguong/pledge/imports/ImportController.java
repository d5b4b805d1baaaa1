package vn.neuguong.pledge.imports;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.platform.security.CurrentUser;

@RestController
@RequestMapping("/api/pledges/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", "application/x-ndjson"})
    ResponseEntity<ImportResponse.Accepted> start(CurrentUser user, HttpServletRequest request,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key)
            throws IOException {
        ImportFormat format = ImportFormat.of(MediaType.parseMediaType(request.getContentType()));
        ImportJob job = imports.start(user, format, request.getInputStream(), key);
        return ResponseEntity.accepted().location(URI.create("/api/pledges/imports/" + job.id()))
                .body(new ImportResponse.Accepted(job.id()));
    }

    @GetMapping("/{jobId}")
    ImportResponse get(CurrentUser user, @PathVariable String jobId) {
        return ImportResponse.of(imports.get(user, jobId));
    }
}
