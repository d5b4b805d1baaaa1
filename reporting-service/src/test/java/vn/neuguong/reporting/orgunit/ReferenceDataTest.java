package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

class ReferenceDataTest {

    private final List<ReferenceUnit> units = ReferenceDataLoader.readReferenceUnits();
    private final Map<String, ReferenceUnit> byId = units.stream()
            .collect(Collectors.toMap(ReferenceUnit::id, Function.identity()));

    @Test
    void central34Provinces3321CommunesAnd63LegacyProvinces() {
        assertThat(units).hasSize(1 + 34 + 3_321 + 63).hasSize(byId.size());
        assertThat(count("p-")).isEqualTo(34);
        assertThat(count("w-")).isEqualTo(3_321);
        assertThat(count("lp-")).isEqualTo(63);
    }

    @Test
    void newUnitsHangUnderTheCentralLevelFrom20250701() {
        ReferenceUnit thaiNguyen = byId.get("p-19");
        assertThat(thaiNguyen.name()).isEqualTo("Thái Nguyên");
        assertThat(thaiNguyen.level()).isEqualTo(OrgUnitLevel.PROVINCE);
        assertThat(thaiNguyen.path()).containsExactly("vn", "p-19");
        assertThat(thaiNguyen.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        ReferenceUnit baDinh = byId.get("w-00004");
        assertThat(baDinh.path()).containsExactly("vn", "p-01", "w-00004");
        assertThat(baDinh.level()).isEqualTo(OrgUnitLevel.GRASSROOTS);
    }

    @Test
    void aReusedCodeIsTwoUnitsWithDifferentIds() {
        ReferenceUnit kienGiang = byId.get("lp-91");
        ReferenceUnit anGiang = byId.get("p-91");
        assertThat(kienGiang.code()).isEqualTo(anGiang.code());
        assertThat(kienGiang.name()).isEqualTo("Kiên Giang");
        assertThat(anGiang.name()).isEqualTo("An Giang");
        assertThat(kienGiang.successorId()).isEqualTo("p-91");
        assertThat(kienGiang.validFrom()).isEqualTo(LocalDate.of(2008, 8, 1));
        assertThat(kienGiang.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(kienGiang.nameEn()).isEqualTo("Kien Giang");
    }

    private long count(String prefix) {
        return units.stream().filter(unit -> unit.id().startsWith(prefix)).count();
    }
}
