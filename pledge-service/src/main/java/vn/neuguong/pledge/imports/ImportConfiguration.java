package vn.neuguong.pledge.imports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.pledge.pledge.MemberAffiliations;
import vn.neuguong.pledge.pledge.PledgeFactory;
import vn.neuguong.pledge.pledge.PledgeRepository;
import vn.neuguong.pledge.pledge.PledgeValidator;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportService importService(ImportJobs jobs, PledgeValidator validator, PledgeFactory factory,
                                PledgeRepository pledges, MemberAffiliations affiliations, OrgUnitDirectory orgUnits,
                                JsonMapper jsonMapper, Clock clock, ImportProperties properties, MeterRegistry meters,
                                @Value("${server.port:8081}") String port) {
        ImportProcessor processor = new ImportProcessor(validator, factory, pledges, affiliations, jobs, orgUnits,
                jsonMapper, clock, properties);
        String owner = properties.instanceId() != null ? properties.instanceId() : hostName() + ":" + port;
        return new ImportService(jobs, processor, properties, jsonMapper, clock, owner, meters);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
