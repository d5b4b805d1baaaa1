package vn.neuguong.recognition.council;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/** The council rule of each level, fixed at startup (a misconfigured council stops the service from starting). */
@Component
public class Councils {

    private final Map<OrgUnitLevel, CouncilRule> rules;

    public Councils(CouncilProperties properties) {
        this.rules = properties.rules();
    }

    public Optional<CouncilRule> at(OrgUnitLevel level) {
        return Optional.ofNullable(level).map(rules::get);
    }

    public Map<OrgUnitLevel, CouncilRule> all() {
        return rules;
    }
}
