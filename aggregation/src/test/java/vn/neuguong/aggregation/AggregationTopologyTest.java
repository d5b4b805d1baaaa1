package vn.neuguong.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.contracts.report.ReportSnapshot;
import vn.neuguong.contracts.report.ReportStatus;

/**
 * Every rule of the aggregation on {@link TopologyTestDriver}, without a broker: what an event adds, moves and
 * leaves alone, what is dropped, what is dead-lettered, and when figures are published.
 */
class AggregationTopologyTest {

    private static final String OUTPUT = "test.aggregates";
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Instant EVENT_TIME = Instant.parse("2026-03-01T02:00:00Z");
    private static final List<String> COMMUNE = List.of("vn", "p-19", "w-01840");
    private static final List<String> OTHER_COMMUNE = List.of("vn", "p-19", "w-01843");
    private static final List<String> OTHER_PROVINCE = List.of("vn", "p-01", "w-00004");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicBoolean live = new AtomicBoolean(true);
    private final Map<String, UnitYearAggregate> published = new HashMap<>();
    private int publishedRecords;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> pledges;
    private TestInputTopic<String, byte[]> reports;
    private TestOutputTopic<String, String> output;
    private TestOutputTopic<String, byte[]> pledgeDeadLetters;
    private final List<String> deadLettered = new ArrayList<>();

    private void start(EventSource... extraSources) {
        List<EventSource> sources = new ArrayList<>(List.of(new PledgeEvents(JSON), new ReportEvents(JSON)));
        sources.addAll(List.of(extraSources));
        StreamsBuilder builder = new StreamsBuilder();
        new AggregationTopology(sources, Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC),
                "/test", INTERVAL, (topic, reason) -> deadLettered.add(topic + " " + reason))
                .addTo(builder, OUTPUT, live::get);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregation-topology-test");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), config, Instant.parse("2026-03-01T03:00:00Z"));
        pledges = driver.createInputTopic(Topics.PLEDGE_EVENTS, new StringSerializer(), new ByteArraySerializer());
        reports = driver.createInputTopic(Topics.REPORT_EVENTS, new StringSerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
        pledgeDeadLetters = driver.createOutputTopic(Topics.deadLetter(Topics.PLEDGE_EVENTS), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aNewPledgeCountsAtEveryUnitOfItsPathForItsYear() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, true, false)));
        Map<String, Long> expected = Map.of("pledges.registered", 1L, "pledges.individual", 1L, "pledges.onTime", 1L);
        assertThat(counters("vn", 2026)).isEqualTo(expected);
        assertThat(counters("p-19", 2026)).isEqualTo(expected);
        assertThat(counters("w-01840", 2026)).isEqualTo(expected);
        assertThat(published).containsOnlyKeys("vn|2026", "p-19|2026", "w-01840|2026");
        UnitYearAggregate national = published.get("vn|2026");
        assertThat(national.lastEventTime()).isEqualTo(EVENT_TIME);
        assertThat(national.asOf()).isNotNull();
    }

    @Test
    void aDuplicateOrAnOlderVersionChangesNothing() {
        start();
        PledgeChanged first = pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false));
        PledgeChanged assessed = pledge("pl-1", 2, COMMUNE, 2026, state(PledgeStatus.SELF_ASSESSED, null));
        publish(first);
        publish(first);
        publish(assessed);
        publish(assessed);
        publish(first);
        int recordsAfterLastChange = publishedRecords;
        assertThat(counters("vn", 2026)).isEqualTo(Map.of("pledges.registered", 1L, "pledges.individual", 1L,
                "pledges.selfAssessed", 1L));
        publish(first);
        assertThat(publishedRecords).isEqualTo(recordsAfterLastChange);
    }

    @Test
    void aChangeOfStateMovesOnlyWhatDiffers() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, true)));
        publish(pledge("pl-1", 2, COMMUNE, 2026, state(PledgeStatus.SELF_ASSESSED, null)));
        assertThat(counters("w-01840", 2026)).as("no longer generic once revised").isEqualTo(Map.of(
                "pledges.registered", 1L, "pledges.individual", 1L, "pledges.selfAssessed", 1L));
        publish(pledge("pl-1", 3, COMMUNE, 2026, state(PledgeStatus.EVALUATED, Grade.EXCELLENT)));
        assertThat(counters("w-01840", 2026)).isEqualTo(Map.of("pledges.registered", 1L, "pledges.individual", 1L,
                "pledges.selfAssessed", 1L, "pledges.evaluated.EXCELLENT", 1L));
    }

    @Test
    void aWithdrawnPledgeCountsOnlyAsWithdrawn() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.COLLECTIVE, true, false)));
        publish(pledge("pl-1", 2, COMMUNE, 2026, new PledgeSnapshot(PledgeStatus.WITHDRAWN, PledgerKind.COLLECTIVE,
                true, false, 0.8, null)));
        assertThat(counters("p-19", 2026)).isEqualTo(Map.of("pledges.withdrawn", 1L));
    }

    @Test
    void aMoveToAnotherUnitTakesTheCountersFromTheOldPathToTheNewOne() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        publish(pledge("pl-2", 1, OTHER_PROVINCE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        int before = publishedRecords;
        publish(pledge("pl-1", 2, OTHER_COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        assertThat(counters("w-01840", 2026)).isEmpty();
        assertThat(counters("w-01843", 2026)).isEqualTo(Map.of("pledges.registered", 1L, "pledges.individual", 1L));
        assertThat(counters("p-19", 2026)).isEqualTo(Map.of("pledges.registered", 1L, "pledges.individual", 1L));
        assertThat(counters("vn", 2026)).isEqualTo(Map.of("pledges.registered", 2L, "pledges.individual", 2L));
        assertThat(publishedRecords - before).as("the units whose figures moved: the two communes").isEqualTo(2);
    }

    @Test
    void aChangeOfYearTakesTheCountersFromTheOldYearToTheNewOne() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        publish(pledge("pl-1", 2, COMMUNE, 2027, registered(PledgerKind.INDIVIDUAL, false, false)));
        assertThat(counters("vn", 2026)).isEmpty();
        assertThat(counters("vn", 2027)).isEqualTo(Map.of("pledges.registered", 1L, "pledges.individual", 1L));
    }

    @Test
    void aChangeThatMovesNoCounterPublishesNothing() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        int before = publishedRecords;
        publish(pledge("pl-1", 2, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        assertThat(publishedRecords).isEqualTo(before);
    }

    @Test
    void theDeltasOfEverySourceAddUpInOneFigurePerUnitAndYear() {
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        reports.pipeInput("rp-1", JSON.writeValueAsBytes(new ReportChanged("rp-1", 1, "w-01840", COMMUNE, "2026-Q1",
                2026, null, new ReportSnapshot(ReportStatus.SUBMITTED, true, false, false), EVENT_TIME)));
        sendPendingDeltas();
        assertThat(counters("vn", 2026)).containsEntry("pledges.registered", 1L)
                .containsEntry(ReportContribution.SUBMITTED, 1L);
    }

    @Test
    void theEventsOfOneIntervalCrossToTheSumsAsOneDeltaPerUnitAndYear() {
        start();
        for (int i = 0; i < 50; i++) {
            pledges.pipeInput("pl-" + i, JSON.writeValueAsBytes(pledge("pl-" + i, 1, i % 2 == 0 ? COMMUNE : OTHER_COMMUNE,
                    2026, registered(PledgerKind.INDIVIDUAL, false, false))));
        }
        sendPendingDeltas();
        assertThat(publishedRecords).as("vn, p-19 and the two communes, once each").isEqualTo(4);
        assertThat(counters("vn", 2026)).containsEntry("pledges.registered", 50L);
        assertThat(counters("w-01840", 2026)).containsEntry("pledges.registered", 25L);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithTheReasonAndThePartitionFlowsOn() {
        start();
        pledges.pipeInput("pl-bad", "{not json".getBytes(StandardCharsets.UTF_8));
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        TestRecord<String, byte[]> dead = pledgeDeadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("pl-bad");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(reason(dead)).contains("PledgeChanged");
        assertThat(dead.headers().lastHeader(AggregationTopology.ORIGIN_HEADER)).isNotNull();
        assertThat(deadLettered).as("what the dead-letter metric counts").containsExactly(
                Topics.PLEDGE_EVENTS + " unreadable");
        assertThat(counters("vn", 2026)).containsEntry("pledges.registered", 1L);
    }

    @Test
    void aRecordThatFailsAfterItWasReadGoesToTheDeadLetterTopicInsteadOfFailingTheTask() {
        EventSource failing = new EventSource() {
            @Override
            public String topic() {
                return Topics.PLEDGE_EVENTS;
            }

            @Override
            public String name() {
                return "pledge";
            }

            @Override
            public EntityChange read(String key, byte[] value, long recordTimestamp) {
                if (key.equals("pl-poison")) {
                    Map<String, Long> broken = new HashMap<>();
                    broken.put("pledges.registered", null);
                    return new EntityChange(key, 1, 2026, COMMUNE, broken, EVENT_TIME);
                }
                return new PledgeEvents(JSON).read(key, value, recordTimestamp);
            }
        };
        StreamsBuilder builder = new StreamsBuilder();
        new AggregationTopology(List.of(failing), Clock.systemUTC(), "/test", INTERVAL,
                (topic, reason) -> deadLettered.add(topic + " " + reason)).addTo(builder, OUTPUT);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregation-topology-test");
        driver = new TopologyTestDriver(builder.build(), config);
        pledges = driver.createInputTopic(Topics.PLEDGE_EVENTS, new StringSerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
        pledgeDeadLetters = driver.createOutputTopic(Topics.deadLetter(Topics.PLEDGE_EVENTS), new StringDeserializer(),
                new ByteArrayDeserializer());

        pledges.pipeInput("pl-poison", "{}".getBytes(StandardCharsets.UTF_8));
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));

        TestRecord<String, byte[]> dead = pledgeDeadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("pl-poison");
        assertThat(reason(dead)).startsWith("cannot be applied: java.lang.NullPointerException");
        assertThat(deadLettered).containsExactly(Topics.PLEDGE_EVENTS + " not-applicable");
        assertThat(counters("vn", 2026)).isEqualTo(Map.of("pledges.registered", 1L, "pledges.individual", 1L));
    }

    @Test
    void aGenerationThatIsNotLivePublishesNothingThenEveryFigureOnceAndEveryChangeAfter() {
        live.set(false);
        start();
        publish(pledge("pl-1", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        publish(pledge("pl-2", 1, OTHER_PROVINCE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        assertThat(publishedRecords).as("partial figures of a rebuild").isZero();

        live.set(true);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        readOutput();
        assertThat(published).containsOnlyKeys("vn|2026", "p-19|2026", "w-01840|2026", "p-01|2026", "w-00004|2026");
        assertThat(counters("vn", 2026)).containsEntry("pledges.registered", 2L);
        assertThat(publishedRecords).isEqualTo(5);

        publish(pledge("pl-3", 1, COMMUNE, 2026, registered(PledgerKind.INDIVIDUAL, false, false)));
        assertThat(counters("vn", 2026)).containsEntry("pledges.registered", 3L);
        assertThat(publishedRecords).isEqualTo(8);
        assertThat(published.get("vn|2026").asOf()).isAfter(published.get("p-01|2026").asOf());
    }

    private void publish(PledgeChanged event) {
        pledges.pipeInput(event.pledgeId(), JSON.writeValueAsBytes(event));
        sendPendingDeltas();
    }

    private void sendPendingDeltas() {
        driver.advanceWallClockTime(INTERVAL);
        readOutput();
    }

    private void readOutput() {
        while (!output.isEmpty()) {
            TestRecord<String, String> record = output.readRecord();
            published.put(record.key(), JSON.readValue(record.value(), UnitYearAggregate.class));
            publishedRecords++;
        }
    }

    private Map<String, Long> counters(String unitId, int year) {
        UnitYearAggregate aggregate = published.get(UnitYearDelta.key(unitId, year));
        return aggregate == null ? Map.of() : new TreeMap<>(aggregate.counters());
    }

    private static String reason(TestRecord<String, byte[]> dead) {
        return new String(dead.headers().lastHeader(AggregationTopology.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    private static PledgeChanged pledge(String id, long version, List<String> path, int year, PledgeSnapshot to) {
        return new PledgeChanged(id, version, path.get(path.size() - 1), path, year, null, to, EVENT_TIME);
    }

    private static PledgeSnapshot registered(PledgerKind kind, boolean onTime, boolean generic) {
        return new PledgeSnapshot(PledgeStatus.REGISTERED, kind, onTime, generic, generic ? 0.2 : 0.8, null);
    }

    private static PledgeSnapshot state(PledgeStatus status, Grade grade) {
        return new PledgeSnapshot(status, PledgerKind.INDIVIDUAL, false, false, 0.8, grade);
    }
}
