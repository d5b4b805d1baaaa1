package vn.neuguong.pledge.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.CloudEvents;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.web.ServiceUnavailableException;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * Puts org units in place the way production does: by publishing {@code OrgUnitChanged} to
 * {@code neuguong.org-units}, then waiting until the service's replica has them. Ids are unique per test run.
 */
public final class OrgUnits {

    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    private final JsonMapper json = JsonMapper.builder().build();

    public String id(String name) {
        return prefix + "-" + name;
    }

    /** Publishes the units (parents first) and waits until the directory knows them all. */
    public void publish(OrgUnitDirectory directory, List<OrgUnit> units) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (OrgUnit unit : units) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORG_UNITS, unit.id(),
                        json.writeValueAsString(new OrgUnitChanged(unit.id(), 1, null, unit)));
                record.headers().add(CloudEvents.HEADER_TYPE, OrgUnitChanged.TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEvents.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                // one at a time and checked: a send that fails must fail the test here, not time out later
                producer.send(record).get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test's org units", e);
        }
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(180));
        for (OrgUnit unit : units) {
            while (!known(directory, unit.id())) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new AssertionError("The replica did not receive " + unit.id());
                }
                sleep();
            }
        }
    }

    /** Whether the replica knows the unit; while it is still reading it answers 503, which means not yet. */
    private static boolean known(OrgUnitDirectory directory, String id) {
        try {
            return directory.ready() && directory.find(id).isPresent();
        } catch (ServiceUnavailableException stillReading) {
            return false;
        }
    }

    public static OrgUnit unit(String id, OrgUnitLevel level, OrgUnit parent, LocalDate validFrom, LocalDate validTo) {
        List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path());
        path.add(id);
        return new OrgUnit(id, null, "Đơn vị " + id, "Unit " + id, level, parent == null ? null : parent.id(),
                List.copyOf(path), 100, validFrom, validTo, null);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
