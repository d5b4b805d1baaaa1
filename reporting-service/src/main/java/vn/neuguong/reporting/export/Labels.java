package vn.neuguong.reporting.export;

import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.report.ReportStatus;

/** The Vietnamese words the exports use for levels and report statuses, as the dashboard shows them. */
final class Labels {

    private Labels() {
    }

    static String level(OrgUnitLevel level) {
        return switch (level) {
            case CENTRAL -> "Trung ương";
            case PROVINCE -> "Cấp tỉnh";
            case DISTRICT -> "Cấp huyện (trước 2025)";
            case GRASSROOTS -> "Cấp cơ sở";
            case CELL -> "Chi bộ";
        };
    }

    static String status(ReportStatus status) {
        return switch (status) {
            case DRAFT -> "Bản nháp";
            case SUBMITTED -> "Đã nộp, chờ duyệt";
            case APPROVED -> "Đã được duyệt";
            case RETURNED -> "Bị trả lại";
        };
    }
}
