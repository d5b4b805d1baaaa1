package vn.neuguong.recognition.council;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.Award;

/**
 * {@code neuguong.recognition.councils.<LEVEL>.quorum|majority|awards}. A level left out keeps its default (see
 * docs/recognition.md); a setting left out keeps the level's default. A level without a default and without
 * configuration (CELL) has no council.
 */
@ConfigurationProperties("neuguong.recognition")
public record CouncilProperties(Map<OrgUnitLevel, Setting> councils) {

    public static final Map<OrgUnitLevel, CouncilRule> DEFAULTS = Map.of(
            OrgUnitLevel.GRASSROOTS, new CouncilRule(3, 0.5, List.of(Award.LETTER_OF_COMMENDATION)),
            OrgUnitLevel.DISTRICT, new CouncilRule(3, 0.5, List.of(Award.LETTER_OF_COMMENDATION)),
            OrgUnitLevel.PROVINCE, new CouncilRule(5, 0.5,
                    List.of(Award.LETTER_OF_COMMENDATION, Award.CERTIFICATE_OF_MERIT)),
            OrgUnitLevel.CENTRAL, new CouncilRule(7, 0.5,
                    List.of(Award.CERTIFICATE_OF_MERIT, Award.DIPLOMA_OF_MERIT)));

    public CouncilProperties {
        councils = councils == null ? Map.of() : Map.copyOf(councils);
    }

    public record Setting(Integer quorum, Double majority, List<Award> awards) {
    }

    /** The rule of every level that has a council: defaults overlaid with configuration. */
    public Map<OrgUnitLevel, CouncilRule> rules() {
        Map<OrgUnitLevel, CouncilRule> rules = new EnumMap<>(OrgUnitLevel.class);
        for (OrgUnitLevel level : OrgUnitLevel.values()) {
            CouncilRule fallback = DEFAULTS.get(level);
            Setting setting = councils.get(level);
            if (setting == null) {
                if (fallback != null) {
                    rules.put(level, fallback);
                }
                continue;
            }
            try {
                rules.put(level, new CouncilRule(
                        setting.quorum() != null ? setting.quorum() : fallback == null ? 1 : fallback.quorum(),
                        setting.majority() != null ? setting.majority() : fallback == null ? 0.5 : fallback.majority(),
                        setting.awards() != null ? setting.awards() : fallback == null ? List.of() : fallback.awards()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("neuguong.recognition.councils." + level + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }
}
