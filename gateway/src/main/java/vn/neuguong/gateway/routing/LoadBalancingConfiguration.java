package vn.neuguong.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Routes to {@code lb://<service>} pick a ready instance of the service, in turn. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class LoadBalancingConfiguration {
}
