package vn.neuguong.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.security.Scenario.UNITS;
import static vn.neuguong.systemtest.security.Scenario.YEAR;
import static vn.neuguong.systemtest.security.Scenario.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.neuguong.systemtest.SystemStack;
import vn.neuguong.systemtest.security.Http.Reply;

/**
 * A property of every write endpoint: whatever malformed body arrives — random JSON, a valid body with a field of
 * the wrong type, an unknown field or a huge string, deep nesting, invalid UTF-8, truncated JSON, an empty body, a
 * wrong content type or a form — with whatever {@code If-Match}, {@code Idempotency-Key} and correlation id, the
 * answer is a 4xx problem, never a 5xx, and nothing changes. Each endpoint is called by a
 * user entitled to call it, so the input gets past authorization to the validation under test.
 * <p>
 * The cases come from a seeded generator ({@code -Dneuguong.fuzz.seed=…} replays a run; the seed is in every failure
 * message) — jqwik, the property-based testing engine, does not run on the JUnit 6 platform these tests use.
 */
@Order(52)
class WriteFuzzIT {

    private static final int CASES_PER_ENDPOINT = Integer.getInteger("neuguong.fuzz.cases", 40);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Fixtures fixtures;

    record Fixtures(Scenario.Pledge registered, Scenario.Pledge selfAssessed, Scenario.Nomination nomination,
            Scenario.Report report, String conference) {
    }

    /**
     * A write endpoint, the user entitled to call it, and a valid body to mutate.
     *
     * @param bodyOptional an empty body is a valid request (an approval without a comment), so it is not sent
     */
    record Target(String method, String path, MatrixActor actor, Map<String, Object> validBody, boolean bodyOptional) {

        Target(String method, String path, MatrixActor actor, Map<String, Object> validBody) {
            this(method, path, actor, validBody, false);
        }
    }

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
        Scenario.awaitOrgUnitsEverywhere();
        fixtures = new Fixtures(Scenario.registeredPledge(), Scenario.selfAssessedPledge(),
                Scenario.submittedNomination(), Scenario.submittedReport(), Scenario.createdConference());
    }

    @Test
    void noMalformedWriteIsAServerErrorOrChangesAnything() throws Exception {
        long seed = Long.getLong("neuguong.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, String> before = snapshot();
        List<String> failures = new ArrayList<>();

        for (Target target : targets()) {
            String token = token(target.actor(), fixtures.registered().memberId());
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                Case malformed = malformed(random, target);
                Map<String, String> headers = randomHeaders(random);
                Reply reply = Http.send(target.method(), target.path(), token, malformed.contentType(), malformed.body(),
                        headers);
                if (reply.status() < 400 || reply.status() >= 500
                        || !String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")) {
                    failures.add(target.method() + " " + target.path() + " " + malformed.kind() + " " + headers + " → "
                            + reply.status()
                            + " " + abbreviate(reply.body()) + " (body: " + abbreviate(new String(malformed.body(),
                            StandardCharsets.UTF_8)) + ")");
                }
            }
        }

        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(snapshot()).as("seed %d: the data after the fuzzing", seed).isEqualTo(before);
    }

    private static List<Target> targets() throws Exception {
        String pledge = "/api/pledges/" + fixtures.registered().id();
        String assessed = "/api/pledges/" + fixtures.selfAssessed().id();
        String nomination = "/api/nominations/" + fixtures.nomination().id();
        String report = "/api/reports/" + fixtures.report().id();
        String memberId = fixtures.registered().memberId();
        return List.of(
                new Target("POST", "/api/pledges", MatrixActor.UNIT_OFFICER, Scenario.individualPledge(Scenario.newMemberId())),
                new Target("PUT", pledge, MatrixActor.MEMBER_SELF, Scenario.individualPledge(memberId)),
                new Target("POST", pledge + "/self-assessment", MatrixActor.MEMBER_SELF, Scenario.selfAssessment()),
                new Target("POST", pledge + "/withdrawal", MatrixActor.UNIT_OFFICER, Map.of("reason", "Chuyển công tác")),
                new Target("POST", assessed + "/evaluation", MatrixActor.UNIT_OFFICER,
                        Map.of("grade", "GOOD", "comment", "Hoàn thành tốt")),
                new Target("POST", "/api/nominations", MatrixActor.UNIT_OFFICER, Scenario.nomination(Scenario.newMemberId())),
                new Target("POST", nomination + "/votes", MatrixActor.COUNCIL_MEMBER_PARENT,
                        Map.of("approve", true, "comment", "Đồng ý")),
                new Target("POST", nomination + "/decision", MatrixActor.PROVINCE_OFFICER_PARENT,
                        Map.of("outcome", "AWARDED", "award", "LETTER_OF_COMMENDATION", "decisionNo", "7-QĐ/TU")),
                new Target("POST", nomination + "/replications", MatrixActor.UNIT_OFFICER,
                        Map.of("adoptingUnitId", UNITS.own(), "note", "Áp dụng tại tổ dân phố")),
                new Target("POST", "/api/org-units", MatrixActor.ADMIN, Scenario.newCell()),
                new Target("PUT", "/api/org-units/" + UNITS.own() + "/member-count", MatrixActor.ADMIN,
                        Map.of("memberCount", 1)),
                new Target("POST", "/api/org-units/" + UNITS.own() + "/merger", MatrixActor.ADMIN,
                        Map.of("successorId", UNITS.parent(), "validTo", YEAR + "-12-31")),
                new Target("POST", "/api/periods", MatrixActor.CENTRAL_BOARD, Scenario.period(Scenario.newPeriodId())),
                new Target("POST", "/api/reports", MatrixActor.UNIT_OFFICER, Scenario.report(String.valueOf(YEAR))),
                new Target("POST", report + "/approval", MatrixActor.PROVINCE_OFFICER_PARENT, Map.of("comment", "Đạt"),
                        true),
                new Target("POST", report + "/return", MatrixActor.PROVINCE_OFFICER_PARENT, Map.of("reason", "Thiếu số liệu")),
                new Target("POST", "/api/conferences", MatrixActor.CENTRAL_BOARD, Scenario.conference()),
                new Target("POST", "/api/conferences/" + fixtures.conference() + "/attendance", MatrixActor.UNIT_OFFICER,
                        Scenario.checkIn()));
    }

    record Case(String kind, String contentType, byte[] body) {
    }

    private static Case malformed(Random random, Target target) {
        ObjectNode body = Http.JSON.valueToTree(target.validBody());
        List<String> fields = new ArrayList<>(body.propertyNames());
        String field = fields.get(random.nextInt(fields.size()));
        int kind = target.bodyOptional() ? random.nextInt(9) : random.nextInt(10);
        return switch (kind) {
            case 0 -> json("random JSON", randomInvalidJson(random));
            case 1 -> {
                body.set("x" + Long.toHexString(random.nextLong()), randomJson(random, 2));
                yield json("unknown field", body);
            }
            case 2 -> {
                // an array where an object belongs, an object anywhere else: never coercible
                body.set(field, body.get(field).isObject() ? NODES.arrayNode().add(1) : NODES.objectNode().put("x", 1));
                yield json("wrong type of " + field, body);
            }
            case 3 -> {
                body.put(hugeStringField(body, random), "Đ".repeat(150_000 + random.nextInt(100_000)));
                yield json("huge string", body);
            }
            case 4 -> {
                int depth = 2_000 + random.nextInt(8_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                yield new Case("nesting " + depth, "application/json",
                        (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> new Case("invalid UTF-8", "application/json", invalidUtf8(random, Http.JSON.writeValueAsBytes(body)));
            case 6 -> {
                byte[] complete = Http.JSON.writeValueAsBytes(body);
                byte[] truncated = new byte[1 + random.nextInt(complete.length - 1)];
                System.arraycopy(complete, 0, truncated, 0, truncated.length);
                yield new Case("truncated", "application/json", truncated);
            }
            case 7 -> new Case("wrong content type", random.nextBoolean() ? "text/plain" : "application/xml",
                    Http.JSON.writeValueAsBytes(body));
            case 8 -> {
                // a form the container would decode as parameters: a stray % once made that a 500
                body.put(hugeStringField(body, random), "100% đạt " + "%".repeat(1 + random.nextInt(3)));
                String[] forms = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"};
                yield new Case("form content type", forms[random.nextInt(forms.length)], Http.JSON.writeValueAsBytes(body));
            }
            default -> new Case("empty body", "application/json", new byte[0]);
        };
    }

    /** Headers a client may send with any write, well-formed or not; none of them may turn a 4xx into a 5xx. */
    private static Map<String, String> randomHeaders(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] ifMatch = {"\"1\"", "*", "W/\"1\"", "\"x\"", "1,2", "-1", "99999999999999999999"};
        String[] keys = {UUID.randomUUID().toString(), " ", "k".repeat(201), "<script>", "a|b|c", "$where"};
        String[] correlationIds = {"<script>alert(1)</script>", "x".repeat(300), "ok-1"};
        if (random.nextBoolean()) {
            headers.put("If-Match", ifMatch[random.nextInt(ifMatch.length)]);
        }
        if (random.nextBoolean()) {
            headers.put("Idempotency-Key", keys[random.nextInt(keys.length)]);
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Correlation-Id", correlationIds[random.nextInt(correlationIds.length)]);
        }
        return headers;
    }

    private static Case json(String kind, JsonNode body) {
        return new Case(kind, "application/json", Http.JSON.writeValueAsBytes(body));
    }

    /** Random JSON that no endpoint accepts: never null, and an object always has a key no request has. */
    private static JsonNode randomInvalidJson(Random random) {
        JsonNode json = randomJson(random, 4);
        if (json.isNull()) {
            return NODES.arrayNode().add(json);
        }
        if (json.isObject()) {
            ((ObjectNode) json).put("x" + Long.toHexString(random.nextLong()), 1);
        }
        return json;
    }

    private static JsonNode randomJson(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextBoolean() ? random.nextLong() : random.nextDouble() * 1e300);
            case 3 -> NODES.stringNode(randomText(random));
            case 4 -> NODES.numberNode(-random.nextInt(1000));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random), randomJson(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        String[] samples = {"", " ", "Đảng bộ xã", "\u0000", "'; db.dropDatabase(); '", "$where", "{\"$gt\": \"\"}",
                "../../etc/passwd", "<script>alert(1)</script>", "𝕏", "\uD800", "9".repeat(40), "NaN", "-0", "null"};
        return samples[random.nextInt(samples.length)];
    }

    /** A string field of the body, or a new one when it has none. */
    private static String hugeStringField(ObjectNode body, Random random) {
        List<String> strings = new ArrayList<>();
        body.properties().forEach(entry -> {
            if (entry.getValue().isString()) {
                strings.add(entry.getKey());
            }
        });
        return strings.isEmpty() ? "x" : strings.get(random.nextInt(strings.size()));
    }

    private static byte[] invalidUtf8(Random random, byte[] json) {
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        String text = new String(json, StandardCharsets.UTF_8);
        int quote = text.indexOf(":\"");
        int at = quote < 0 ? 1 : text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        byte[] bad = invalid[random.nextInt(invalid.length)];
        byte[] result = new byte[json.length + bad.length];
        System.arraycopy(json, 0, result, 0, at);
        System.arraycopy(bad, 0, result, at, bad.length);
        System.arraycopy(json, at, result, at + bad.length, json.length - at);
        return result;
    }

    /** What the fuzzed endpoints could change, read before and after. */
    private static Map<String, String> snapshot() throws Exception {
        String central = token(MatrixActor.CENTRAL_BOARD);
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/api/pledges/" + fixtures.registered().id(), "/api/pledges/" + fixtures.selfAssessed().id(),
                "/api/nominations/" + fixtures.nomination().id(), "/api/reports/" + fixtures.report().id(),
                "/api/conferences/" + fixtures.conference(), "/api/org-units/" + UNITS.own())) {
            state.put(path, Http.get(path, central).body());
        }
        for (String list : List.of("/api/pledges?unitId=" + UNITS.own(), "/api/nominations?unitId=" + UNITS.own(),
                "/api/reports?unitId=" + UNITS.own(), "/api/periods", "/api/conferences",
                "/api/org-units/" + UNITS.own() + "/children")) {
            state.put(list + " total", Http.get(list, central).json().path("total").asString());
        }
        return state;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
