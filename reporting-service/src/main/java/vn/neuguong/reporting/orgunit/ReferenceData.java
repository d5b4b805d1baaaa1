package vn.neuguong.reporting.orgunit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * Reads the org-unit reference data: the central level {@code vn}, the 34 provinces {@code p-<code>} and their
 * 3,321 communes, wards and special zones {@code w-<code>} of the two-tier structure (from 2025-07-01), and the 63
 * provinces {@code lp-<code>} that existed from 2008-08-01 (Hà Tây joined Hà Nội) to 2025-06-30, each with the
 * province it was merged into. Ids carry the validity era because the official codes were reused in 2025.
 */
public final class ReferenceData {

    public static final String CENTRAL_ID = "vn";
    static final LocalDate TWO_TIER_FROM = LocalDate.of(2025, 7, 1);
    static final LocalDate SIXTY_THREE_PROVINCES_FROM = LocalDate.of(2008, 8, 1);

    private record AdminUnit(String code, String name, String nameEn, String fullName, String kind,
            List<AdminUnit> wards) {
    }

    public static List<ReferenceUnit> read(InputStream adminUnitsJson, Reader legacyProvincesCsv) {
        List<AdminUnit> provinces = JsonMapper.builder().build()
                .readValue(adminUnitsJson, new TypeReference<List<AdminUnit>>() { });
        List<ReferenceUnit> units = new ArrayList<>();
        List<String> centralPath = List.of(CENTRAL_ID);
        units.add(new ReferenceUnit(CENTRAL_ID, null, "Trung ương", "Central", OrgUnitLevel.CENTRAL, null,
                centralPath, null, null, null, "Central"));
        Map<String, ReferenceUnit> provincesByCode = new HashMap<>();
        for (AdminUnit province : provinces) {
            String provinceId = "p-" + province.code();
            ReferenceUnit unit = new ReferenceUnit(provinceId, province.code(), province.name(), province.nameEn(),
                    OrgUnitLevel.PROVINCE, CENTRAL_ID, List.of(CENTRAL_ID, provinceId), TWO_TIER_FROM, null, null,
                    province.kind());
            units.add(unit);
            provincesByCode.put(province.code(), unit);
            for (AdminUnit ward : province.wards()) {
                String wardId = "w-" + ward.code();
                units.add(new ReferenceUnit(wardId, ward.code(), ward.name(), ward.nameEn(), OrgUnitLevel.GRASSROOTS,
                        provinceId, List.of(CENTRAL_ID, provinceId, wardId), TWO_TIER_FROM, null, null, ward.kind()));
            }
        }
        for (CSVRecord legacy : legacyRecords(legacyProvincesCsv)) {
            ReferenceUnit successor = provincesByCode.get(legacy.get("successor_code"));
            if (successor == null) {
                throw new IllegalStateException("Legacy province " + legacy.get("legacy_code")
                        + " names an unknown successor " + legacy.get("successor_code"));
            }
            String id = "lp-" + legacy.get("legacy_code");
            String name = legacy.get("legacy_name");
            String nameEn = name.equals(successor.name()) ? successor.nameEn() : SearchKey.unaccented(name);
            units.add(new ReferenceUnit(id, legacy.get("legacy_code"), name, nameEn, OrgUnitLevel.PROVINCE,
                    CENTRAL_ID, List.of(CENTRAL_ID, id), SIXTY_THREE_PROVINCES_FROM,
                    LocalDate.parse(legacy.get("valid_to")), successor.id(), "Province"));
        }
        return units;
    }

    private static List<CSVRecord> legacyRecords(Reader csv) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReferenceData() {
    }
}
