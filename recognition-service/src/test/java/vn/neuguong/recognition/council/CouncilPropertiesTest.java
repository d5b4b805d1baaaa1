package vn.neuguong.recognition.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.recognition.Award;

class CouncilPropertiesTest {

    @Test
    void withoutConfigurationEveryLevelButTheCellHasItsDefaultCouncil() {
        Map<OrgUnitLevel, CouncilRule> rules = new CouncilProperties(null).rules();

        assertThat(rules).doesNotContainKey(OrgUnitLevel.CELL);
        assertThat(rules.get(OrgUnitLevel.GRASSROOTS).awards()).containsExactly(Award.LETTER_OF_COMMENDATION);
        assertThat(rules.get(OrgUnitLevel.PROVINCE).awards())
                .containsExactly(Award.LETTER_OF_COMMENDATION, Award.CERTIFICATE_OF_MERIT);
        assertThat(rules.get(OrgUnitLevel.CENTRAL).awards())
                .containsExactly(Award.CERTIFICATE_OF_MERIT, Award.DIPLOMA_OF_MERIT);
        assertThat(rules.get(OrgUnitLevel.PROVINCE).quorum()).isEqualTo(5);
    }

    @Test
    void aSettingLeftOutKeepsTheLevelsDefault() {
        Map<OrgUnitLevel, CouncilRule> rules = new CouncilProperties(Map.of(OrgUnitLevel.PROVINCE,
                new CouncilProperties.Setting(9, null, null))).rules();

        assertThat(rules.get(OrgUnitLevel.PROVINCE)).isEqualTo(new CouncilRule(9, 0.5,
                List.of(Award.LETTER_OF_COMMENDATION, Award.CERTIFICATE_OF_MERIT)));
        assertThat(rules.get(OrgUnitLevel.CENTRAL)).isEqualTo(CouncilProperties.DEFAULTS.get(OrgUnitLevel.CENTRAL));
    }

    @Test
    void aCellCouncilExistsOnceConfiguredWithItsAwards() {
        Map<OrgUnitLevel, CouncilRule> rules = new CouncilProperties(Map.of(OrgUnitLevel.CELL,
                new CouncilProperties.Setting(2, null, List.of(Award.LETTER_OF_COMMENDATION)))).rules();

        assertThat(rules.get(OrgUnitLevel.CELL)).isEqualTo(new CouncilRule(2, 0.5,
                List.of(Award.LETTER_OF_COMMENDATION)));
    }

    @Test
    void aMisconfiguredCouncilStopsTheServiceNamingTheProperty() {
        CouncilProperties properties = new CouncilProperties(Map.of(OrgUnitLevel.GRASSROOTS,
                new CouncilProperties.Setting(3, 1.5, null)));

        assertThatThrownBy(properties::rules).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neuguong.recognition.councils.GRASSROOTS").hasMessageContaining("majority");
    }

    @Test
    void approvalMustStrictlyExceedTheMajorityShareOfVotesCast() {
        CouncilRule rule = new CouncilRule(4, 0.5, List.of(Award.LETTER_OF_COMMENDATION));

        assertThat(rule.approves(new Tally(4, 2))).isFalse();
        assertThat(rule.approves(new Tally(4, 3))).isTrue();
        assertThat(rule.approves(new Tally(5, 3))).isTrue();
        assertThat(rule.approves(new Tally(0, 0))).isFalse();
        assertThat(rule.quorumMet(new Tally(3, 3))).isFalse();
        assertThat(rule.quorumMet(new Tally(4, 0))).isTrue();
    }

    @Test
    void aTwoThirdsCouncilNeedsMoreThanTwoThirds() {
        CouncilRule rule = new CouncilRule(3, 2.0 / 3, List.of(Award.CERTIFICATE_OF_MERIT));

        assertThat(rule.approves(new Tally(3, 2))).isFalse();
        assertThat(rule.approves(new Tally(3, 3))).isTrue();
    }
}
