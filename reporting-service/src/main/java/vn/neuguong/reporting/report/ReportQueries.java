package vn.neuguong.reporting.report;

import java.util.List;

import org.springframework.stereotype.Component;

/** Read access to the report documents for the other features of this service (completeness, exports). */
@Component
public class ReportQueries {

    private final ReportStore store;

    ReportQueries(ReportStore store) {
        this.store = store;
    }

    /** The reports of a period with their workflow state and without their content. */
    public List<ReportDocument> statusesOf(String periodId) {
        return store.statusesOf(periodId);
    }
}
