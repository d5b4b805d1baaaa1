package vn.neuguong.recognition;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Topics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.web.ServiceUnavailableException;
import vn.neuguong.testsupport.TestInfrastructure;

/**
 * Org units with ids unique to one test run, published to {@code neuguong.org-units} the way reporting-service
 * publishes them: {@code vn} → province {@code p} → communes {@code w1}, {@code w2} → cell {@code c1} under
 * {@code w1}, and a second province {@code q} with commune {@code w9}.
 */
public final class OrgUnitTree {

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String vn = "vn";
    public final String p = "p-" + run;
    public final String w1 = "w-" + run + "-1";
    public final String w2 = "w-" + run + "-2";
    public final String c1 = "c-" + run + "-1";
    public final String q = "p-" + run + "-q";
    public final String w9 = "w-" + run + "-9";

    public static OrgUnitTree publish(OrgUnitDirectory directory) {
        return new OrgUnitTree().publishTo(directory);
    }

    /** Publishes this tree's units and waits until the directory has them all. */
    public OrgUnitTree publishTo(OrgUnitDirectory directory) {
        List<OrgUnit> units = new ArrayList<>();
        units.add(unit(vn, "Trung ương", OrgUnitLevel.CENTRAL, List.of()));
        units.add(unit(p, "Tỉnh Hà Tĩnh", OrgUnitLevel.PROVINCE, List.of(vn)));
        units.add(unit(w1, "Xã Thạch Hà", OrgUnitLevel.GRASSROOTS, List.of(vn, p)));
        units.add(unit(w2, "Phường Bắc Hồng Lĩnh", OrgUnitLevel.GRASSROOTS, List.of(vn, p)));
        units.add(unit(c1, "Chi bộ thôn Na Hoa", OrgUnitLevel.CELL, List.of(vn, p, w1)));
        units.add(unit(q, "Tỉnh Cà Mau", OrgUnitLevel.PROVINCE, List.of(vn)));
        units.add(unit(w9, "Xã Đất Mũi", OrgUnitLevel.GRASSROOTS, List.of(vn, q)));
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (OrgUnit unit : units) {
                // one at a time and checked: a failed send must fail here, not as a timeout below
                producer.send(new ProducerRecord<>(Topics.ORG_UNITS, unit.id(),
                        json.writeValueAsString(new OrgUnitChanged(unit.id(), 1, null, unit)))).get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test's org units", e);
        }
        await().atMost(Duration.ofSeconds(180)).ignoreException(ServiceUnavailableException.class).until(() -> directory.ready()
                && units.stream().allMatch(unit -> directory.find(unit.id()).isPresent()));
        return this;
    }

    private static OrgUnit unit(String id, String name, OrgUnitLevel level, List<String> ancestors) {
        List<String> path = new ArrayList<>(ancestors);
        path.add(id);
        return new OrgUnit(id, null, name, null, level, ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1),
                List.copyOf(path), 1000, LocalDate.of(2016, 1, 1), null, null);
    }
}
