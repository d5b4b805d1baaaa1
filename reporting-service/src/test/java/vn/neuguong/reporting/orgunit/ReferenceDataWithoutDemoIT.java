package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import vn.neuguong.contracts.Role;
import vn.neuguong.reporting.Api;
import vn.neuguong.testsupport.IntegrationTest;

/** Without the {@code local} profile (the production shape), member counts are the operators' alone. */
@IntegrationTest
@DirtiesContext
class ReferenceDataWithoutDemoIT {

    @LocalServerPort
    int port;

    private final String admin = Api.token("vn", Role.ADMIN);
    private final String board = Api.token("vn", Role.CENTRAL_BOARD);

    @Test
    void unitsHaveNoMemberCountsUntilTheOperatorsImportThem() {
        Api api = new Api(port);
        JsonNode nation = api.get("/api/org-units/vn", board).json();
        assertThat(nation.get("memberCount").asLong()).isZero();
        assertThat(nation.get("memberCountSynthetic").asBoolean()).isFalse();
        assertThat(api.get("/api/org-units/w-00004", board).json().get("memberCount").asLong()).isZero();

        Api.Response imported = api.postCsv("/api/org-units/member-counts", admin,
                "unitId,memberCount\nw-00004,812\n");

        assertThat(imported.status()).isEqualTo(200);
        JsonNode pledges = api.get("/api/aggregates/w-00004?year=2026", board).json().get("pledges");
        assertThat(pledges.get("expected").asLong()).isEqualTo(812);
        assertThat(pledges.get("expectedSynthetic").asBoolean()).isFalse();
        assertThat(api.get("/api/aggregates/vn?year=2026", board).json().get("pledges").get("expected").asLong())
                .isZero();
    }
}
