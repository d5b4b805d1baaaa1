package vn.neuguong.reporting.export;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;

import vn.neuguong.reporting.completeness.Completeness;

/**
 * One sheet of the figures workbook per reporting period: the unit's reports due, submitted, on time, late and
 * approved for that period, then the reporting rate of each child unit's subtree. The reports of a year's periods
 * are never added up: an annual report and four quarterly ones are five different duties.
 */
final class PeriodReportsSheet {

    static final String[] SUMMARY_HEADERS = {"Báo cáo phải nộp", "Đã nộp", "Đúng hạn", "Trễ hạn", "Đã duyệt",
            "Tỷ lệ nộp báo cáo"};
    static final String[] SUMMARY_HEADERS_EN = {"Reports expected", "Submitted", "On time", "Late", "Approved",
            "Reporting rate"};
    static final int SUMMARY_ROW = 3;
    static final String[] CHILD_HEADERS = {"Mã đơn vị", "Tên đơn vị", "Báo cáo phải nộp", "Đã nộp",
            "Tỷ lệ nộp báo cáo"};
    static final String[] CHILD_HEADERS_EN = {"Unit id", "Unit", "Reports expected", "Submitted", "Reporting rate"};
    static final int CHILD_HEADER_ROW = 7;
    static final int FIRST_CHILD_ROW = CHILD_HEADER_ROW + 2;

    /** The sheet's name: "Báo cáo " and the period's id, as far as a sheet name allows. */
    static String name(PeriodReports reports) {
        return WorkbookUtil.createSafeSheetName("Báo cáo " + reports.period().id());
    }

    static void write(Sheets sheets, PeriodReports reports, String unitName) {
        Completeness completeness = reports.completeness();
        Sheet sheet = sheets.workbook.createSheet(name(reports));
        Sheets.cell(sheet.createRow(0), 0, reports.period().title() + " — " + unitName, sheets.title);
        Sheets.cell(sheet.createRow(1), 0, "Reports of the period " + reports.period().id() + " ("
                + reports.period().from() + " – " + reports.period().to() + ") for " + unitName + " ("
                + completeness.unitId() + "); " + "each period is counted on its own", sheets.subtitle);
        headers(sheets, sheet, SUMMARY_ROW, SUMMARY_HEADERS, SUMMARY_HEADERS_EN);
        Row summary = sheet.createRow(SUMMARY_ROW + 2);
        long[] counts = {completeness.expected(), completeness.submitted(), completeness.onTime(), completeness.late(),
                completeness.approved()};
        for (int i = 0; i < counts.length; i++) {
            Sheets.cell(summary, i, counts[i], sheets.numberBold);
        }
        Sheets.cell(summary, counts.length, completeness.reportingRate(), sheets.percentBold);

        headers(sheets, sheet, CHILD_HEADER_ROW, CHILD_HEADERS, CHILD_HEADERS_EN);
        int rowIndex = FIRST_CHILD_ROW;
        for (Completeness.ChildCompleteness child : completeness.byChild()) {
            Row row = sheet.createRow(rowIndex++);
            Sheets.cell(row, 0, child.unitId(), sheets.text);
            Sheets.cell(row, 1, child.name(), sheets.text);
            Sheets.cell(row, 2, child.expected(), sheets.number);
            Sheets.cell(row, 3, child.submitted(), sheets.number);
            Sheets.cell(row, 4, child.reportingRate(), sheets.percent);
        }
        sheet.createFreezePane(2, FIRST_CHILD_ROW);
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        for (int column = 2; column < SUMMARY_HEADERS.length; column++) {
            sheet.setColumnWidth(column, 14 * 256);
        }
        Sheets.printable(sheet, CHILD_HEADER_ROW + 1, 2);
    }

    private static void headers(Sheets sheets, Sheet sheet, int rowIndex, String[] vietnamese, String[] english) {
        Row header = sheet.createRow(rowIndex);
        Row headerEn = sheet.createRow(rowIndex + 1);
        for (int i = 0; i < vietnamese.length; i++) {
            Sheets.cell(header, i, vietnamese[i], sheets.header);
            Sheets.cell(headerEn, i, english[i], sheets.headerEn);
        }
        header.setHeightInPoints(30);
    }

    private PeriodReportsSheet() {
    }
}
