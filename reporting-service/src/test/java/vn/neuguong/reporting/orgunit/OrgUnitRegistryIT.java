package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.platform.outbox.OutboxEvent;
import vn.neuguong.reporting.Api;
import vn.neuguong.reporting.TopicReader;
import vn.neuguong.testsupport.IntegrationTest;

@IntegrationTest
@ActiveProfiles("local") // the DEMO member counts
@DirtiesContext
class OrgUnitRegistryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReferenceDataLoader loader;

    private final String admin = Api.token("vn", Role.ADMIN);
    private final String officer = Api.token("p-01", Role.PROVINCE_OFFICER);

    private Api api() {
        return new Api(port);
    }

    @Test
    void loadsTheCentralLevel34Provinces3321CommunesAnd63LegacyProvinces() {
        assertThat(countReference("^vn$")).isEqualTo(1);
        assertThat(countReference("^p-")).isEqualTo(34);
        assertThat(countReference("^w-")).isEqualTo(3_321);
        assertThat(countReference("^lp-")).isEqualTo(63);
        long provinces = sumMemberCounts("^p-");
        assertThat((double) provinces).isCloseTo(5_600_000, within(280_000.0));
        assertThat(sumMemberCounts("^lp-")).isEqualTo(provinces);
        JsonNode nation = api().get("/api/org-units/vn", officer).json();
        assertThat(nation.get("memberCount").asLong()).isEqualTo(provinces);
        assertThat(nation.get("memberCountSynthetic").asBoolean()).isTrue();

        JsonNode bacKan = api().get("/api/org-units/lp-06", officer).json();
        assertThat(bacKan.get("name").asString()).isEqualTo("Bắc Kạn");
        assertThat(bacKan.get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(bacKan.get("successorId").asString()).isEqualTo("p-19");
        assertThat(bacKan.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aRestartChangesNothingAndPublishesNothing() {
        awaitOutboxesPublished();
        Map<String, Long> versions = referenceVersions();

        loader.run(null);

        assertThat(mongo.count(query(where(OutboxEvent.PENDING_SINCE_FIELD).exists(true)), OrgUnitDocument.COLLECTION))
                .isZero();
        assertThat(referenceVersions()).isEqualTo(versions);
    }

    @Test
    void aUnitWhoseReferenceDataChangedGetsANewVersionAndOneEvent() {
        awaitOutboxesPublished();
        mongo.updateFirst(query(where("_id").is("w-00008")), Update.update("referenceFingerprint", "older data"),
                OrgUnitDocument.COLLECTION);

        loader.run(null);

        assertThat(api().get("/api/org-units/w-00008", officer).json().get("version").asLong()).isEqualTo(2);
        List<ConsumerRecord<String, String>> events = TopicReader.read(Topics.ORG_UNITS,
                record -> "w-00008".equals(record.key()) && data(record).get("version").asLong() == 2,
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
    }

    @Test
    void searchIgnoresToneMarksAndCase() {
        for (String query : List.of("thai nguyen", "Thái Nguyên", "THAI NGUYEN", "thái nguyen")) {
            JsonNode page = api().get("/api/org-units?q=" + encode(query) + "&level=PROVINCE", officer).json();
            assertThat(ids(page)).as(query).containsExactly("lp-19", "p-19");
        }
        assertThat(ids(api().get("/api/org-units?q=" + encode("đà nẵng") + "&level=PROVINCE", officer).json()))
                .containsExactly("lp-48", "p-48");
        assertThat(ids(api().get("/api/org-units?q=da%20nang&level=PROVINCE", officer).json()))
                .containsExactly("lp-48", "p-48");
    }

    @Test
    void searchRanksNamesStartingWithTheQueryBeforeWordAndSubstringMatches() {
        JsonNode page = api().get("/api/org-units?q=an&size=200", officer).json();
        List<Integer> ranks = StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> SearchKey.matchRank(SearchKey.of(item.get("name").asString()), "an")).toList();
        assertThat(ranks).isSorted().contains(0, 1, 2).doesNotContain(-1);
        assertThat(page.get("total").asLong()).isGreaterThan(200);
    }

    @Test
    void childrenArePagedAndFilteredByValidity() {
        JsonNode page = api().get("/api/org-units/p-19/children?size=10&page=1", officer).json();
        assertThat(page.get("total").asLong()).isEqualTo(92);
        assertThat(page.get("items")).hasSize(10);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("parentId").asString()).isEqualTo("p-19");

        assertThat(api().get("/api/org-units/vn/children?validOn=2024-06-01", officer).json().get("total").asLong())
                .isEqualTo(63);
        assertThat(api().get("/api/org-units/vn/children?validOn=2025-07-01&size=100", officer).json().get("total")
                .asLong()).isEqualTo(34);
    }

    @Test
    void anUnknownUnitIsA404Problem() {
        Api.Response response = api().get("/api/org-units/nowhere", officer);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/org-units/nowhere/children", officer).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorAddsACellAndItsEventReachesTheTopic() {
        String id = "cell-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api().post("/api/org-units", admin, """
                {"id": "%s", "name": "Chi bộ Khu phố 1", "level": "CELL", "parentId": "w-00004", "memberCount": 30}
                """.formatted(id));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("path").valueStream().map(JsonNode::asString).toList())
                .containsExactly("vn", "p-01", "w-00004", id);
        assertThat(created.json().get("nameEn").asString()).isEqualTo("Chi bo Khu pho 1");
        assertThat(created.json().get("version").asLong()).isEqualTo(1);

        ConsumerRecord<String, String> event = TopicReader.read(Topics.ORG_UNITS, record -> id.equals(record.key()),
                found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
        assertThat(header(event, CloudEvents.HEADER_TYPE)).isEqualTo(OrgUnitChanged.TYPE);
        JsonNode data = data(event);
        assertThat(data.get("unitId").asString()).isEqualTo(id);
        assertThat(data.get("from").isNull()).isTrue();
        assertThat(data.get("to").get("path").valueStream().map(JsonNode::asString).toList())
                .containsExactly("vn", "p-01", "w-00004", id);

        assertThat(api().post("/api/org-units", admin, """
                {"id": "%s", "name": "Chi bộ khác", "level": "CELL", "parentId": "w-00004"}""".formatted(id)).status())
                .isEqualTo(409);
        Api.Response generated = api().post("/api/org-units", admin, """
                {"name": "Chi bộ Cơ quan", "level": "CELL", "parentId": "w-00004"}""");
        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.json().get("id").asString()).startsWith("u-");
    }

    @Test
    void anInvalidNewUnitIsAProblemNamingEachFieldAndChangesNothing() {
        long before = mongo.count(new Query(), OrgUnitDocument.COLLECTION);
        Api.Response response = api().post("/api/org-units", admin, """
                {"name": " ", "level": "CENTRAL", "parentId": "nowhere", "memberCount": -3}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "level", "parentId", "memberCount");

        Api.Response unknownField = api().post("/api/org-units", admin, """
                {"name": "Chi bộ", "level": "CELL", "parentId": "w-00004", "version": 7}""");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(fields(unknownField)).containsExactly("version");

        assertThat(mongo.count(new Query(), OrgUnitDocument.COLLECTION)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsChangeTheRegistry() {
        long before = mongo.count(new Query(), OrgUnitDocument.COLLECTION);
        Api.Response response = api().post("/api/org-units", officer, """
                {"name": "Chi bộ", "level": "CELL", "parentId": "w-00004"}""");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api().put("/api/org-units/w-00004/member-count", officer, "{\"memberCount\": 1}").status())
                .isEqualTo(403);
        assertThat(api().post("/api/org-units/lp-01/merger", officer,
                "{\"successorId\": \"p-01\", \"validTo\": \"2025-06-30\"}").status()).isEqualTo(403);
        assertThat(api().postCsv("/api/org-units/member-counts", officer, "unitId,memberCount\nw-00004,1\n").status())
                .isEqualTo(403);
        assertThat(api().post("/api/org-units", null, "{}").status()).isEqualTo(401);
        assertThat(mongo.count(new Query(), OrgUnitDocument.COLLECTION)).isEqualTo(before);
        assertThat(api().get("/api/org-units/w-00004", officer).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aMergerIsRecordedAndPublishedAndAWrongOneIsRefused() {
        String merged = addCell("Chi bộ 1");
        String successor = addCell("Chi bộ 2");

        Api.Response itself = api().post("/api/org-units/" + merged + "/merger", admin,
                "{\"successorId\": \"" + merged + "\", \"validTo\": \"2026-03-31\"}");
        assertThat(itself.status()).isEqualTo(400);
        assertThat(fields(itself)).containsExactly("successorId");
        Api.Response intoDescendant = api().post("/api/org-units/w-00004/merger", admin,
                "{\"successorId\": \"" + merged + "\", \"validTo\": \"2026-03-31\"}");
        assertThat(fields(intoDescendant)).containsExactly("successorId");
        Api.Response unknownAndUndated = api().post("/api/org-units/" + merged + "/merger", admin,
                "{\"successorId\": \"nowhere\"}");
        assertThat(fields(unknownAndUndated)).containsExactlyInAnyOrder("successorId", "validTo");
        assertThat(api().get("/api/org-units/" + merged, officer).json().get("version").asLong()).isEqualTo(1);

        Api.Response recorded = api().post("/api/org-units/" + merged + "/merger", admin,
                "{\"successorId\": \"" + successor + "\", \"validTo\": \"2026-03-31\"}");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().get("successorId").asString()).isEqualTo(successor);
        assertThat(recorded.json().get("validTo").asString()).isEqualTo("2026-03-31");
        assertThat(recorded.json().get("version").asLong()).isEqualTo(2);

        JsonNode event = data(TopicReader.read(Topics.ORG_UNITS,
                record -> merged.equals(record.key()) && data(record).get("version").asLong() == 2,
                found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0));
        assertThat(event.get("from").get("successorId").isNull()).isTrue();
        assertThat(event.get("to").get("successorId").asString()).isEqualTo(successor);

        assertThat(api().post("/api/org-units/" + merged + "/merger", admin,
                "{\"successorId\": \"" + successor + "\", \"validTo\": \"2026-03-31\"}").status()).isEqualTo(409);
        Api.Response cycle = api().post("/api/org-units/" + successor + "/merger", admin,
                "{\"successorId\": \"" + merged + "\", \"validTo\": \"2026-03-31\"}");
        assertThat(fields(cycle)).containsExactly("successorId");
    }

    @Test
    void memberCountsAreReplacedOneByOneOrFromACsvFile() {
        String first = addCell("Chi bộ A");
        String second = addCell("Chi bộ B");

        Api.Response replaced = api().put("/api/org-units/" + first + "/member-count", admin, "{\"memberCount\": 42}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("memberCount").asLong()).isEqualTo(42);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        Api.Response negative = api().put("/api/org-units/" + first + "/member-count", admin, "{\"memberCount\": -1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative)).containsExactly("memberCount");

        Api.Response badFile = api().postCsv("/api/org-units/member-counts", admin,
                "unitId,memberCount\n" + first + ",7\n" + second + ",many\nnowhere,3\n");
        assertThat(badFile.status()).isEqualTo(400);
        assertThat(fields(badFile)).containsExactlyInAnyOrder("rows[2].memberCount", "rows[3].unitId");
        assertThat(api().get("/api/org-units/" + first, officer).json().get("memberCount").asLong()).isEqualTo(42);

        Api.Response imported = api().postCsv("/api/org-units/member-counts", admin,
                "unitId,memberCount\n" + first + ",42\n" + second + ",17\n");
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        assertThat(imported.json().get("unchanged").asInt()).isEqualTo(1);
        JsonNode secondUnit = api().get("/api/org-units/" + second, officer).json();
        assertThat(secondUnit.get("memberCount").asLong()).isEqualTo(17);
        assertThat(secondUnit.get("memberCountSynthetic").asBoolean()).isFalse();
        assertThat(secondUnit.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anImportedMemberCountReplacesADemoOneEvenWhenTheNumberIsTheSame() {
        JsonNode demo = api().get("/api/org-units/w-00025", officer).json();
        assertThat(demo.get("memberCountSynthetic").asBoolean()).isTrue();

        Api.Response imported = api().postCsv("/api/org-units/member-counts", admin,
                "unitId,memberCount\nw-00025," + demo.get("memberCount").asLong() + "\n");

        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        JsonNode real = api().get("/api/org-units/w-00025", officer).json();
        assertThat(real.get("memberCount").asLong()).isEqualTo(demo.get("memberCount").asLong());
        assertThat(real.get("memberCountSynthetic").asBoolean()).isFalse();
        assertThat(real.get("version").asLong()).isEqualTo(demo.get("version").asLong() + 1);
    }

    @Test
    void everyRegistryWriteAnswersARetryWithItsFirstResultAndRefusesItsKeyForAnotherRequest() {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> key = Map.of("Idempotency-Key", "them-" + runId);
        String cell = """
                {"name": "Chi bộ Khu phố %s", "level": "CELL", "parentId": "w-00004"}""".formatted(runId);
        Api.Response added = api().post("/api/org-units", admin, cell, key);
        Api.Response addedAgain = api().post("/api/org-units", admin, cell, key);
        assertThat(added.status()).isEqualTo(201);
        assertThat(addedAgain.status()).isEqualTo(201);
        assertThat(addedAgain.json().get("id").asString()).isEqualTo(added.json().get("id").asString());
        assertThat(api().get("/api/org-units?q=khu%20pho%20" + runId, officer).json().get("total").asInt())
                .isEqualTo(1);
        assertThat(api().post("/api/org-units", admin, cell.replace("Khu phố", "Tổ"), key).status()).isEqualTo(409);
        assertThat(api().post("/api/org-units", Api.token("p-19", Role.ADMIN), cell, key).json().get("id").asString())
                .as("keys are scoped to their caller").isNotEqualTo(added.json().get("id").asString());

        String id = added.json().get("id").asString();
        Map<String, String> countKey = Map.of("Idempotency-Key", "dang-vien-" + runId);
        String path = "/api/org-units/" + id + "/member-count";
        assertThat(api().put(path, admin, "{\"memberCount\": 40}", countKey).json().get("version").asLong())
                .isEqualTo(2);
        assertThat(api().put(path, admin, "{\"memberCount\": 41}").json().get("version").asLong()).isEqualTo(3);
        Api.Response countAgain = api().put(path, admin, "{\"memberCount\": 40}", countKey);
        assertThat(countAgain.status()).isEqualTo(200);
        assertThat(countAgain.json().get("memberCount").asLong()).as("nothing written a second time").isEqualTo(41);
        assertThat(api().put(path, admin, "{\"memberCount\": 45}", countKey).status()).isEqualTo(409);

        String successor = addCell("Chi bộ kế tục " + runId);
        Map<String, String> mergerKey = Map.of("Idempotency-Key", "hop-nhat-" + runId);
        String merger = "{\"successorId\": \"" + successor + "\", \"validTo\": \"2099-03-31\"}";
        assertThat(api().post("/api/org-units/" + id + "/merger", admin, merger, mergerKey).status()).isEqualTo(200);
        Api.Response mergerAgain = api().post("/api/org-units/" + id + "/merger", admin, merger, mergerKey);
        assertThat(mergerAgain.status()).as("a retry, not a second merger").isEqualTo(200);
        assertThat(mergerAgain.json().get("version").asLong()).isEqualTo(4);
        assertThat(api().post("/api/org-units/" + id + "/merger", admin, merger.replace("2099", "2098"), mergerKey)
                .status()).isEqualTo(409);

        Map<String, String> fileKey = Map.of("Idempotency-Key", "tep-" + runId);
        String file = "unitId,memberCount\n" + successor + ",12\n";
        Api.Response imported = api().postCsv("/api/org-units/member-counts", admin, file, fileKey);
        Api.Response importedAgain = api().postCsv("/api/org-units/member-counts", admin, file, fileKey);
        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        assertThat(importedAgain.status()).isEqualTo(200);
        assertThat(importedAgain.json().get("updated").asInt()).as("the first outcome").isEqualTo(1);
        assertThat(api().postCsv("/api/org-units/member-counts", admin, file.replace(",12", ",13"), fileKey)
                .status()).isEqualTo(409);
        assertThat(api().get("/api/org-units/" + successor, officer).json().get("memberCount").asLong()).isEqualTo(12);
    }

    private String addCell(String name) {
        Api.Response created = api().post("/api/org-units", admin, """
                {"name": "%s", "level": "CELL", "parentId": "w-00004", "validFrom": "2025-07-01"}""".formatted(name));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void awaitOutboxesPublished() {
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(
                query(where(OutboxEvent.PENDING_SINCE_FIELD).exists(true)), OrgUnitDocument.COLLECTION) == 0);
    }

    private Map<String, Long> referenceVersions() {
        Map<String, Long> versions = new HashMap<>();
        mongo.find(query(where("referenceFingerprint").ne(null)), Document.class, OrgUnitDocument.COLLECTION)
                .forEach(document -> versions.put(document.getString("_id"), document.getLong("version")));
        return versions;
    }

    private long countReference(String idPattern) {
        return mongo.count(query(where("_id").regex(idPattern).and("referenceFingerprint").ne(null)),
                OrgUnitDocument.COLLECTION);
    }

    private long sumMemberCounts(String idPattern) {
        return mongo.find(query(where("_id").regex(idPattern).and("referenceFingerprint").ne(null)),
                OrgUnitDocument.class).stream().mapToLong(OrgUnitDocument::memberCount).sum();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
