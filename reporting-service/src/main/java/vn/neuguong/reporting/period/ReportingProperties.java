package vn.neuguong.reporting.period;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;

/**
 * @param reportingLevels the levels whose units must report for every period; party cells do not by default (their
 *                        committee's report covers them)
 * @param expectedCacheTtl how long the counts of expected reports behind the aggregates' {@code reports.expected}
 *                        are reused before they are counted again from the registry and the periods
 */
@ConfigurationProperties("neuguong.reports")
public record ReportingProperties(Set<OrgUnitLevel> reportingLevels, Duration expectedCacheTtl) {

    public ReportingProperties {
        reportingLevels = reportingLevels == null || reportingLevels.isEmpty()
                ? Set.copyOf(EnumSet.of(OrgUnitLevel.CENTRAL, OrgUnitLevel.PROVINCE, OrgUnitLevel.DISTRICT,
                        OrgUnitLevel.GRASSROOTS))
                : Set.copyOf(reportingLevels);
        expectedCacheTtl = expectedCacheTtl == null ? Duration.ofSeconds(30) : expectedCacheTtl;
    }
}
