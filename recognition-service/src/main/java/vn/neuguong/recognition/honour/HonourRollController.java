package vn.neuguong.recognition.honour;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.neuguong.recognition.nomination.NominationService;

/**
 * {@code GET /api/nominations/honour-roll?year=Y[&unitId=]}: awards are public honours, so every authenticated
 * caller reads the roll (names, awards, decision numbers; never ballots or achievements texts).
 */
@RestController
class HonourRollController {

    private final NominationService nominations;

    HonourRollController(NominationService nominations) {
        this.nominations = nominations;
    }

    @GetMapping("/api/nominations/honour-roll")
    HonourRoll honourRoll(@RequestParam int year, @RequestParam(required = false) String unitId) {
        return HonourRoll.of(year, unitId, nominations.awarded(year, unitId));
    }
}
