package vn.neuguong.platform.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.web.ServiceUnavailableException;

/** A replica that cannot read keeps trying in a loop, says it is not reading, and catches up once it can. */
class OrgUnitReplicaRecoveryTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.ORG_UNITS, 0);
    private static final int FAILURES = 1_000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Integer, Integer> stackDepthAtAttempt = new ConcurrentHashMap<>();
    private OrgUnitReplica replica;

    @AfterEach
    void stop() {
        if (replica != null) {
            replica.stop();
        }
    }

    @Test
    void startsOverInALoopWhileItCannotReadAndReportsThatItIsNotReading() {
        OrgUnit thaiNguyen = unit("p-19", "Thái Nguyên");
        OrgUnit dinhHoa = unit("w-05569", "Định Hoá");
        MockConsumer<String, String> first = consumer(thaiNguyen);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Status> healthDuringOutage = new AtomicReference<>();
        AtomicReference<Boolean> readingDuringOutage = new AtomicReference<>();
        replica = new OrgUnitReplica(() -> {
            int attempt = attempts.getAndIncrement();
            stackDepthAtAttempt.put(attempt, Thread.currentThread().getStackTrace().length);
            if (attempt == 0) {
                return first;
            }
            if (attempt == FAILURES / 2) {
                readingDuringOutage.set(replica.reading());
                healthDuringOutage.set(new OrgUnitReplicaHealthIndicator(replica).health().getStatus());
            }
            return attempt <= FAILURES ? unreachable() : consumer(thaiNguyen, dinhHoa);
        }, Duration.ZERO, Duration.ZERO, new MockProducer<>(), json, new SimpleMeterRegistry());

        replica.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.reading() && replica.lag() == 0);
        assertThat(new OrgUnitReplicaHealthIndicator(replica).health().getStatus()).isEqualTo(Status.UP);
        assertThat(replica.find("p-19")).contains(thaiNguyen);

        first.setPollException(new KafkaException("broker unreachable"));

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() > FAILURES + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replica.find("w-05569")).contains(dinhHoa));
        assertThat(readingDuringOutage.get()).isFalse();
        assertThat(healthDuringOutage.get()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(stackDepthAtAttempt.get(FAILURES)).as("the retries do not pile up on the stack")
                .isEqualTo(stackDepthAtAttempt.get(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new OrgUnitReplicaHealthIndicator(replica).health().getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void keepsAnsweringForKnownUnitsButNotForUnknownOnesWhileItCannotRead() {
        OrgUnit thaiNguyen = unit("p-19", "Thái Nguyên");
        MockConsumer<String, String> first = consumer(thaiNguyen);
        AtomicInteger attempts = new AtomicInteger();
        replica = new OrgUnitReplica(() -> attempts.getAndIncrement() == 0 ? first : unreachable(),
                Duration.ofMillis(50), Duration.ofMillis(200), new MockProducer<>(), json, new SimpleMeterRegistry());

        replica.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.reading() && replica.lag() == 0);
        first.setPollException(new KafkaException("broker unreachable"));
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() > 3);

        assertThat(replica.reading()).isFalse();
        assertThat(replica.find("p-19")).contains(thaiNguyen);
        assertThatThrownBy(() -> replica.find("p-unknown")).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void pausesLongerAfterEachFailureUpToTheLongestPause() {
        OrgUnitReplica backingOff = new OrgUnitReplica(() -> new MockConsumer<>("earliest"), Duration.ofSeconds(1), Duration.ofSeconds(30),
                null, json, new SimpleMeterRegistry());
        assertThat(List.of(1, 2, 3, 5, 6, 100).stream().map(backingOff::backoff)).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    /** A consumer whose reads fail as they do when the broker has been unreachable for longer than a timeout. */
    private static Consumer<String, String> unreachable() {
        MockConsumer<String, String> consumer = consumer();
        consumer.setPollException(new KafkaException("broker unreachable"));
        return consumer;
    }

    private MockConsumer<String, String> consumer(OrgUnit... units) {
        MockConsumer<String, String> consumer = consumer();
        consumer.updateEndOffsets(Map.of(PARTITION, (long) units.length));
        consumer.schedulePollTask(() -> {
            for (int offset = 0; offset < units.length; offset++) {
                OrgUnitChanged changed = new OrgUnitChanged(units[offset].id(), 1, null, units[offset]);
                consumer.addRecord(new ConsumerRecord<>(Topics.ORG_UNITS, 0, offset, changed.unitId(),
                        json.writeValueAsString(changed)));
            }
        });
        return consumer;
    }

    private static MockConsumer<String, String> consumer() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        Node broker = new Node(0, "localhost", 9092);
        consumer.updatePartitions(Topics.ORG_UNITS, List.of(new PartitionInfo(Topics.ORG_UNITS, 0, broker,
                new Node[] {broker}, new Node[] {broker})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        return consumer;
    }

    private static OrgUnit unit(String id, String name) {
        return new OrgUnit(id, id.substring(2), name, name, OrgUnitLevel.PROVINCE, "vn", List.of("vn", id), 1_000,
                LocalDate.of(2025, 7, 1), null, null);
    }
}
