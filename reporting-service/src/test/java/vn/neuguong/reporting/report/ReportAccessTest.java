package vn.neuguong.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.platform.security.CurrentUser;

class ReportAccessTest {

    private static final OrgUnit CENTRAL = unit("vn", OrgUnitLevel.CENTRAL, List.of("vn"));
    private static final OrgUnit PROVINCE = unit("p-19", OrgUnitLevel.PROVINCE, List.of("vn", "p-19"));
    private static final OrgUnit COMMUNE = unit("w-05569", OrgUnitLevel.GRASSROOTS, List.of("vn", "p-19", "w-05569"));

    @Test
    void theUnitsOwnOfficersSubmitAndTheCentralBoardSubmitsTheCentralReport() {
        assertThat(ReportAccess.canSubmit(user("w-05569", Role.UNIT_OFFICER), COMMUNE)).isTrue();
        assertThat(ReportAccess.canSubmit(user("p-19", Role.PROVINCE_OFFICER), COMMUNE)).isFalse();
        assertThat(ReportAccess.canSubmit(user("w-05569", Role.MEMBER), COMMUNE)).isFalse();
        assertThat(ReportAccess.canSubmit(user("p-19", Role.PROVINCE_OFFICER), PROVINCE)).isTrue();
        assertThat(ReportAccess.canSubmit(user("vn", Role.CENTRAL_BOARD), CENTRAL)).isTrue();
        assertThat(ReportAccess.canSubmit(user("vn", Role.CENTRAL_BOARD), PROVINCE)).isFalse();
        assertThat(ReportAccess.canSubmit(user("vn", Role.ADMIN), CENTRAL)).isFalse();
    }

    @Test
    void theParentUnitsOfficersReviewAndTheCentralBoardReviewsTheProvinces() {
        assertThat(ReportAccess.canReview(user("p-19", Role.PROVINCE_OFFICER), COMMUNE, PROVINCE)).isTrue();
        assertThat(ReportAccess.canReview(user("w-05569", Role.UNIT_OFFICER), COMMUNE, PROVINCE)).isFalse();
        assertThat(ReportAccess.canReview(user("vn", Role.CENTRAL_BOARD), COMMUNE, PROVINCE)).isFalse();
        assertThat(ReportAccess.canReview(user("vn", Role.CENTRAL_BOARD), PROVINCE, CENTRAL)).isTrue();
        assertThat(ReportAccess.canReview(user("p-19", Role.PROVINCE_OFFICER), PROVINCE, CENTRAL)).isFalse();
        assertThat(ReportAccess.canReview(user("vn", Role.CENTRAL_BOARD), CENTRAL, null)).isTrue();
    }

    @Test
    void officersReadTheirSubtreeAndTheBoardReadsEverything() {
        assertThat(ReportAccess.canRead(user("p-19", Role.PROVINCE_OFFICER), COMMUNE)).isTrue();
        assertThat(ReportAccess.canRead(user("p-01", Role.PROVINCE_OFFICER), COMMUNE)).isFalse();
        assertThat(ReportAccess.canRead(user("w-05569", Role.MEMBER), COMMUNE)).isFalse();
        assertThat(ReportAccess.canRead(user("vn", Role.CENTRAL_BOARD), COMMUNE)).isTrue();
    }

    private static CurrentUser user(String unitId, Role role) {
        return new CurrentUser("u-" + unitId, "Người dùng", unitId, Set.of(role));
    }

    private static OrgUnit unit(String id, OrgUnitLevel level, List<String> path) {
        return new OrgUnit(id, null, id, id, level, path.size() > 1 ? path.get(path.size() - 2) : null, path, 100,
                LocalDate.of(2025, 7, 1), null, null);
    }
}
