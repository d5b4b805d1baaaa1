package vn.neuguong.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the kinds the services have, for the tests of the platform's web conventions. */
@RestController
class EchoController {

    record Note(String text) {
    }

    @PostMapping("/test/notes")
    Note create(@RequestBody Note note) {
        return note;
    }

    @PutMapping("/test/notes/1")
    Note replace(@RequestBody Note note) {
        return note;
    }

    /** Reads its body as a stream, as an import does. */
    @PostMapping(path = "/test/uploads", consumes = "text/csv")
    Map<String, Long> upload(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return Map.of("bytes", body.transferTo(OutputStream.nullOutputStream()));
        }
    }
}
