package vn.neuguong.pledge.pledge;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.outbox.OutboxEvents;
import vn.neuguong.pledge.specificity.SpecificityChecker;
import vn.neuguong.pledge.theme.StudyThemes;

/** Wires the plain domain classes of pledges. */
@Configuration(proxyBeanMethods = false)
class PledgeConfiguration {

    @Bean
    StudyThemes studyThemes(JsonMapper jsonMapper) {
        return StudyThemes.bundled(jsonMapper);
    }

    @Bean
    RegistrationDeadlines registrationDeadlines(PledgeProperties properties) {
        return new RegistrationDeadlines(properties.registrationDeadlines());
    }

    @Bean
    PledgeValidator pledgeValidator(Clock clock, OrgUnitDirectory orgUnits, StudyThemes themes) {
        return new PledgeValidator(clock, orgUnits, themes);
    }

    @Bean
    PledgeFactory pledgeFactory(OutboxEvents outboxEvents, RegistrationDeadlines deadlines) {
        return new PledgeFactory(new SpecificityChecker(), outboxEvents, deadlines);
    }

    @Bean
    PledgeService pledgeService(PledgeRepository pledges, PledgeValidator validator, PledgeFactory factory,
                                MemberAffiliations affiliations, JsonMapper jsonMapper, Clock clock) {
        return new PledgeService(pledges, validator, factory, affiliations, jsonMapper, clock);
    }

    @Bean
    SpecificitySummaryService specificitySummaryService(SpecificitySummaryRepository counts) {
        return new SpecificitySummaryService(counts);
    }
}
