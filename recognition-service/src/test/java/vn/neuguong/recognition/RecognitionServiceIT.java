package vn.neuguong.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.platform.kafka.DeadLetterCounter;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.recognition.pledge.PledgeEvaluation;
import vn.neuguong.recognition.pledge.PledgeEvaluations;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.KafkaRecords;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * The recognition API against a real Kafka broker, MongoDB server and token issuer. One application context for
 * all of it (the nested classes share it); every test works on nominees of its own, so tests do not interfere.
 * The province council's quorum is configured to 3 here; the other levels keep their defaults (grassroots 3,
 * central 7).
 */
@IntegrationTest
@TestPropertySource(properties = {"neuguong.recognition.councils.PROVINCE.quorum=3",
        "logging.structured.format.console="})
class RecognitionServiceIT {

    private static OrgUnitTree tree;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnitDirectory directory;

    Api api;
    OrgUnitTree units;

    @BeforeEach
    void setUp() {
        synchronized (RecognitionServiceIT.class) {
            if (tree == null) {
                tree = OrgUnitTree.publish(directory);
            }
        }
        units = tree;
        api = new Api(port);
    }

    // ---- callers ----

    static String token(String sub, String unitId, Role... roles) {
        return TestInfrastructure.get().token(sub, "Đồng chí " + sub, unitId, roles);
    }

    static String officerOf(String unitId) {
        return token("officer@" + unitId, unitId, unitId.startsWith("p-") ? Role.PROVINCE_OFFICER : Role.UNIT_OFFICER);
    }

    static String councilMember(String unitId, int seat) {
        return token("council-" + seat + "@" + unitId, unitId, Role.COUNCIL_MEMBER);
    }

    // ---- requests ----

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    static Map<String, Object> nomination(String kind, String name, String unitId, String memberId,
            String nominatingUnitId, List<String> pledgeIds) {
        return body("year", 2025, "nominee", body("kind", kind, "name", name, "unitId", unitId, "memberId", memberId),
                "nominatingUnitId", nominatingUnitId, "field", "DIGITAL_TRANSFORMATION",
                "achievements", "Đưa 100% hồ sơ của chi bộ lên môi trường số; hướng dẫn 42 hộ dùng dịch vụ công.",
                "pledgeIds", pledgeIds);
    }

    /** An individual of cell c1, nominated by the cell: reviewed by the council of commune w1. */
    Api.Response nominateMember(String memberId) {
        return api.post("/api/nominations", officerOf(units.w1),
                nomination("INDIVIDUAL", "Nguyễn Thị " + memberId, units.c1, memberId, units.c1, null));
    }

    Api.Response nominateModel(String name) {
        return api.post("/api/nominations", officerOf(units.w1),
                nomination("MODEL", name, units.w1, null, units.w1, null));
    }

    void castVotes(String id, String councilUnit, int approvals, int rejections) {
        for (int seat = 0; seat < approvals + rejections; seat++) {
            Api.Response vote = api.post("/api/nominations/" + id + "/votes", councilMember(councilUnit, seat),
                    body("approve", seat < approvals, "comment", "Phiếu số " + seat));
            assertThat(vote.status()).as("vote %s", vote).isEqualTo(200);
        }
    }

    Api.Response decide(String id, String decider, String outcome, String award) {
        return api.post("/api/nominations/" + id + "/decision", decider,
                body("outcome", outcome, "award", award, "decisionNo", "125-QĐ/ĐU"));
    }

    /** Submitted by the cell and awarded a letter of commendation by commune w1's council. */
    /** A model of commune w1, nominated by w1: reviewed and awarded by the council of province p. */
    String awardedModel(String name) {
        String id = nominateModel(name).id();
        castVotes(id, units.p, 2, 1);
        assertThat(decide(id, officerOf(units.p), "AWARDED", "CERTIFICATE_OF_MERIT").status()).isEqualTo(200);
        return id;
    }

    String awardedAtCommune(String memberId) {
        String id = nominateMember(memberId).id();
        castVotes(id, units.w1, 3, 0);
        assertThat(decide(id, officerOf(units.w1), "AWARDED", "LETTER_OF_COMMENDATION").status()).isEqualTo(200);
        return id;
    }

    static String uniqueMember() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    @Nested
    class Submission {

        @Test
        void anOfficerNominatesForAUnitInTheirSubtreeAndTheParentsCouncilReviews() {
            String member = uniqueMember();
            Api.Response created = api.post("/api/nominations", officerOf(units.p),
                    nomination("INDIVIDUAL", "Trần Văn Bình", units.c1, member, units.c1, List.of("pl-1")));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/nominations/" + created.id());
            assertThat(created.header("ETag")).isEqualTo("\"1\"");
            JsonNode body = created.body();
            assertThat(body.path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(body.path("version").asLong()).isEqualTo(1);
            assertThat(body.path("reviewUnitId").asString()).isEqualTo(units.w1);
            assertThat(body.path("reviewLevel").asString()).isEqualTo("GRASSROOTS");
            assertThat(body.path("unitPath").toString()).isEqualTo(JSON.writeValueAsString(
                    List.of(units.vn, units.p, units.w1, units.c1)));
            assertThat(body.path("submittedBy").asString()).isEqualTo("officer@" + units.p);
            assertThat(body.path("rounds")).hasSize(1);

            Api.Response communeNomination = api.post("/api/nominations", officerOf(units.w1),
                    nomination("COLLECTIVE", "Chi bộ thôn Na Hoa", units.c1, null, units.w1, null));
            assertThat(communeNomination.body().path("reviewUnitId").asString()).isEqualTo(units.p);
        }

        @Test
        void theFieldsOfWorkAreServedWithVietnameseAndEnglishLabels() {
            Api.Response fields = api.get("/api/nominations/fields", token(uniqueMember(), units.c1, Role.MEMBER));

            assertThat(fields.status()).isEqualTo(200);
            assertThat(fields.body().findValuesAsString("code")).contains("PARTY_BUILDING", "ADMINISTRATIVE_REFORM",
                    "NEW_RURAL_DEVELOPMENT", "POVERTY_REDUCTION", "EDUCATION", "HEALTH", "SECURITY", "CULTURE",
                    "ENVIRONMENT", "DIGITAL_TRANSFORMATION");
            assertThat(fields.body().findValuesAsString("labelVi")).contains("Chuyển đổi số");
            assertThat(fields.body().findValuesAsString("labelEn")).contains("Digital transformation");
        }

        @Test
        void badInputIsAProblemNamingEveryField() {
            Map<String, Object> bad = body("year", 2010, "nominee", body("kind", "MODEL", "name", " ",
                    "unitId", "no-such-unit", "memberId", "m-1"), "nominatingUnitId", units.w1,
                    "field", "DIGITAL_TRANSFORMATION", "achievements", "…");

            Api.Response response = api.post("/api/nominations", officerOf(units.p), bad);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(fields(response)).contains("nominee.name");

            Map<String, Object> wellFormed = body("year", 2010, "nominee", body("kind", "MODEL", "name", "Mô hình",
                    "unitId", "no-such-unit", "memberId", "m-1"), "nominatingUnitId", units.w1,
                    "field", "DIGITAL_TRANSFORMATION", "achievements", "…");
            Api.Response rules = api.post("/api/nominations", officerOf(units.p), wellFormed);
            assertThat(rules.status()).isEqualTo(400);
            assertThat(fields(rules)).containsExactlyInAnyOrder("year", "nominee.memberId", "nominee.unitId");

            Api.Response unknownField = api.post("/api/nominations", officerOf(units.p),
                    body("year", 2025, "status", "AWARDED"));
            assertThat(unknownField.status()).isEqualTo(400);
            assertThat(fields(unknownField)).containsExactly("status");

            Api.Response unknownFieldOfWork = api.post("/api/nominations", officerOf(units.p), "{\"year\":2025,"
                    + "\"field\":\"SPORTS\"}");
            assertThat(fields(unknownFieldOfWork)).containsExactly("field");

            Api.Response outsideNominatingSubtree = api.post("/api/nominations", officerOf(units.p),
                    nomination("COLLECTIVE", "Chi bộ", units.w2, null, units.w1, null));
            assertThat(fields(outsideNominatingSubtree)).containsExactly("nominee.unitId");
        }

        @Test
        void onlyOfficersOverTheNominatingUnitNominate() {
            Map<String, Object> request = nomination("INDIVIDUAL", "Lê Văn C", units.c1, uniqueMember(), units.c1,
                    null);

            assertThat(api.post("/api/nominations", officerOf(units.q), request).status()).isEqualTo(403);
            assertThat(api.post("/api/nominations", officerOf(units.w2), request).status()).isEqualTo(403);
            assertThat(api.post("/api/nominations", councilMember(units.w1, 1), request).status()).isEqualTo(403);
            assertThat(api.post("/api/nominations", token("b", units.vn, Role.CENTRAL_BOARD), request).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/nominations", null, request).status()).isEqualTo(401);
        }

        @Test
        void theSameNomineeIsNominatedOncePerYearAndReviewLevel() {
            String member = uniqueMember();
            String first = nominateMember(member).id();

            Api.Response again = api.post("/api/nominations", officerOf(units.w1),
                    nomination("INDIVIDUAL", "Another spelling", units.c1, member, units.c1, null));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().path("existingId").asString()).isEqualTo(first);
            Api.Response disguised = api.post("/api/nominations", officerOf(units.w1),
                    nomination("INDIVIDUAL", "Nguyễn Thị", units.c1, "\u200B" + member + "\u2060", units.c1, null));
            assertThat(disguised.status()).as("an invisible character makes no other nominee").isEqualTo(409);

            Map<String, Object> nextYear = nomination("INDIVIDUAL", "Nguyễn Thị", units.c1, member, units.c1, null);
            nextYear.put("year", 2024);
            assertThat(api.post("/api/nominations", officerOf(units.w1), nextYear).status()).isEqualTo(201);

            String model = nominateModel("Mô hình Dân vận khéo " + member).id();
            Api.Response sameModel = nominateModel("mo hinh  DAN VAN kheo " + member);
            assertThat(sameModel.status()).isEqualTo(409);
            assertThat(sameModel.body().path("existingId").asString()).isEqualTo(model);
        }

        @Test
        void concurrentNominationsOfOneNomineeCreateExactlyOne() throws Exception {
            String member = uniqueMember();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Api.Response>> attempts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    attempts.add(() -> nominateMember(member));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Response> attempt : pool.invokeAll(attempts)) {
                    statuses.add(attempt.get().status());
                }
                assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * A client whose first attempt is still in the server (the database paused) sends it again with its key: every
         * attempt answers the one nomination, none "already nominated" (found by ./local.sh bench faults).
         */
        @Test
        void concurrentAttemptsWithOneIdempotencyKeyAllAnswerTheOneNomination() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                for (int round = 0; round < 10; round++) {
                    String key = UUID.randomUUID().toString();
                    Map<String, Object> request = nomination("INDIVIDUAL", "Lê Văn H", units.c1, uniqueMember(), units.c1,
                            null);
                    List<Callable<Api.Response>> attempts = new ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        attempts.add(() -> api.post("/api/nominations", officerOf(units.w1), request,
                                Map.of("Idempotency-Key", key)));
                    }
                    List<String> answers = new ArrayList<>();
                    for (Future<Api.Response> attempt : pool.invokeAll(attempts)) {
                        answers.add(attempt.get().status() + " " + attempt.get().id());
                    }
                    assertThat(answers).as("round " + round).containsOnly(answers.get(0))
                            .allMatch(answer -> answer.startsWith("201 "));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void anIdempotencyKeyReplaysTheCreationAndRefusesAnotherBody() {
            String key = UUID.randomUUID().toString();
            Map<String, Object> request = nomination("COLLECTIVE", "Chi bộ " + key, units.c1, null, units.c1, null);

            Api.Response first = api.post("/api/nominations", officerOf(units.w1), request,
                    Map.of("Idempotency-Key", key));
            Api.Response replay = api.post("/api/nominations", officerOf(units.w1), request,
                    Map.of("Idempotency-Key", key));
            request.put("achievements", "Khác");
            Api.Response otherBody = api.post("/api/nominations", officerOf(units.w1), request,
                    Map.of("Idempotency-Key", key));

            assertThat(first.status()).isEqualTo(201);
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.id()).isEqualTo(first.id());
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(otherBody.status()).isEqualTo(409);
        }
    }

    @Nested
    class CouncilReview {

        @Test
        void councilMembersOfTheReviewingUnitVoteOnceEach() {
            String id = nominateMember(uniqueMember()).id();

            Api.Response vote = api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1),
                    body("approve", true, "comment", "Xứng đáng"));
            assertThat(vote.status()).isEqualTo(200);
            assertThat(vote.body().path("tally").path("votes").asInt()).isEqualTo(1);
            assertThat(vote.body().path("version").asLong()).isEqualTo(2);

            Api.Response again = api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1),
                    body("approve", false));
            assertThat(again.status()).isEqualTo(409);
        }

        @Test
        void aCouncilMemberOfAnotherUnitCannotVote() {
            String id = nominateMember(uniqueMember()).id();

            assertThat(api.post("/api/nominations/" + id + "/votes", councilMember(units.w2, 1),
                    body("approve", true)).status()).isEqualTo(403);
            assertThat(api.post("/api/nominations/" + id + "/votes", councilMember(units.p, 1),
                    body("approve", true)).status()).isEqualTo(403);
            assertThat(api.post("/api/nominations/" + id + "/votes", officerOf(units.w1),
                    body("approve", true)).status()).isEqualTo(403);
            assertThat(api.post("/api/nominations/" + id + "/votes", token(uniqueMember(), units.c1, Role.MEMBER),
                    body("approve", true)).status()).isEqualTo(404);
            assertThat(api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1), body())
                    .status()).isEqualTo(400);
        }

        @Test
        void aDecisionNeedsTheQuorumAndAnAwardTheApprovingMajority() {
            String id = nominateMember(uniqueMember()).id();
            castVotes(id, units.w1, 1, 1);

            Api.Response early = decide(id, officerOf(units.w1), "REJECTED", null);
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.body().path("quorum").asInt()).isEqualTo(3);

            api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 7), body("approve", false));
            Api.Response award = decide(id, officerOf(units.w1), "AWARDED", "LETTER_OF_COMMENDATION");
            assertThat(award.status()).isEqualTo(409);
            assertThat(award.body().path("approvals").asInt()).isEqualTo(1);

            Api.Response rejected = decide(id, officerOf(units.w1), "REJECTED", null);
            assertThat(rejected.status()).isEqualTo(200);
            assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
            assertThat(api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 8),
                    body("approve", true)).status()).isEqualTo(409);
        }

        @Test
        void theAwardMustBeOneTheCouncilsLevelGivesAndIsRecordedWithItsDecider() {
            String id = nominateMember(uniqueMember()).id();
            castVotes(id, units.w1, 2, 1);

            Api.Response tooHigh = decide(id, officerOf(units.w1), "AWARDED", "CERTIFICATE_OF_MERIT");
            assertThat(tooHigh.status()).isEqualTo(400);
            assertThat(fields(tooHigh)).containsExactly("award");
            assertThat(fields(decide(id, officerOf(units.w1), "AWARDED", null))).containsExactly("award");

            Api.Response awarded = decide(id, officerOf(units.w1), "AWARDED", "LETTER_OF_COMMENDATION");
            assertThat(awarded.status()).isEqualTo(200);
            JsonNode decision = awarded.body().path("rounds").get(0).path("decision");
            assertThat(decision.path("decisionNo").asString()).isEqualTo("125-QĐ/ĐU");
            assertThat(decision.path("decidedBy").asString()).isEqualTo("officer@" + units.w1);
            assertThat(decision.path("award").asString()).isEqualTo("LETTER_OF_COMMENDATION");
            assertThat(awarded.body().path("award").asString()).isEqualTo("LETTER_OF_COMMENDATION");
        }

        @Test
        void onlyAnOfficerOfTheReviewingUnitDecides() {
            String id = nominateMember(uniqueMember()).id();
            castVotes(id, units.w1, 3, 0);

            assertThat(decide(id, officerOf(units.p), "AWARDED", "LETTER_OF_COMMENDATION").status()).isEqualTo(403);
            assertThat(decide(id, councilMember(units.w1, 0), "AWARDED", "LETTER_OF_COMMENDATION").status())
                    .isEqualTo(403);
            assertThat(decide(id, token("b", units.vn, Role.CENTRAL_BOARD), "AWARDED", "LETTER_OF_COMMENDATION")
                    .status()).isEqualTo(403);
        }

        @Test
        void aStaleIfMatchIsRefused() {
            String id = nominateMember(uniqueMember()).id();

            Api.Response stale = api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1),
                    body("approve", true), Map.of("If-Match", "\"7\""));
            Api.Response current = api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1),
                    body("approve", true), Map.of("If-Match", "\"1\""));

            assertThat(stale.status()).isEqualTo(412);
            assertThat(current.status()).isEqualTo(200);
            assertThat(current.header("ETag")).isEqualTo("\"2\"");
        }

        @Test
        void aRetriedVoteWithItsIdempotencyKeyCountsOnce() {
            String id = nominateMember(uniqueMember()).id();
            Map<String, String> key = Map.of("Idempotency-Key", "vote-" + id);

            api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1), body("approve", true), key);
            Api.Response retried = api.post("/api/nominations/" + id + "/votes", councilMember(units.w1, 1),
                    body("approve", true), key);

            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.body().path("tally").path("votes").asInt()).isEqualTo(1);
            assertThat(retried.body().path("version").asLong()).isEqualTo(2);
        }

        @Test
        void ballotsAreShownToTheCouncilButNotToTheNominee() {
            String member = uniqueMember();
            String id = nominateMember(member).id();
            castVotes(id, units.w1, 1, 0);

            JsonNode toCouncil = api.get("/api/nominations/" + id, councilMember(units.w1, 5)).body();
            JsonNode toNominee = api.get("/api/nominations/" + id, token(member, units.c1, Role.MEMBER)).body();

            assertThat(toCouncil.path("rounds").get(0).path("votes")).hasSize(1);
            assertThat(toNominee.path("rounds").get(0).has("votes")).isFalse();
            assertThat(toNominee.path("rounds").get(0).path("tally").path("approvals").asInt()).isEqualTo(1);
        }
    }

    @Nested
    class Escalation {

        @Test
        void anAwardedNominationIsReviewedAgainByEachHigherCouncilKeepingItsHistory() {
            String id = awardedAtCommune(uniqueMember());

            Api.Response escalated = api.post("/api/nominations/" + id + "/escalation", officerOf(units.w1), null);
            assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
            assertThat(escalated.body().path("status").asString()).isEqualTo("ESCALATED");
            assertThat(escalated.body().path("reviewUnitId").asString()).isEqualTo(units.p);
            assertThat(escalated.body().path("award").asString()).isEqualTo("LETTER_OF_COMMENDATION");
            assertThat(escalated.body().path("rounds").findValuesAsString("state"))
                    .containsExactly("ESCALATED", "IN_REVIEW");

            castVotes(id, units.p, 2, 1);
            assertThat(decide(id, officerOf(units.p), "AWARDED", "CERTIFICATE_OF_MERIT").status()).isEqualTo(200);
            assertThat(api.post("/api/nominations/" + id + "/escalation", officerOf(units.p), null).status())
                    .isEqualTo(200);

            castVotes(id, units.vn, 7, 0);
            Api.Response central = decide(id, token("admin", units.vn, Role.ADMIN), "AWARDED", "DIPLOMA_OF_MERIT");
            assertThat(central.status()).as(central.toString()).isEqualTo(200);
            JsonNode rounds = central.body().path("rounds");
            assertThat(rounds.findValuesAsString("reviewUnitId")).containsExactly(units.w1, units.p, units.vn);
            assertThat(rounds.findValuesAsString("state")).containsExactly("ESCALATED", "ESCALATED", "AWARDED");
            assertThat(rounds.get(1).path("decision").path("award").asString()).isEqualTo("CERTIFICATE_OF_MERIT");
            assertThat(rounds.get(0).path("tally").path("votes").asInt()).isEqualTo(3);

            Api.Response beyondCentral = api.post("/api/nominations/" + id + "/escalation",
                    token("officer@vn", units.vn, Role.PROVINCE_OFFICER), null);
            assertThat(beyondCentral.status()).isEqualTo(409);
        }

        @Test
        void onlyAnAwardedNominationIsEscalatedByTheReviewingUnitsOfficer() {
            String submitted = nominateMember(uniqueMember()).id();
            assertThat(api.post("/api/nominations/" + submitted + "/escalation", officerOf(units.w1), null).status())
                    .isEqualTo(409);

            String awarded = awardedAtCommune(uniqueMember());
            assertThat(api.post("/api/nominations/" + awarded + "/escalation", officerOf(units.p), null).status())
                    .isEqualTo(403);
        }

        @Test
        void anEscalationMeetingTheNomineesNominationAtTheHigherLevelIsAConflict() {
            String member = uniqueMember();
            String atProvince = api.post("/api/nominations", officerOf(units.w1),
                    nomination("INDIVIDUAL", "Phạm Thị D", units.c1, member, units.w1, null)).id();
            String atCommune = awardedAtCommune(member);

            Api.Response conflict = api.post("/api/nominations/" + atCommune + "/escalation", officerOf(units.w1),
                    null);

            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.body().path("existingId").asString()).isEqualTo(atProvince);
            assertThat(api.get("/api/nominations/" + atCommune, officerOf(units.w1)).body().path("status")
                    .asString()).isEqualTo("AWARDED");
        }
    }

    @Nested
    class Replication {

        @Test
        void unitsRecordThatTheyAdoptedAModelOnceEach() {
            String id = awardedModel("Mô hình Chi bộ số " + uniqueMember());

            Api.Response adopted = api.post("/api/nominations/" + id + "/replications", officerOf(units.p),
                    body("adoptingUnitId", units.w2, "note", "Áp dụng tại 5 khu phố"));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
            assertThat(adopted.body().path("replicationCount").asInt()).isEqualTo(1);
            assertThat(adopted.body().path("replications").findValuesAsString("adoptingUnitId"))
                    .containsExactly(units.w2);

            Api.Response fromAfar = api.post("/api/nominations/" + id + "/replications", officerOf(units.w9),
                    body("adoptingUnitId", units.w9));
            assertThat(fromAfar.status()).as(fromAfar.toString()).isEqualTo(200);
            assertThat(fromAfar.body().path("replicationCount").asInt()).isEqualTo(2);
            assertThat(fromAfar.body().path("award").asString()).isEqualTo("CERTIFICATE_OF_MERIT");
            for (String unreadable : List.of("achievements", "submittedBy", "nominatingUnitId", "tally")) {
                assertThat(fromAfar.body().path(unreadable).isNull()).as(unreadable).isTrue();
            }
            for (String unreadable : List.of("rounds", "pledges", "pledgeIds", "replications")) {
                assertThat(fromAfar.body().path(unreadable)).as(unreadable).isEmpty();
            }

            assertThat(api.post("/api/nominations/" + id + "/replications", officerOf(units.p),
                    body("adoptingUnitId", units.w2)).status()).isEqualTo(409);
            assertThat(fields(api.post("/api/nominations/" + id + "/replications", officerOf(units.p),
                    body("adoptingUnitId", units.w1)))).containsExactly("adoptingUnitId");
            assertThat(fields(api.post("/api/nominations/" + id + "/replications", officerOf(units.p),
                    body("adoptingUnitId", "no-such-unit")))).containsExactly("adoptingUnitId");
            assertThat(api.post("/api/nominations/" + id + "/replications", officerOf(units.q),
                    body("adoptingUnitId", units.w2)).status()).isEqualTo(403);
        }

        @Test
        void onlyAModelIsReplicatedAndAnyOtherNominationDoesNotExistForWhoCannotReadIt() {
            String id = awardedAtCommune(uniqueMember());

            assertThat(api.post("/api/nominations/" + id + "/replications", officerOf(units.p),
                    body("adoptingUnitId", units.w2)).status()).isEqualTo(409);
            Api.Response stranger = api.post("/api/nominations/" + id + "/replications", officerOf(units.w9),
                    body("adoptingUnitId", units.w9));
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.toString()).doesNotContain("INDIVIDUAL");
        }

        @Test
        void onlyAnAwardedModelIsReplicated() {
            String id = nominateModel("Mô hình " + uniqueMember()).id();

            Api.Response readable = api.post("/api/nominations/" + id + "/replications", officerOf(units.p),
                    body("adoptingUnitId", units.w2));
            Api.Response unreadable = api.post("/api/nominations/" + id + "/replications", officerOf(units.w9),
                    body("adoptingUnitId", units.w9));

            assertThat(readable.status()).isEqualTo(409);
            assertThat(readable.body().path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(unreadable.status()).isEqualTo(404);
            assertThat(unreadable.toString()).doesNotContain("achievements", "submittedBy");
            assertThat(api.get("/api/nominations/" + id, officerOf(units.p)).body().path("replicationCount").asInt())
                    .isZero();
        }
    }

    @Nested
    class Reads {

        @Test
        void aNominationIsReadInScopeAndDoesNotExistOutsideIt() {
            String member = uniqueMember();
            String id = nominateMember(member).id();

            assertThat(api.get("/api/nominations/" + id, token(member, units.c1, Role.MEMBER)).status())
                    .isEqualTo(200);
            assertThat(api.get("/api/nominations/" + id, officerOf(units.p)).status()).isEqualTo(200);
            assertThat(api.get("/api/nominations/" + id, councilMember(units.w1, 1)).status()).isEqualTo(200);
            assertThat(api.get("/api/nominations/" + id, token("b", units.q, Role.CENTRAL_BOARD)).status())
                    .isEqualTo(200);
            assertThat(api.get("/api/nominations/" + id, token(uniqueMember(), units.c1, Role.MEMBER)).status())
                    .isEqualTo(404);
            assertThat(api.get("/api/nominations/" + id, officerOf(units.q)).status()).isEqualTo(404);
            assertThat(api.get("/api/nominations/" + id, councilMember(units.w2, 1)).status()).isEqualTo(404);
            assertThat(api.get("/api/nominations/no-such-id", officerOf(units.p)).status()).isEqualTo(404);
        }

        @Test
        void listsArePagedFilteredAndLimitedToTheCallersScope() {
            String member = uniqueMember();
            String individual = nominateMember(member).id();
            String model = nominateModel("Mô hình " + member).id();

            Api.Response models = api.get("/api/nominations?unitId=" + units.w1 + "&year=2025&kind=MODEL"
                    + "&field=DIGITAL_TRANSFORMATION&status=SUBMITTED&size=1000", officerOf(units.p));
            assertThat(models.status()).isEqualTo(200);
            assertThat(models.body().path("size").asInt()).isEqualTo(200);
            assertThat(models.body().path("items").findValuesAsString("id")).contains(model).doesNotContain(individual);
            assertThat(models.body().path("items").findValuesAsString("kind")).containsOnly("MODEL");

            Api.Response firstPage = api.get("/api/nominations?unitId=" + units.w1 + "&size=1", officerOf(units.p));
            assertThat(firstPage.body().path("items")).hasSize(1);
            assertThat(firstPage.body().path("total").asLong()).isGreaterThanOrEqualTo(2);

            Api.Response own = api.get("/api/nominations", token(member, units.c1, Role.MEMBER));
            assertThat(own.body().path("items").findValuesAsString("id")).containsExactly(individual);
            assertThat(api.get("/api/nominations?unitId=" + units.w1, officerOf(units.q)).body().path("total")
                    .asLong()).isZero();
            assertThat(api.get("/api/nominations?size=0", officerOf(units.p)).status()).isEqualTo(400);
            assertThat(api.get("/api/nominations?status=WON", officerOf(units.p)).status()).isEqualTo(400);
        }

        @Test
        void theHonourRollGroupsTheYearsAwardsByLevelAndField() {
            String member = uniqueMember();
            String id = awardedAtCommune(member);
            api.post("/api/nominations/" + id + "/escalation", officerOf(units.w1), null);
            castVotes(id, units.p, 3, 0);
            decide(id, officerOf(units.p), "AWARDED", "CERTIFICATE_OF_MERIT");

            Api.Response roll = api.get("/api/nominations/honour-roll?year=2025&unitId=" + units.p,
                    token(uniqueMember(), units.w9, Role.MEMBER));

            assertThat(roll.status()).isEqualTo(200);
            JsonNode levels = roll.body().path("levels");
            assertThat(levels.findValuesAsString("level")).containsSubsequence("PROVINCE", "GRASSROOTS");
            JsonNode province = levels.get(levels.findValuesAsString("level").indexOf("PROVINCE"));
            JsonNode digital = province.path("fields").get(0);
            assertThat(digital.path("field").asString()).isEqualTo("DIGITAL_TRANSFORMATION");
            assertThat(digital.path("labelVi").asString()).isEqualTo("Chuyển đổi số");
            assertThat(digital.path("entries").findValuesAsString("nominationId")).contains(id);
            assertThat(api.get("/api/nominations/honour-roll?year=2025&unitId=" + units.q, officerOf(units.q))
                    .body().path("total").asInt()).isZero();
        }
    }

    @Nested
    class Events {

        @Test
        void everyChangeIsPublishedInOrderWithTheNomineesUnitAndTheStateBeforeAndAfter() {
            String id = nominateMember(uniqueMember()).id();
            castVotes(id, units.w1, 3, 0);
            decide(id, officerOf(units.w1), "AWARDED", "LETTER_OF_COMMENDATION");
            api.post("/api/nominations/" + id + "/escalation", officerOf(units.w1), null);

            List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.RECOGNITION_EVENTS,
                    record -> id.equals(record.key()), 6, Duration.ofSeconds(30));

            assertThat(records).hasSize(6);
            assertThat(records).extracting(record -> KafkaRecords.header(record, CloudEvents.HEADER_TYPE))
                    .containsExactly(NominationChanged.SUBMITTED, NominationChanged.VOTED, NominationChanged.VOTED,
                            NominationChanged.VOTED, NominationChanged.DECIDED, NominationChanged.ESCALATED);
            List<NominationChanged> events = records.stream()
                    .map(record -> JSON.readValue(record.value(), NominationChanged.class)).toList();
            assertThat(events).extracting(NominationChanged::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.nominationId()).isEqualTo(id);
                assertThat(event.unitId()).isEqualTo(units.c1);
                assertThat(event.unitPath()).containsExactly(units.vn, units.p, units.w1, units.c1);
                assertThat(event.year()).isEqualTo(2025);
            });
            assertThat(events.get(0).from()).isNull();
            assertThat(events.get(0).to().status().name()).isEqualTo("SUBMITTED");
            assertThat(events.get(4).from().status().name()).isEqualTo("SUBMITTED");
            assertThat(events.get(4).to().status().name()).isEqualTo("AWARDED");
            assertThat(events.get(4).to().award().name()).isEqualTo("LETTER_OF_COMMENDATION");
            assertThat(events.get(5).to().status().name()).isEqualTo("ESCALATED");
            assertThat(events.get(5).to().reviewUnitId()).isEqualTo(units.p);
            assertThat(events.get(5).to().escalations()).isEqualTo(1);

            ConsumerRecord<String, String> first = records.get(0);
            assertThat(KafkaRecords.header(first, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(KafkaRecords.header(first, CloudEvents.HEADER_SOURCE)).isEqualTo("/recognition-service");
            assertThat(KafkaRecords.header(first, CloudEvents.HEADER_SUBJECT)).isEqualTo(id);
            assertThat(KafkaRecords.header(first, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(Instant.parse(KafkaRecords.header(first, CloudEvents.HEADER_TIME))).isNotNull();
            assertThat(records).extracting(record -> KafkaRecords.header(record, CloudEvents.HEADER_ID))
                    .doesNotHaveDuplicates();
        }

        @Test
        void aReplicationIsPublishedWithTheNewCount() {
            String id = awardedModel("Mô hình " + uniqueMember());
            api.post("/api/nominations/" + id + "/replications", officerOf(units.p), body("adoptingUnitId", units.w2));

            // submitted, three votes, decided, replicated
            List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.RECOGNITION_EVENTS,
                    record -> id.equals(record.key()), 6, Duration.ofSeconds(30));

            assertThat(records).hasSize(6);
            assertThat(KafkaRecords.header(records.get(5), CloudEvents.HEADER_TYPE))
                    .isEqualTo(NominationChanged.REPLICATED);
            NominationChanged replicated = JSON.readValue(records.get(5).value(), NominationChanged.class);
            assertThat(replicated.from().replications()).isZero();
            assertThat(replicated.to().replications()).isEqualTo(1);
            assertThat(replicated.unitId()).isEqualTo(units.w1);
        }
    }

    @Nested
    class PledgeProjection {

        @Autowired
        PledgeEvaluations evaluations;

        private void publish(String pledgeId, long version, PledgeStatus status, Grade grade) {
            PledgeSnapshot to = new PledgeSnapshot(status, PledgerKind.INDIVIDUAL, true, false, 0.9, grade);
            PledgeChanged event = new PledgeChanged(pledgeId, version, units.c1,
                    List.of(units.vn, units.p, units.w1, units.c1), 2025, null, to, Instant.now());
            KafkaRecords.send(Topics.PLEDGE_EVENTS, pledgeId, JSON.writeValueAsString(event),
                    Map.of(CloudEvents.HEADER_ID, UUID.randomUUID().toString()));
        }

        @Test
        void theNominationShowsWhichLinkedPledgesWereEvaluatedExcellent() {
            String excellent = "pl-" + UUID.randomUUID();
            String good = "pl-" + UUID.randomUUID();
            String unknown = "pl-" + UUID.randomUUID();
            publish(excellent, 1, PledgeStatus.REGISTERED, null);
            publish(excellent, 3, PledgeStatus.EVALUATED, Grade.EXCELLENT);
            publish(excellent, 2, PledgeStatus.SELF_ASSESSED, null);
            publish(excellent, 3, PledgeStatus.EVALUATED, Grade.EXCELLENT);
            publish(good, 3, PledgeStatus.EVALUATED, Grade.GOOD);
            await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.find(List.of(excellent, good)).size() == 2);

            PledgeEvaluation projected = evaluations.find(List.of(excellent)).get(excellent);
            assertThat(projected.version()).isEqualTo(3);
            assertThat(projected.status()).isEqualTo(PledgeStatus.EVALUATED);
            assertThat(projected.grade()).isEqualTo(Grade.EXCELLENT);

            Api.Response nominated = api.post("/api/nominations", officerOf(units.w1), nomination("INDIVIDUAL",
                    "Võ Thị E", units.c1, uniqueMember(), units.c1, List.of(excellent, good, unknown)));
            assertThat(nominated.status()).isEqualTo(201);
            assertThat(nominated.body().path("excellentPledgeIds").toString())
                    .isEqualTo(JSON.writeValueAsString(List.of(excellent)));
            JsonNode pledges = nominated.body().path("pledges");
            assertThat(pledges.get(0).path("grade").asString()).isEqualTo("EXCELLENT");
            assertThat(pledges.get(1).path("grade").asString()).isEqualTo("GOOD");
            assertThat(pledges.get(2).path("status").isNull()).isTrue();
            assertThat(pledges.get(2).path("excellent").asBoolean()).isFalse();
        }

        @Test
        void aNominationLinksOnlyPledgesItsSubmitterMayRead() {
            String ofCommuneW1 = "pl-" + UUID.randomUUID();
            publish(ofCommuneW1, 3, PledgeStatus.EVALUATED, Grade.EXCELLENT);
            await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.find(List.of(ofCommuneW1)).size() == 1);

            Api.Response foreign = api.post("/api/nominations", officerOf(units.w9), nomination("INDIVIDUAL",
                    "Đỗ Văn G", units.w9, uniqueMember(), units.w9, List.of("pl-" + UUID.randomUUID(), ofCommuneW1)));

            assertThat(foreign.status()).isEqualTo(400);
            assertThat(fields(foreign)).containsExactly("pledgeIds[1]");
            assertThat(foreign.toString()).doesNotContain("EXCELLENT");
        }

        @Autowired
        MeterRegistry meters;

        @Test
        void anUnreadablePledgeEventGoesToTheDeadLetterTopicAndIsCounted() {
            double countedBefore = deadLettered();
            String key = "broken-" + UUID.randomUUID();
            KafkaRecords.send(Topics.PLEDGE_EVENTS, key, "{\"pledgeId\": 42, \"version\": \"x\"", Map.of());

            List<ConsumerRecord<String, String>> dead = KafkaRecords.await(Topics.deadLetter(Topics.PLEDGE_EVENTS),
                    record -> key.equals(record.key()), 1, Duration.ofSeconds(30));

            assertThat(dead).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> deadLettered() >= countedBefore + 1);
        }

        private double deadLettered() {
            return meters.find(DeadLetterCounter.NAME).tag("topic", Topics.PLEDGE_EVENTS).counters().stream()
                    .mapToDouble(Counter::count).sum();
        }
    }
}
