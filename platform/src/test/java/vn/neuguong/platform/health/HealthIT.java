package vn.neuguong.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.testsupport.IntegrationTest;
import vn.neuguong.testsupport.TestInfrastructure;

/** A service is healthy on the embedded MongoDB server too, and shows its dependencies only to operators. */
@IntegrationTest
class HealthIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void healthIsUpWithMongoAndKafkaForOperators() throws Exception {
        HttpResponse<String> anonymous = health(null);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(anonymous.body()).path("status").asString()).isEqualTo("UP");

        String operator = TestInfrastructure.get().token("ops", "Vận hành", "vn", Role.OPERATOR);
        JsonNode components = JsonMapper.builder().build().readTree(health(operator).body()).path("components");
        assertThat(components.path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void probesReuseOneKafkaAdminClient() throws Exception {
        String operator = TestInfrastructure.get().token("ops", "Vận hành", "vn", Role.OPERATOR);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName adminClients = new ObjectName("kafka.admin.client:type=app-info,*");
        AtomicInteger created = new AtomicInteger();
        NotificationListener countCreated = (notification, handback) -> {
            if (notification instanceof MBeanServerNotification registration
                    && MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(registration.getType())
                    && adminClients.apply(registration.getMBeanName())) {
                created.incrementAndGet();
            }
        };
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, countCreated, null, null);
        try {
            for (int probe = 0; probe < 3; probe++) {
                JsonNode components = JsonMapper.builder().build().readTree(health(operator).body()).path("components");
                assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
            }
        } finally {
            server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, countCreated);
        }
        assertThat(created.get()).as("admin clients created by three probes").isZero();
    }

    private HttpResponse<String> health(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
