package vn.neuguong.recognition.nomination;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
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

import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.EntityTags;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.InvalidInputException;
import vn.neuguong.recognition.field.FieldOfWork;

@RestController
@RequestMapping("/api/nominations")
class NominationController {


    private final NominationService service;
    private final NominationViews views;

    NominationController(NominationService service, NominationViews views) {
        this.service = service;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<NominationView> submit(CurrentUser user, @Valid @RequestBody NominationRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        NominationService.Submitted submitted = service.submit(user, request, idempotencyKey);
        Nomination nomination = submitted.nomination();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/nominations/" + nomination.id()))
                .eTag(EntityTags.of(nomination.version()))
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .body(views.view(user, nomination));
    }

    @GetMapping("/{id}")
    ResponseEntity<NominationView> get(CurrentUser user, @PathVariable String id) {
        return ok(user, service.get(user, id));
    }

    record Page(List<NominationView> items, int page, int size, long total) {
    }

    @GetMapping
    Page list(CurrentUser user, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String reviewUnitId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) NominationStatus status, @RequestParam(required = false) NomineeKind kind,
            @RequestParam(required = false) FieldOfWork field, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + NominationService.DEFAULT_PAGE_SIZE) int size) {
        NominationService.PageOfNominations found = service.list(user,
                new NominationService.Filter(unitId, reviewUnitId, year, status, kind, field), page, size);
        return new Page(views.views(user, found.items()), found.page(), found.size(), found.total());
    }

    @PostMapping("/{id}/votes")
    ResponseEntity<NominationView> vote(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody VoteRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        return ok(user, service.vote(user, id, request, EntityTags.versionIn(ifMatch), idempotencyKey));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<NominationView> decide(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody DecisionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        return ok(user, service.decide(user, id, request, EntityTags.versionIn(ifMatch), idempotencyKey));
    }

    @PostMapping("/{id}/escalation")
    ResponseEntity<NominationView> escalate(CurrentUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        return ok(user, service.escalate(user, id, EntityTags.versionIn(ifMatch), idempotencyKey));
    }

    @PostMapping("/{id}/replications")
    ResponseEntity<NominationView> replicate(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody ReplicationRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        return ok(user, service.replicate(user, id, request, EntityTags.versionIn(ifMatch), idempotencyKey));
    }

    private ResponseEntity<NominationView> ok(CurrentUser user, Nomination nomination) {
        return ResponseEntity.ok().eTag(EntityTags.of(nomination.version())).body(views.view(user, nomination));
    }

}
