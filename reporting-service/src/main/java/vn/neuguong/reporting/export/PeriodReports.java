package vn.neuguong.reporting.export;

import vn.neuguong.reporting.completeness.Completeness;
import vn.neuguong.reporting.period.Period;

/** Who reported for one period, as the screens show it: one period at a time, never a year's periods added up. */
record PeriodReports(Period period, Completeness completeness) {
}
