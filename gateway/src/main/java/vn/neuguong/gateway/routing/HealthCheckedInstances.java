package vn.neuguong.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances of a service the gateway balances over: those listed in configuration
 * ({@code spring.cloud.discovery.client.simple.instances}) that answer their readiness probe
 * ({@code spring.cloud.loadbalancer.health-check}). Applied to every service by {@link LoadBalancingConfiguration};
 * not a {@code @Configuration}, so only the load balancer's per-service contexts create its bean.
 */
class HealthCheckedInstances {

    @Bean
    ServiceInstanceListSupplier readyInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder().withDiscoveryClient().withHealthChecks(WebClient.create())
                .build(context);
    }
}
