package vn.neuguong.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.neuguong.systemtest.security.Scenario.UNITS;
import static vn.neuguong.systemtest.security.Scenario.YEAR;
import static vn.neuguong.systemtest.security.Scenario.etag;
import static vn.neuguong.systemtest.security.Scenario.token;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Topics;
import vn.neuguong.systemtest.SystemStack;
import vn.neuguong.systemtest.security.Http.Reply;

/**
 * One attack per item of the OWASP API Security Top 10 (2023) that docs/security.md maps to a defence, each against
 * the real stack, and each required to fail without changing anything.
 */
@Order(51)
class OwaspAttacksIT {

    private static final int OFFSET = Integer.getInteger("neuguong.system-test.port-offset", 20000);
    private static final List<String> SERVICES = List.of(
            "http://localhost:" + (8081 + OFFSET), "http://localhost:" + (8082 + OFFSET),
            "http://localhost:" + (8083 + OFFSET));
    private static final String KAFKA = "localhost:" + (9092 + OFFSET);
    private static final long BUCKET_CAPACITY = Long.parseLong(
            System.getenv().getOrDefault("NEUGUONG_RATE_LIMIT_CAPACITY", "1000"));
    private static final long BUCKET_REFILL_PER_SECOND = Long.parseLong(
            System.getenv().getOrDefault("NEUGUONG_RATE_LIMIT_REFILL_PER_SECOND", "200"));

    private static CraftedTokens tokens;

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
        Scenario.awaitOrgUnitsEverywhere();
        tokens = CraftedTokens.forIssuer(SystemStack.ISSUER.toString().replaceAll("/$", ""));
    }

    // API2 Broken authentication: the gateway and every service behind it reject each forged variant

    @Test
    void aTokenSignedByAnotherKeyIsRejectedEverywhere() throws Exception {
        assertRejectedEverywhere(tokens.signWithForeignKey(officerClaims()));
    }

    @Test
    void anUnsignedTokenIsRejectedEverywhere() throws Exception {
        assertRejectedEverywhere(tokens.unsigned(officerClaims()));
    }

    @Test
    void anExpiredTokenIsRejectedEverywhere() throws Exception {
        Map<String, Object> claims = officerClaims();
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now - 600);
        claims.put("exp", now - 120);
        assertRejectedEverywhere(tokens.sign(claims));
    }

    @Test
    void theClockSkewAllowedIsThirtySecondsNotTheDefaultMinute() throws Exception {
        Map<String, Object> claims = officerClaims();
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now - 600);
        claims.put("exp", now - 45);
        assertRejectedEverywhere(tokens.sign(claims));
    }

    @Test
    void aTokenOfAnotherIssuerIsRejectedEverywhere() throws Exception {
        Map<String, Object> claims = officerClaims();
        claims.put("iss", "https://login.evil.example/realms/neuguong");
        assertRejectedEverywhere(tokens.sign(claims));
    }

    @Test
    void aTokenForAnotherAudienceIsRejectedEverywhere() throws Exception {
        Map<String, Object> claims = officerClaims();
        claims.put("aud", List.of("another-application"));
        assertRejectedEverywhere(tokens.sign(claims));
    }

    @Test
    void theSameClaimsSignedByTheIssuerAreAccepted() throws Exception {
        String token = tokens.sign(officerClaims());

        assertThat(Http.get("/api/org-units/" + UNITS.own(), token).status()).isEqualTo(200);
        for (String service : SERVICES) {
            assertThat(Http.get(service + "/api/periods", token).status()).as(service).isNotIn(401, 403);
        }
    }

    // API1 Broken object level authorization: a valid token for another unit

    @Test
    void anOfficerOfAnotherProvinceCannotTouchACommunesPledges() throws Exception {
        Scenario.Pledge pledge = Scenario.selfAssessedPledge();
        String intruder = token(MatrixActor.PROVINCE_OFFICER_OTHER);
        String memberId = Scenario.newMemberId();

        Reply register = Http.json("POST", "/api/pledges", intruder, Scenario.individualPledge(memberId));
        Reply read = Http.get("/api/pledges/" + pledge.id(), intruder);
        Reply evaluate = Http.json("POST", "/api/pledges/" + pledge.id() + "/evaluation", intruder,
                Map.of("grade", "EXCELLENT"), "If-Match", etag(pledge.version()));
        Reply list = Http.get("/api/pledges?unitId=" + UNITS.own() + "&size=200", intruder);

        assertThat(register.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(404);
        assertThat(evaluate.status()).isEqualTo(404);
        assertThat(Scenario.lists(list.json(), pledge.id())).isFalse();
        JsonNode after = Http.get("/api/pledges/" + pledge.id(), token(MatrixActor.CENTRAL_BOARD)).json();
        assertThat(after.path("status").asString()).isEqualTo("SELF_ASSESSED");
        assertThat(after.path("version").asLong()).isEqualTo(pledge.version());
        assertThat(pledgesOf(memberId)).isZero();
    }

    // API3 Broken object property level authorization: server-owned fields cannot be assigned

    @ParameterizedTest
    @ValueSource(strings = {"status", "unitPath", "version", "id", "onTime", "signedOn", "registeredAt",
            "specificity"})
    void aPledgeCannotBeCreatedWithAServerOwnedField(String field) throws Exception {
        String memberId = Scenario.newMemberId();
        Map<String, Object> body = new LinkedHashMap<>(Scenario.individualPledge(memberId));
        body.put(field, serverOwnedValue(field));

        Reply created = Http.json("POST", "/api/pledges", token(MatrixActor.MEMBER_SELF, memberId), body);

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fieldsOf(created)).contains(field);
        assertThat(pledgesOf(memberId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "unitPath", "version"})
    void aPledgeCannotBeRevisedIntoAServerOwnedState(String field) throws Exception {
        Scenario.Pledge pledge = Scenario.registeredPledge();
        Map<String, Object> body = new LinkedHashMap<>(Scenario.individualPledge(pledge.memberId()));
        body.put(field, serverOwnedValue(field));

        Reply revised = Http.json("PUT", "/api/pledges/" + pledge.id(), token(MatrixActor.MEMBER_SELF, pledge.memberId()),
                body, "If-Match", etag(pledge.version()));

        assertThat(revised.status()).isEqualTo(400);
        assertThat(fieldsOf(revised)).contains(field);
        JsonNode after = Http.get("/api/pledges/" + pledge.id(), token(MatrixActor.CENTRAL_BOARD)).json();
        assertThat(after.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(after.path("version").asLong()).isEqualTo(pledge.version());
        assertThat(after.path("unitId").asString()).isEqualTo(UNITS.own());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "reviewUnitId", "unitPath", "version"})
    void aNominationCannotBeSubmittedWithAServerOwnedField(String field) throws Exception {
        String memberId = Scenario.newMemberId();
        Map<String, Object> body = new LinkedHashMap<>(Scenario.nomination(memberId));
        body.put(field, serverOwnedValue(field));

        Reply submitted = Http.json("POST", "/api/nominations", token(MatrixActor.UNIT_OFFICER), body);

        assertThat(submitted.status()).isEqualTo(400);
        assertThat(fieldsOf(submitted)).contains(field);
        Reply list = Http.get("/api/nominations?unitId=" + UNITS.own() + "&size=200", token(MatrixActor.CENTRAL_BOARD));
        assertThat(list.body()).doesNotContain(memberId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "unitPath", "version"})
    void aReportCannotBeSubmittedWithAServerOwnedField(String field) throws Exception {
        String period = Scenario.createdPeriod();
        Map<String, Object> body = new LinkedHashMap<>(Scenario.report(period));
        body.put(field, serverOwnedValue(field));

        Reply submitted = Http.json("POST", "/api/reports", token(MatrixActor.UNIT_OFFICER), body);

        assertThat(submitted.status()).isEqualTo(400);
        assertThat(fieldsOf(submitted)).contains(field);
        Reply reports = Http.get("/api/reports?unitId=" + UNITS.own() + "&periodId=" + period,
                token(MatrixActor.CENTRAL_BOARD));
        assertThat(reports.json().path("total").asLong()).isZero();
    }

    // API4 Unrestricted resource consumption

    @Test
    void aBodyAboveOneMebibyteIsRefusedWith413() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        Reply declared = Http.send("POST", "/api/pledges", token(MatrixActor.UNIT_OFFICER), "application/json", body,
                Map.of());
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        SystemStack.GATEWAY.resolve("/api/pledges"))
                .header("Authorization", "Bearer " + token(MatrixActor.UNIT_OFFICER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @Test
    void pageSizesAreCapped() throws Exception {
        String central = token(MatrixActor.CENTRAL_BOARD);

        Reply pledges = Http.get("/api/pledges?size=100000", central);
        Reply nominations = Http.get("/api/nominations?size=100000", central);
        Reply units = Http.get("/api/org-units?q=a&size=100000", central);

        assertThat(pledges.status()).isIn(200, 400);
        assertThat(nominations.status()).isIn(200, 400);
        assertThat(units.status()).isIn(200, 400);
        for (Reply page : List.of(pledges, nominations, units)) {
            if (page.status() == 200) {
                assertThat(page.json().path("size").asInt()).isLessThanOrEqualTo(200);
                assertThat(page.json().path("items").size()).isLessThanOrEqualTo(200);
            }
        }
    }

    @Test
    void aBurstOfTenThousandRequestsByOneUserIsMostlyTurnedAwayAndOthersAreNotAffected() throws Exception {
        String flooder = SystemStack.token("flooder-" + UUID.randomUUID(), "Người gửi dồn dập", UNITS.own(), "MEMBER");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(SystemStack.GATEWAY.resolve("/api/periods"))
                .header("Authorization", "Bearer " + flooder).timeout(Duration.ofSeconds(60)).build();
        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger rejectedWithoutRetryAfter = new AtomicInteger();
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<?>> sent = new ArrayList<>();

        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            inFlight.acquire();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                int status = failure != null ? -1 : response.statusCode();
                statuses.computeIfAbsent(status, ignored -> new AtomicInteger()).incrementAndGet();
                if (status == 429 && response.headers().firstValueAsLong("Retry-After").orElse(0) < 1) {
                    rejectedWithoutRetryAfter.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - started) / 1e9;
        Reply bystander = Http.get("/api/periods", token(MatrixActor.UNIT_OFFICER));

        int accepted = count(statuses, 200);
        int rejected = count(statuses, 429);
        assertThat(statuses.keySet()).as("statuses %s in %.1f s", statuses, seconds).containsOnly(200, 429);
        assertThat(accepted + rejected).isEqualTo(10_000);
        // at most the bucket (the system-test gateway's, see the failsafe configuration) and its refills, plus the
        // requests already in flight when it ran dry
        assertThat(accepted).as("statuses %s in %.1f s", statuses, seconds)
                .isLessThanOrEqualTo((int) (BUCKET_CAPACITY + BUCKET_REFILL_PER_SECOND * Math.ceil(seconds)) + 64);
        assertThat(rejected).as("statuses %s in %.1f s", statuses, seconds).isGreaterThan(accepted);
        assertThat(rejectedWithoutRetryAfter).hasValue(0);
        assertThat(bystander.status()).isEqualTo(200);
    }

    // API5 Broken function level authorization: operations and administration need their roles

    @Test
    void actuatorEndpointsBeyondHealthNeedTheOperatorRole() throws Exception {
        String officer = token(MatrixActor.PROVINCE_OFFICER_PARENT);
        String admin = token(MatrixActor.ADMIN);
        String operator = token(MatrixActor.OPERATOR);
        List<String> servers = new ArrayList<>(SERVICES);
        servers.add(SystemStack.GATEWAY.toString().replaceAll("/$", ""));

        for (String server : servers) {
            assertThat(Http.get(server + "/actuator/health", null).status()).as(server).isEqualTo(200);
            assertThat(Http.get(server + "/actuator/metrics", null).status()).as(server).isEqualTo(401);
            assertThat(Http.get(server + "/actuator/metrics", officer).status()).as(server).isEqualTo(403);
            assertThat(Http.get(server + "/actuator/prometheus", admin).status()).as(server).isEqualTo(403);
            assertThat(Http.get(server + "/actuator/prometheus", operator).status()).as(server).isEqualTo(200);
            // never exposed, whoever asks
            assertThat(Http.get(server + "/actuator/env", operator).status()).as(server).isEqualTo(404);
            assertThat(Http.get(server + "/actuator/heapdump", operator).status()).as(server).isEqualTo(404);
        }
    }

    // API8 Security misconfiguration: headers, CORS, errors without internals

    @Test
    void apiResponsesCarryTheSecurityHeaders() throws Exception {
        Reply response = Http.get("/api/org-units/" + UNITS.own(), token(MatrixActor.UNIT_OFFICER));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theDashboardOnlyRunsScriptsFromTheGateway() throws Exception {
        Reply page = Http.get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void aPageOfAnotherOriginMayNotCallTheApi() throws Exception {
        Reply preflight = Http.send("OPTIONS", "/api/pledges", null, null, null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void errorsNameNoInternals() throws Exception {
        String officer = token(MatrixActor.UNIT_OFFICER);
        List<Reply> errors = List.of(
                Http.send("POST", "/api/pledges", officer, "application/json",
                        "{\"year\": [1, {\"unitId\": ".getBytes(StandardCharsets.UTF_8), Map.of()),
                Http.get("/api/pledges/%00%0A..%2F..%2Fetc", officer),
                Http.get("/api/aggregates/" + UNITS.own() + "?year=abc", officer),
                Http.get("/api/no-such-thing", officer),
                Http.json("POST", "/api/nominations", officer, Map.of("year", "MMXXVI")));

        for (Reply error : errors) {
            assertThat(error.status()).as(error.body()).isBetween(400, 499);
            assertThat(error.header("Content-Type")).as(error.body()).startsWith("application/problem+json");
            assertThat(error.body()).doesNotContainIgnoringCase("exception").doesNotContain("at vn.neuguong", "localhost:",
                    "trace", "mongo", "kafka", "springframework", "tools.jackson");
        }
    }

    // API10 Unsafe consumption of APIs: an unreadable event is dead-lettered and the consumers keep going

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheFiguresKeepFlowing() throws Exception {
        Scenario.Pledge pledge = Scenario.registeredPledge();
        String central = token(MatrixActor.CENTRAL_BOARD);
        long selfAssessedBefore = selfAssessedIn(central);

        // keyed by the pledge, so the poison lands in the partition the pledge's next event goes to
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.PLEDGE_EVENTS, pledge.id(),
                    "{\"pledgeId\": \"".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION))
                    .add(CloudEvents.HEADER_ID, bytes(UUID.randomUUID().toString()))
                    .add(CloudEvents.HEADER_TYPE, bytes("vn.neuguong.pledge.self-assessed.v1"))
                    .add(CloudEvents.HEADER_SOURCE, bytes("/attacker"))
                    .add(CloudEvents.HEADER_SUBJECT, bytes(pledge.id()));
            producer.send(poison).get();
        }
        Reply assessed = Http.json("POST", "/api/pledges/" + pledge.id() + "/self-assessment",
                token(MatrixActor.MEMBER_SELF, pledge.memberId()), Scenario.selfAssessment(),
                "If-Match", etag(pledge.version()));
        assertThat(assessed.status()).isEqualTo(200);

        assertThat(deadLettered(Topics.deadLetter(Topics.PLEDGE_EVENTS), pledge.id())).isTrue();
        SystemStack.getUntil("/api/aggregates/" + UNITS.own() + "?year=" + YEAR, central,
                response -> selfAssessedOf(response.body()) > selfAssessedBefore);
        assertThat(selfAssessedIn(central)).isEqualTo(selfAssessedBefore + 1);
    }

    private static Map<String, Object> officerClaims() {
        return tokens.claims("attacker", UNITS.own(), "UNIT_OFFICER", "ADMIN", "OPERATOR");
    }

    /** 401 with a problem at the gateway, and at each service called directly (the network is not trusted). */
    private static void assertRejectedEverywhere(String token) throws Exception {
        Reply gateway = Http.get("/api/org-units/" + UNITS.own(), token);
        assertThat(gateway.status()).isEqualTo(401);
        assertThat(gateway.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Http.get("/actuator/metrics", token).status()).isEqualTo(401);
        for (String service : SERVICES) {
            assertThat(Http.get(service + "/api/periods", token).status()).as(service).isEqualTo(401);
            assertThat(Http.get(service + "/actuator/metrics", token).status()).as(service).isEqualTo(401);
        }
    }

    private static Object serverOwnedValue(String field) {
        return switch (field) {
            case "status" -> "EVALUATED";
            case "unitPath" -> List.of("vn", UNITS.otherProvince());
            case "version", "onTime" -> 99;
            case "specificity" -> Map.of("score", 1.0);
            case "signedOn" -> "2026-01-05";
            case "registeredAt" -> "2026-01-05T08:00:00Z";
            default -> "p-" + UUID.randomUUID();
        };
    }

    private static List<String> fieldsOf(Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static long pledgesOf(String memberId) throws Exception {
        Reply list = Http.get("/api/pledges?unitId=" + UNITS.own() + "&size=200", token(MatrixActor.MEMBER_SELF, memberId));
        return list.json().path("total").asLong();
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    private static long selfAssessedIn(String token) throws Exception {
        return selfAssessedOf(Http.get("/api/aggregates/" + UNITS.own() + "?year=" + YEAR, token).body());
    }

    private static long selfAssessedOf(String aggregate) {
        return Http.JSON.readTree(aggregate).path("pledges").path("selfAssessed").asLong();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    private static boolean deadLettered(String topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
