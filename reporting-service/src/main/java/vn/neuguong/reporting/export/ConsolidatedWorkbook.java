package vn.neuguong.reporting.export;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import vn.neuguong.reporting.report.ConsolidatedReport;
import vn.neuguong.reporting.report.ConsolidatedReport.ChildReport;
import vn.neuguong.reporting.report.Indicator;
import vn.neuguong.reporting.report.MissingUnit;
import vn.neuguong.reporting.report.Narrative;

/**
 * A unit's consolidated report of a period as a workbook the board can print: the indicator sums, the children's
 * indicators, their narratives side by side, and the children that have not reported. Every sheet has a title,
 * frozen header rows (Vietnamese, then English) repeated on each printed page, and A4 landscape page setup.
 */
final class ConsolidatedWorkbook {

    static final String SUMS_SHEET = "Tổng hợp";
    static final String INDICATORS_SHEET = "Chỉ tiêu đơn vị";
    static final String NARRATIVES_SHEET = "Nội dung báo cáo";
    static final String MISSING_SHEET = "Chưa báo cáo";
    static final int HEADER_ROW = 3;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static byte[] write(ConsolidatedReport report) {
        Sheets sheets = new Sheets();
        sums(sheets, report);
        indicators(sheets, report);
        narratives(sheets, report);
        missing(sheets, report);
        return sheets.bytes();
    }

    private static void sums(Sheets sheets, ConsolidatedReport report) {
        Sheet sheet = titled(sheets, SUMS_SHEET, report, "Indicator sums of the units' reports");
        headers(sheets, sheet, new String[] {"Chỉ tiêu", "Tổng cộng"}, new String[] {"Indicator", "Total"});
        int rowIndex = HEADER_ROW + 2;
        for (Indicator indicator : Indicator.values()) {
            Row row = sheet.createRow(rowIndex++);
            Sheets.cell(row, 0, indicator.label() + " (" + indicator.labelEn() + ")", sheets.text);
            Sheets.cell(row, 1, report.indicatorSums().getOrDefault(indicator.code(), 0L), sheets.number);
        }
        Row submitted = sheet.createRow(rowIndex + 1);
        Sheets.cell(submitted, 0, "Đơn vị đã báo cáo / phải báo cáo (Units reported / expected)", sheets.textBold);
        Sheets.cell(submitted, 1, report.childrenSubmitted() + " / " + report.childrenExpected(), sheets.textBold);
        sheet.setColumnWidth(0, 70 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        finish(sheet, 0);
    }

    private static void indicators(Sheets sheets, ConsolidatedReport report) {
        Sheet sheet = titled(sheets, INDICATORS_SHEET, report, "Indicators of each unit's report");
        Indicator[] all = Indicator.values();
        String[] vietnamese = new String[6 + all.length];
        String[] english = new String[6 + all.length];
        String[][] fixed = {{"Mã đơn vị", "Unit id"}, {"Tên đơn vị", "Unit"}, {"Trạng thái", "Status"},
                {"Đúng hạn", "On time"}, {"Đính chính", "Corrected"}, {"Ngày nộp", "Submitted at"}};
        for (int i = 0; i < fixed.length; i++) {
            vietnamese[i] = fixed[i][0];
            english[i] = fixed[i][1];
        }
        for (int i = 0; i < all.length; i++) {
            vietnamese[fixed.length + i] = all[i].label();
            english[fixed.length + i] = all[i].labelEn();
        }
        headers(sheets, sheet, vietnamese, english);
        int rowIndex = HEADER_ROW + 2;
        for (ChildReport child : report.reports()) {
            Row row = sheet.createRow(rowIndex++);
            Sheets.cell(row, 0, child.unitId(), sheets.text);
            Sheets.cell(row, 1, child.unitName(), sheets.text);
            Sheets.cell(row, 2, Labels.status(child.status()), sheets.text);
            Sheets.cell(row, 3, child.onTime() ? "Có (yes)" : "Muộn (late)", sheets.text);
            Sheets.cell(row, 4, child.corrected() ? "Lần " + child.revision() + " (revision " + child.revision() + ")"
                    : "", sheets.text);
            Sheets.cell(row, 5, child.submittedAt() == null ? "" : DATE_TIME.format(child.submittedAt()), sheets.text);
            for (int i = 0; i < all.length; i++) {
                Long value = child.indicators().get(all[i].code());
                if (value != null) {
                    Sheets.cell(row, fixed.length + i, value, sheets.number);
                }
            }
        }
        sheet.setColumnWidth(1, 30 * 256);
        for (int column = 2; column < vietnamese.length; column++) {
            sheet.setColumnWidth(column, 15 * 256);
        }
        finish(sheet, 2);
    }

    private static void narratives(Sheets sheets, ConsolidatedReport report) {
        Sheet sheet = titled(sheets, NARRATIVES_SHEET, report, "The units' narratives side by side");
        headers(sheets, sheet, new String[] {"Tên đơn vị", "Kết quả", "Hạn chế", "Bài học kinh nghiệm", "Kiến nghị"},
                new String[] {"Unit", "Results", "Limitations", "Lessons", "Proposals"});
        int rowIndex = HEADER_ROW + 2;
        for (ChildReport child : report.reports()) {
            Narrative narrative = child.narrative() == null ? new Narrative(null, null, null, null) : child.narrative();
            Row row = sheet.createRow(rowIndex++);
            Sheets.cell(row, 0, child.unitName(), sheets.wrapped);
            Sheets.cell(row, 1, narrative.results(), sheets.wrapped);
            Sheets.cell(row, 2, narrative.limitations(), sheets.wrapped);
            Sheets.cell(row, 3, narrative.lessons(), sheets.wrapped);
            Sheets.cell(row, 4, narrative.proposals(), sheets.wrapped);
        }
        sheet.setColumnWidth(0, 22 * 256);
        for (int column = 1; column <= 4; column++) {
            sheet.setColumnWidth(column, 45 * 256);
        }
        finish(sheet, 1);
    }

    private static void missing(Sheets sheets, ConsolidatedReport report) {
        Sheet sheet = titled(sheets, MISSING_SHEET, report, "Units that have not reported");
        headers(sheets, sheet, new String[] {"Mã đơn vị", "Tên đơn vị", "Cấp", "Hạn nộp"},
                new String[] {"Unit id", "Unit", "Level", "Due date"});
        int rowIndex = HEADER_ROW + 2;
        List<MissingUnit> missing = report.missing();
        for (MissingUnit unit : missing) {
            Row row = sheet.createRow(rowIndex++);
            Sheets.cell(row, 0, unit.unitId(), sheets.text);
            Sheets.cell(row, 1, unit.name(), sheets.text);
            Sheets.cell(row, 2, Labels.level(unit.level()), sheets.text);
            Sheets.cell(row, 3, DATE.format(unit.dueDate()), sheets.text);
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        sheet.setColumnWidth(3, 14 * 256);
        finish(sheet, 0);
    }

    private static Sheet titled(Sheets sheets, String name, ConsolidatedReport report, String english) {
        Sheet sheet = sheets.workbook.createSheet(name);
        Sheets.cell(sheet.createRow(0), 0, "Báo cáo tổng hợp — " + report.periodTitle() + " — " + report.unitName(),
                sheets.title);
        Sheets.cell(sheet.createRow(1), 0, english + ": period " + report.periodId() + ", " + report.unitName()
                + " (" + report.unitId() + ")", sheets.subtitle);
        return sheet;
    }

    private static void headers(Sheets sheets, Sheet sheet, String[] vietnamese, String[] english) {
        Row header = sheet.createRow(HEADER_ROW);
        Row headerEn = sheet.createRow(HEADER_ROW + 1);
        for (int i = 0; i < vietnamese.length; i++) {
            Sheets.cell(header, i, vietnamese[i], sheets.header);
            Sheets.cell(headerEn, i, english[i], sheets.headerEn);
        }
    }

    private static void finish(Sheet sheet, int frozenColumns) {
        sheet.createFreezePane(frozenColumns, HEADER_ROW + 2);
        Sheets.printable(sheet, HEADER_ROW + 1, 2);
    }

    private ConsolidatedWorkbook() {
    }
}
