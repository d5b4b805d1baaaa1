package vn.neuguong.pledge.pledge;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.EntityTags;
import vn.neuguong.platform.web.IdempotencyKey;
import vn.neuguong.platform.web.PreconditionRequiredException;
import vn.neuguong.pledge.specificity.Specificity;

@RestController
@RequestMapping("/api/pledges")
class PledgeController {

    private static final String IF_MATCH = "If-Match";

    private final PledgeService pledges;

    PledgeController(PledgeService pledges) {
        this.pledges = pledges;
    }

    @PostMapping
    ResponseEntity<PledgeResponse> register(CurrentUser user, @RequestBody PledgeRequest request,
                                            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        Pledge pledge = pledges.register(user, request, key).pledge();
        return ResponseEntity.created(URI.create("/api/pledges/" + pledge.id())).eTag(EntityTags.of(pledge.version()))
                .body(PledgeResponse.of(pledge, user));
    }

    /** Checks a draft as a registration would, without storing it; {@code revising} names the pledge a revision changes. */
    @PostMapping("/drafts/specificity")
    Specificity checkDraft(CurrentUser user, @RequestBody PledgeRequest request,
                           @RequestParam(required = false) String revising) {
        return pledges.checkDraft(user, request, revising);
    }

    @GetMapping("/{id}")
    ResponseEntity<PledgeResponse> get(CurrentUser user, @PathVariable String id) {
        return ok(pledges.get(user, id), user);
    }

    @GetMapping
    PledgeResponse.Page list(CurrentUser user, @RequestParam(required = false) String unitId,
                             @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) PledgeStatus status,
                             @RequestParam(required = false) Boolean generic,
                             @RequestParam(required = false) String sort,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PledgeService.PageOfPledges found = pledges.list(user, unitId, year, status, generic, sort, page, size);
        return new PledgeResponse.Page(found.items().stream().map(pledge -> PledgeResponse.of(pledge, user)).toList(), found.page(),
                found.size(), found.total());
    }

    @PutMapping("/{id}")
    ResponseEntity<PledgeResponse> revise(CurrentUser user, @PathVariable String id, @RequestBody PledgeRequest request,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        Long version = EntityTags.versionIn(ifMatch);
        if (version == null) {
            throw new PreconditionRequiredException(
                    "A revision needs If-Match with the pledge's ETag (its version), e.g. If-Match: \"1\"");
        }
        return ok(pledges.revise(user, id, request, version, key), user);
    }

    @PostMapping("/{id}/self-assessment")
    ResponseEntity<PledgeResponse> selfAssess(CurrentUser user, @PathVariable String id,
                                              @RequestBody SelfAssessmentRequest request,
                                              @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                              @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        return ok(pledges.selfAssess(user, id, request, EntityTags.versionIn(ifMatch), key), user);
    }

    @PostMapping("/{id}/evaluation")
    ResponseEntity<PledgeResponse> evaluate(CurrentUser user, @PathVariable String id,
                                            @RequestBody EvaluationRequest request,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        return ok(pledges.evaluate(user, id, request, EntityTags.versionIn(ifMatch), key), user);
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<PledgeResponse> withdraw(CurrentUser user, @PathVariable String id,
                                            @RequestBody WithdrawalRequest request,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        return ok(pledges.withdraw(user, id, request, EntityTags.versionIn(ifMatch), key), user);
    }

    private static ResponseEntity<PledgeResponse> ok(Pledge pledge, CurrentUser reader) {
        return ResponseEntity.ok().eTag(EntityTags.of(pledge.version())).body(PledgeResponse.of(pledge, reader));
    }
}
