package vn.neuguong.reporting.conference;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.reporting.Page;

/** Online review conferences, attendance check-ins, and their live totals (JSON, or a server-sent-event stream). */
@RestController
@RequestMapping("/api/conferences")
class ConferenceController {

    private final ConferenceService conferences;
    private final ConferenceTotalsStream stream;

    ConferenceController(ConferenceService conferences, ConferenceTotalsStream stream) {
        this.conferences = conferences;
        this.stream = stream;
    }

    @PostMapping
    ResponseEntity<ConferenceView> create(@RequestBody NewConference conference,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        ConferenceView created = conferences.create(conference, idempotencyKey, user);
        return ResponseEntity.created(URI.create("/api/conferences/" + created.id())).body(created);
    }

    @GetMapping
    Page<ConferenceView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            CurrentUser user) {
        return conferences.list(page, size, user);
    }

    @GetMapping("/{id}")
    ConferenceView get(@PathVariable String id, CurrentUser user) {
        return conferences.get(id, user);
    }

    @PostMapping("/{id}/attendance")
    @ResponseStatus(HttpStatus.OK)
    AttendanceView checkIn(@PathVariable String id, @RequestBody CheckIn checkIn,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey, CurrentUser user) {
        return conferences.checkIn(id, checkIn, idempotencyKey, user);
    }

    @GetMapping("/{id}/totals")
    ConferenceTotals totals(@PathVariable String id, CurrentUser user) {
        return conferences.totals(id, user);
    }

    @GetMapping(path = "/{id}/totals/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter totalsStream(@PathVariable String id, CurrentUser user) {
        conferences.visible(id, user);
        return stream.open(id);
    }
}
