package vn.neuguong.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.aggregation.AggregationTopology;
import vn.neuguong.aggregation.PledgeContribution;
import vn.neuguong.aggregation.RecognitionContribution;
import vn.neuguong.aggregation.ReportContribution;
import vn.neuguong.aggregation.UnitYearAggregate;
import vn.neuguong.aggregation.UnitYearDelta;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.contracts.report.ReportSnapshot;
import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.reporting.Api;
import vn.neuguong.reporting.TopicReader;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * The aggregates against a real broker. Each test uses a year of its own, so its figures are only its events'
 * (every unit's aggregate is per year).
 */
@IntegrationTest
@ActiveProfiles("local") // the DEMO member counts the expected figures are checked against
@DirtiesContext
class AggregatesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PledgeContribution CONTRIBUTION = new PledgeContribution();

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    AggregationTopology topology;
    @Autowired
    KafkaStreamsConfiguration streamsConfiguration;
    @Autowired
    StreamsBuilderFactoryBean aggregation;

    private final String centralBoard = Api.token("vn", Role.CENTRAL_BOARD);
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyAggregateEqualsARecountDespiteDuplicatesAndInterleavingAndARebuildGivesTheSame() throws Exception {
        int year = 2097;
        List<List<String>> paths = List.of(
                List.of("vn", "p-01", "w-00004"), List.of("vn", "p-01", "w-00008"),
                List.of("vn", "p-19", "w-01840"), List.of("vn", "p-19"),
                List.of("vn", "p-79", "w-25747"), List.of("vn", "p-48", "w-20194"));
        Random random = new Random(2097);
        List<List<PledgeChanged>> histories = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            histories.add(history("pl-" + runId + "-" + i, year, paths, random));
        }

        try (PledgeEventPublisher publisher = new PledgeEventPublisher()) {
            publishInterleavedWithDuplicates(histories, publisher::publish, random);
            publisher.flush();
        }

        Map<String, Map<String, Long>> expected = recount(histories, PledgeChanged::unitPath,
                event -> CONTRIBUTION.of(event.to()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, UnitYearAggregate> stored = store.find(expected.keySet(), year);
            for (var unit : expected.entrySet()) {
                assertThat(stored.get(unit.getKey())).as(unit.getKey()).isNotNull();
                assertThat(stored.get(unit.getKey()).counters()).as(unit.getKey()).isEqualTo(unit.getValue());
            }
        });
        Api api = new Api(port);
        for (var unit : expected.entrySet()) {
            JsonNode pledges = api.get("/api/aggregates/" + unit.getKey() + "?year=" + year, centralBoard).json()
                    .get("pledges");
            assertThat(pledgeCounters(pledges)).as(unit.getKey()).isEqualTo(unit.getValue());
        }
        assertThat(expected.get("vn").get(PledgeContribution.REGISTERED)
                + expected.get("vn").getOrDefault(PledgeContribution.WITHDRAWN, 0L)).isEqualTo(80);

        assertThat(rebuild(expected.keySet(), year)).isEqualTo(expected);
    }

    /** Under exactly-once every commit is a transaction: an aggregation with nothing to do must not commit. */
    @Test
    void anIdleAggregationCommitsNothing() {
        int year = 2091;
        try (PledgeEventPublisher publisher = new PledgeEventPublisher()) {
            publishRegistered(publisher, "idle", List.of("vn", "p-19", "w-01840"), year, 3);
            publisher.flush();
        }
        await().atMost(PATIENCE).until(() -> store.find(Set.of("vn"), year).get("vn") != null
                && store.find(Set.of("vn"), year).get("vn").counters().get(PledgeContribution.REGISTERED) == 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> commitsDuring(Duration.ofSeconds(2)) == 0);
    }

    private double commitsDuring(Duration window) throws InterruptedException {
        double before = commits();
        Thread.sleep(window.toMillis());
        return commits() - before;
    }

    private double commits() {
        return aggregation.getKafkaStreams().metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("stream-thread-metrics")
                        && metric.getKey().name().equals("commit-total"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndLaterRecordsStillCount() {
        int year = 2096;
        String pledgeId = "pl-bad-" + runId;
        try (PledgeEventPublisher publisher = new PledgeEventPublisher()) {
            publisher.send(pledgeId, "{this is not json");
            publisher.publish(new PledgeChanged(pledgeId, 1, "p-19", List.of("vn", "p-19"), year, null,
                    snapshot(PledgeStatus.REGISTERED, PledgerKind.COLLECTIVE, true, false, null), Instant.now()));
        }

        ConsumerRecord<String, String> dead = TopicReader.read(Topics.deadLetter(Topics.PLEDGE_EVENTS),
                record -> pledgeId.equals(record.key()), found -> !found.isEmpty(), PATIENCE).get(0);
        assertThat(dead.value()).isEqualTo("{this is not json");
        assertThat(new String(dead.headers().lastHeader(AggregationTopology.REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("PledgeChanged");
        assertThat(dead.headers().lastHeader("ce_subject")).isNotNull();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(store.find(List.of("p-19"), year).get("p-19"))
                .isNotNull()
                .satisfies(aggregate -> assertThat(aggregate.counters()).containsEntry("pledges.registered", 1L)));
    }

    @Test
    void theCurrentStructureFoldsTheLegacyProvincesIntoTheirSuccessor() {
        int year = 2098;
        String commune = "w-01840";
        try (PledgeEventPublisher publisher = new PledgeEventPublisher()) {
            publishRegistered(publisher, "lp06", List.of("vn", "lp-06"), year, 2);
            publishRegistered(publisher, "lp19", List.of("vn", "lp-19"), year, 3);
            publishRegistered(publisher, "p19", List.of("vn", "p-19", commune), year, 1);
        }
        Api api = new Api(port);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/api/aggregates/p-19?year=" + year
                + "&structure=current", centralBoard).json().get("pledges").get("registered").asLong()).isEqualTo(6));
        assertThat(api.get("/api/aggregates/p-19?year=" + year, centralBoard).json().get("pledges").get("registered")
                .asLong()).isEqualTo(1);

        JsonNode children = api.get("/api/aggregates/vn/children?year=" + year + "&structure=current", centralBoard)
                .json();
        assertThat(children.get("total").asLong()).isEqualTo(34);
        Map<String, Long> registeredByChild = new HashMap<>();
        children.get("items").forEach(item -> registeredByChild.put(item.get("unitId").asString(),
                item.get("pledges").get("registered").asLong()));
        assertThat(registeredByChild).containsEntry("p-19", 6L).doesNotContainKeys("lp-06", "lp-19");
        assertThat(registeredByChild.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);

        long communeMembers = api.get("/api/org-units/" + commune, centralBoard).json().get("memberCount").asLong();
        JsonNode communeFigures = api.get("/api/aggregates/" + commune + "?year=" + year, centralBoard).json();
        assertThat(communeFigures.get("pledges").get("expected").asLong()).isEqualTo(communeMembers);
        assertThat(communeFigures.get("pledges").get("coverage").asDouble()).isEqualTo(1.0 / communeMembers);
        assertThat(communeFigures.get("asOf").isNull()).isFalse();
    }

    @Test
    void expectedMembersAreThoseOfUnitsThatExistedOnTheFirstOfJanuary() {
        Api api = new Api(port);
        long bacKan = api.get("/api/org-units/lp-06", centralBoard).json().get("memberCount").asLong();
        long oldThaiNguyen = api.get("/api/org-units/lp-19", centralBoard).json().get("memberCount").asLong();
        long thaiNguyen = api.get("/api/org-units/p-19", centralBoard).json().get("memberCount").asLong();

        JsonNode newProvinceIn2025 = api.get("/api/aggregates/p-19?year=2025", centralBoard).json();
        assertThat(newProvinceIn2025.get("pledges").get("expected").asLong()).isZero();
        assertThat(newProvinceIn2025.get("pledges").get("coverage").asDouble()).isZero();
        assertThat(newProvinceIn2025.get("recognition").get("awarded").get("DIPLOMA_OF_MERIT").asLong()).isZero();
        assertThat(newProvinceIn2025.get("reports").get("submitted").asLong()).isZero();
        assertThat(api.get("/api/aggregates/p-19?year=2025&structure=current", centralBoard).json().get("pledges")
                .get("expected").asLong()).isEqualTo(bacKan + oldThaiNguyen);
        assertThat(api.get("/api/aggregates/p-19?year=2026&structure=current", centralBoard).json().get("pledges")
                .get("expected").asLong()).isEqualTo(thaiNguyen);
        assertThat(api.get("/api/aggregates/lp-06?year=2025", centralBoard).json().get("pledges").get("expected")
                .asLong()).isEqualTo(bacKan);
        assertThat(api.get("/api/aggregates/vn?year=2025", centralBoard).json().get("pledges").get("expected")
                .asLong()).isEqualTo(api.get("/api/org-units/vn", centralBoard).json().get("memberCount").asLong());
    }

    @Test
    void expectedFiguresSayWhenTheyRestOnDemoMemberCounts() {
        Api api = new Api(port);
        String admin = Api.token("vn", Role.ADMIN);
        String commune = "w-00004";
        assertThat(expectedSynthetic(api, commune)).isTrue();

        assertThat(api.put("/api/org-units/" + commune + "/member-count", admin, "{\"memberCount\": 250}").status())
                .isEqualTo(200);

        JsonNode pledges = api.get("/api/aggregates/" + commune + "?year=2026", centralBoard).json().get("pledges");
        assertThat(pledges.get("expected").asLong()).isEqualTo(250);
        assertThat(pledges.get("expectedSynthetic").asBoolean()).isFalse();
        assertThat(expectedSynthetic(api, "vn")).isTrue();
    }

    private boolean expectedSynthetic(Api api, String unitId) {
        JsonNode pledges = api.get("/api/aggregates/" + unitId + "?year=2026", centralBoard).json().get("pledges");
        assertThat(pledges.get("expectedSynthetic").isBoolean()).isTrue();
        return pledges.get("expectedSynthetic").asBoolean();
    }

    @Test
    void figuresAreReadWithinTheReadersSubtreeOnly() {
        Api api = new Api(port);
        String provinceOfficer = Api.token("p-19", Role.PROVINCE_OFFICER);
        String member = Api.token("w-01840", Role.MEMBER);
        assertThat(api.get("/api/aggregates/p-19?year=2026", provinceOfficer).status()).isEqualTo(200);
        assertThat(api.get("/api/aggregates/w-01840?year=2026", provinceOfficer).status()).isEqualTo(200);
        assertThat(api.get("/api/aggregates/p-19/children?year=2026", provinceOfficer).status()).isEqualTo(200);
        Api.Response otherProvince = api.get("/api/aggregates/p-01?year=2026", provinceOfficer);
        assertThat(otherProvince.status()).isEqualTo(403);
        assertThat(otherProvince.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/aggregates/p-19?year=2026", member).status()).isEqualTo(403);
        assertThat(api.get("/api/aggregates/w-01840?year=2026", member).status()).isEqualTo(200);
        assertThat(api.get("/api/aggregates/vn?year=2026", Api.token("p-19", Role.ADMIN)).status()).isEqualTo(200);

        Api.Response withoutYear = api.get("/api/aggregates/p-19", provinceOfficer);
        assertThat(withoutYear.status()).isEqualTo(400);
        assertThat(withoutYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
        Api.Response badStructure = api.get("/api/aggregates/p-19?year=2026&structure=old", provinceOfficer);
        assertThat(badStructure.json().get("errors").get(0).get("field").asString()).isEqualTo("structure");
        assertThat(api.get("/api/aggregates/nowhere?year=2026", centralBoard).status()).isEqualTo(404);
    }

    @Test
    void recognitionAndReportAggregatesEqualARecountDespiteDuplicatesAndARebuildGivesTheSame()
            throws Exception {
        int year = 2095;
        List<List<String>> paths = List.of(
                List.of("vn", "p-19", "w-01840"), List.of("vn", "p-19"), List.of("vn", "p-48", "w-20194"),
                List.of("vn", "p-01", "w-00004"));
        Random random = new Random(2095);
        List<List<NominationChanged>> nominations = new ArrayList<>();
        List<List<ReportChanged>> reports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            nominations.add(nominationHistory("nm-" + runId + "-" + i, year, paths.get(random.nextInt(paths.size())),
                    random));
            reports.add(reportHistory("rp-" + runId + "-" + i, year, paths.get(random.nextInt(paths.size())), random));
        }
        try (PledgeEventPublisher publisher = new PledgeEventPublisher()) {
            publishInterleavedWithDuplicates(nominations, event -> publisher.publish(Topics.RECOGNITION_EVENTS,
                    NominationChanged.DECIDED, event.nominationId(), event), random);
            publishInterleavedWithDuplicates(reports, event -> publisher.publish(Topics.REPORT_EVENTS,
                    ReportChanged.SUBMITTED, event.reportId(), event), random);
            publisher.flush();
        }

        RecognitionContribution recognition = new RecognitionContribution();
        ReportContribution report = new ReportContribution();
        Map<String, Map<String, Long>> expected = recount(nominations, NominationChanged::unitPath,
                event -> recognition.of(event.to()));
        recount(reports, ReportChanged::unitPath, event -> report.of(event.to())).forEach((unitId, counters) ->
                counters.forEach((name, value) -> expected.computeIfAbsent(unitId, ignored -> new TreeMap<>())
                        .merge(name, value, Long::sum)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, UnitYearAggregate> stored = store.find(expected.keySet(), year);
            for (var unit : expected.entrySet()) {
                assertThat(stored.get(unit.getKey())).as(unit.getKey()).isNotNull();
                assertThat(stored.get(unit.getKey()).counters()).as(unit.getKey()).isEqualTo(unit.getValue());
            }
        });
        JsonNode national = new Api(port).get("/api/aggregates/vn?year=" + year, centralBoard).json();
        assertThat(national.get("recognition").get("nominated").asLong()).isEqualTo(50);
        assertThat(national.get("reports").get("submitted").asLong())
                .isEqualTo(expected.get("vn").getOrDefault(ReportContribution.SUBMITTED, 0L));
        assertThat(national.get("recognition").get("awarded").get("CERTIFICATE_OF_MERIT").asLong())
                .isEqualTo(expected.get("vn").getOrDefault(RecognitionContribution.AWARDED_PREFIX + "CERTIFICATE_OF_MERIT", 0L));

        assertThat(rebuild(expected.keySet(), year)).isEqualTo(expected);
    }

    /** A nomination: submitted, a vote (same state), decided, maybe escalated, a model maybe replicated. */
    private static List<NominationChanged> nominationHistory(String id, int year, List<String> path, Random random) {
        List<NominationChanged> events = new ArrayList<>();
        NomineeKind kind = NomineeKind.values()[random.nextInt(NomineeKind.values().length)];
        NominationSnapshot state = new NominationSnapshot(NominationStatus.SUBMITTED, kind, "DIGITAL_TRANSFORMATION",
                null, path.get(path.size() - 1), 0, 0);
        events.add(nomination(id, 1, year, path, null, state));
        events.add(nomination(id, 2, year, path, state, state));
        if (random.nextInt(5) == 0) {
            return events;
        }
        Award award = Award.values()[random.nextInt(Award.values().length)];
        NominationSnapshot decided = random.nextInt(4) == 0
                ? new NominationSnapshot(NominationStatus.REJECTED, kind, state.field(), null, state.reviewUnitId(), 0, 0)
                : new NominationSnapshot(NominationStatus.AWARDED, kind, state.field(), award, state.reviewUnitId(), 0, 0);
        events.add(nomination(id, 3, year, path, state, decided));
        state = decided;
        if (state.status() == NominationStatus.AWARDED && random.nextInt(3) == 0) {
            NominationSnapshot escalated = new NominationSnapshot(NominationStatus.ESCALATED, kind, state.field(), award,
                    path.get(Math.max(0, path.size() - 2)), 1, 0);
            events.add(nomination(id, 4, year, path, state, escalated));
            state = escalated;
        }
        if (kind == NomineeKind.MODEL && state.status() != NominationStatus.REJECTED) {
            int replications = random.nextInt(3);
            for (int i = 1; i <= replications; i++) {
                NominationSnapshot replicated = new NominationSnapshot(state.status(), kind, state.field(), state.award(),
                        state.reviewUnitId(), state.escalations(), i);
                events.add(nomination(id, events.size() + 1, year, path, state, replicated));
                state = replicated;
            }
        }
        return events;
    }

    /** A report: drafted or not, submitted, maybe returned and resubmitted, approved, maybe corrected. */
    private static List<ReportChanged> reportHistory(String id, int year, List<String> path, Random random) {
        List<ReportChanged> events = new ArrayList<>();
        boolean onTime = random.nextInt(4) > 0;
        ReportSnapshot[] steps = {
                new ReportSnapshot(ReportStatus.DRAFT, false, false, false),
                new ReportSnapshot(ReportStatus.SUBMITTED, onTime, !onTime, false),
                new ReportSnapshot(ReportStatus.RETURNED, onTime, !onTime, false),
                new ReportSnapshot(ReportStatus.SUBMITTED, onTime, !onTime, false),
                new ReportSnapshot(ReportStatus.APPROVED, onTime, !onTime, false),
                new ReportSnapshot(ReportStatus.SUBMITTED, onTime, !onTime, true),
                new ReportSnapshot(ReportStatus.APPROVED, onTime, !onTime, true)};
        int last = 1 + random.nextInt(steps.length - 1);
        ReportSnapshot previous = null;
        for (int i = random.nextBoolean() ? 0 : 1; i <= last; i++) {
            events.add(new ReportChanged(id, events.size() + 1, path.get(path.size() - 1), path, "p-" + year, year,
                    previous, steps[i], Instant.now().minusSeconds(60)));
            previous = steps[i];
        }
        return events;
    }

    private static NominationChanged nomination(String id, long version, int year, List<String> path,
            NominationSnapshot from, NominationSnapshot to) {
        return new NominationChanged(id, version, path.get(path.size() - 1), path, year, from, to,
                Instant.now().minusSeconds(60));
    }

    /** A pledge's events: registration, maybe revisions (one may move it to another unit), assessment, withdrawal. */
    private static List<PledgeChanged> history(String pledgeId, int year, List<List<String>> paths, Random random) {
        List<PledgeChanged> events = new ArrayList<>();
        List<String> path = paths.get(random.nextInt(paths.size()));
        PledgerKind kind = random.nextInt(4) == 0 ? PledgerKind.COLLECTIVE : PledgerKind.INDIVIDUAL;
        PledgeSnapshot state = snapshot(PledgeStatus.REGISTERED, kind, random.nextInt(5) > 0, random.nextInt(3) == 0,
                null);
        events.add(event(pledgeId, 1, path, year, null, state));
        if (random.nextInt(3) == 0) {
            PledgeSnapshot revised = snapshot(PledgeStatus.REGISTERED, kind, state.onTime(), !state.generic(), null);
            List<String> newPath = random.nextInt(3) == 0 ? paths.get(random.nextInt(paths.size())) : path;
            events.add(event(pledgeId, events.size() + 1, newPath, year, state, revised));
            state = revised;
            path = newPath;
        }
        if (random.nextInt(7) == 0) {
            events.add(event(pledgeId, events.size() + 1, path, year, state, withdrawn(state)));
            return events;
        }
        if (random.nextInt(10) < 6) {
            PledgeSnapshot assessed = snapshot(PledgeStatus.SELF_ASSESSED, kind, state.onTime(), state.generic(), null);
            events.add(event(pledgeId, events.size() + 1, path, year, state, assessed));
            state = assessed;
            if (random.nextInt(10) < 7) {
                Grade grade = Grade.values()[random.nextInt(Grade.values().length)];
                PledgeSnapshot evaluated = snapshot(PledgeStatus.EVALUATED, kind, state.onTime(), state.generic(), grade);
                events.add(event(pledgeId, events.size() + 1, path, year, state, evaluated));
            } else if (random.nextInt(3) == 0) {
                events.add(event(pledgeId, events.size() + 1, path, year, state, withdrawn(state)));
            }
        }
        return events;
    }

    /**
     * Publishes every entity's events in order, entities interleaved at random; some events twice in a row (a
     * relay retry), some again after newer ones (a relay crash before removing published events).
     */
    private static <T> void publishInterleavedWithDuplicates(List<List<T>> histories, Consumer<T> publisher,
            Random random) {
        List<Integer> nextEvent = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            nextEvent.add(0);
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            int pledge = pending.get(random.nextInt(pending.size()));
            List<T> history = histories.get(pledge);
            int index = nextEvent.get(pledge);
            publisher.accept(history.get(index));
            if (random.nextInt(5) == 0) {
                publisher.accept(history.get(index));
            }
            if (index > 0 && random.nextInt(6) == 0) {
                publisher.accept(history.get(random.nextInt(index)));
            }
            nextEvent.set(pledge, index + 1);
            if (index + 1 == history.size()) {
                pending.remove(Integer.valueOf(pledge));
            }
        }
    }

    /** The figures a recount from the entities' final states gives, by unit (units with no figure left out). */
    private static <T> Map<String, Map<String, Long>> recount(List<List<T>> histories,
            Function<T, List<String>> unitPath, Function<T, Map<String, Long>> contribution) {
        Map<String, Map<String, Long>> byUnit = new TreeMap<>();
        for (List<T> history : histories) {
            T last = history.get(history.size() - 1);
            Map<String, Long> counters = contribution.apply(last);
            if (counters.isEmpty()) {
                continue;
            }
            for (String unitId : unitPath.apply(last)) {
                Map<String, Long> unitCounters = byUnit.computeIfAbsent(unitId, ignored -> new TreeMap<>());
                counters.forEach((name, value) -> unitCounters.merge(name, value, Long::sum));
            }
        }
        return byUnit;
    }

    /** Runs a second aggregator (a new application id) over the same topics from offset 0; returns its figures. */
    private Map<String, Map<String, Long>> rebuild(Set<String> unitIds, int year) throws Exception {
        String outputTopic = "test.aggregates-rebuild-" + runId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(outputTopic, 3, (short) 1))).all().get();
        }
        Path stateDir = Files.createTempDirectory("neuguong-rebuild");
        Properties properties = streamsConfiguration.asProperties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "reporting-aggregates-rebuild-" + runId);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        topology.addTo(builder, outputTopic);
        Map<String, String> keys = new LinkedHashMap<>();
        unitIds.forEach(unitId -> keys.put(UnitYearDelta.key(unitId, year), unitId));
        try (KafkaStreams rebuild = new KafkaStreams(builder.build(properties), properties)) {
            rebuild.start();
            Map<String, Map<String, Long>> figures = new TreeMap<>();
            TopicReader.read(outputTopic, record -> keys.containsKey(record.key()), records -> {
                figures.clear();
                for (ConsumerRecord<String, String> record : records) {
                    UnitYearAggregate aggregate = JSON.readValue(record.value(), UnitYearAggregate.class);
                    figures.put(aggregate.unitId(), new TreeMap<>(aggregate.counters()));
                }
                return figures.keySet().equals(unitIds) && figures.equals(recountFromStore(unitIds, year));
            }, PATIENCE);
            rebuild.close(Duration.ofSeconds(10));
            rebuild.cleanUp();
            return figures;
        } finally {
            FileSystemUtils.deleteRecursively(stateDir);
        }
    }

    private Map<String, Map<String, Long>> recountFromStore(Set<String> unitIds, int year) {
        Map<String, Map<String, Long>> stored = new TreeMap<>();
        store.find(unitIds, year).forEach((unitId, aggregate) -> stored.put(unitId, new TreeMap<>(aggregate.counters())));
        return stored;
    }

    private static Map<String, Long> pledgeCounters(JsonNode pledges) {
        Map<String, Long> counters = new TreeMap<>();
        for (String name : List.of("registered", "individual", "collective", "onTime", "generic", "selfAssessed",
                "withdrawn")) {
            if (pledges.get(name).asLong() != 0) {
                counters.put("pledges." + name, pledges.get(name).asLong());
            }
        }
        pledges.get("evaluated").properties().forEach(grade -> {
            if (grade.getValue().asLong() != 0) {
                counters.put(PledgeContribution.EVALUATED_PREFIX + grade.getKey(), grade.getValue().asLong());
            }
        });
        return counters;
    }

    private void publishRegistered(PledgeEventPublisher publisher, String label, List<String> path, int year, int count) {
        for (int i = 0; i < count; i++) {
            publisher.publish(event("pl-" + runId + "-" + label + "-" + i, 1, path, year, null,
                    snapshot(PledgeStatus.REGISTERED, PledgerKind.INDIVIDUAL, true, false, null)));
        }
    }

    private static PledgeChanged event(String pledgeId, long version, List<String> path, int year, PledgeSnapshot from,
            PledgeSnapshot to) {
        return new PledgeChanged(pledgeId, version, path.get(path.size() - 1), path, year, from, to,
                Instant.now().minusSeconds(60));
    }

    private static PledgeSnapshot snapshot(PledgeStatus status, PledgerKind kind, boolean onTime, boolean generic,
            Grade grade) {
        return new PledgeSnapshot(status, kind, onTime, generic, generic ? 0.2 : 0.85, grade);
    }

    private static PledgeSnapshot withdrawn(PledgeSnapshot state) {
        return new PledgeSnapshot(PledgeStatus.WITHDRAWN, state.pledgerKind(), state.onTime(), state.generic(),
                state.specificityScore(), null);
    }
}
