package vn.neuguong.reporting.export;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.neuguong.reporting.export.AggregateColumns.Column;

/**
 * An aggregate table as an XLSX workbook: a title, Vietnamese headers with the English ones in the row below, the
 * unit's own row (bold) and one row per child; figures are numeric cells, the header rows are frozen and repeated
 * on every printed page. Then one sheet per reporting period ending in the year ({@link PeriodReportsSheet}).
 */
final class AggregateWorkbook {

    static final int HEADER_ROW = 3;
    static final int FIRST_DATA_ROW = 5;
    static final String[] KEY_HEADERS = {"Mã đơn vị", "Tên đơn vị", "Cấp"};
    static final String[] KEY_HEADERS_EN = {"Unit id", "Unit", "Level"};

    static byte[] write(AggregateTable table, List<PeriodReports> periods) {
        Sheets sheets = new Sheets();
        Sheet sheet = sheets.workbook.createSheet("Số liệu " + table.year());
        Sheets.cell(sheet.createRow(0), 0, "Số liệu thực hiện Chỉ thị 05-CT/TW năm " + table.year() + " — "
                + table.unitName(), sheets.title);
        Sheets.cell(sheet.createRow(1), 0, "Figures of " + table.year() + " for " + table.unitName() + " ("
                + table.unitId() + ") and its units, structure: " + table.structure(), sheets.subtitle);
        int lastColumn = KEY_HEADERS.length + AggregateColumns.ALL.size() - 1;
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.min(lastColumn, 12)));
        Row header = sheet.createRow(HEADER_ROW);
        Row headerEn = sheet.createRow(HEADER_ROW + 1);
        for (int i = 0; i < KEY_HEADERS.length; i++) {
            Sheets.cell(header, i, KEY_HEADERS[i], sheets.header);
            Sheets.cell(headerEn, i, KEY_HEADERS_EN[i], sheets.headerEn);
        }
        for (int i = 0; i < AggregateColumns.ALL.size(); i++) {
            Column column = AggregateColumns.ALL.get(i);
            Sheets.cell(header, KEY_HEADERS.length + i, column.header(), sheets.header);
            Sheets.cell(headerEn, KEY_HEADERS.length + i, column.headerEn(), sheets.headerEn);
        }
        int rowIndex = FIRST_DATA_ROW;
        writeRow(sheets, sheet.createRow(rowIndex++), table.unit(), true);
        for (AggregateTable.Row child : table.children()) {
            writeRow(sheets, sheet.createRow(rowIndex++), child, false);
        }
        sheet.createFreezePane(2, FIRST_DATA_ROW);
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        for (int column = KEY_HEADERS.length; column <= lastColumn; column++) {
            sheet.setColumnWidth(column, 14 * 256);
        }
        header.setHeightInPoints(45);
        headerEn.setHeightInPoints(30);
        Sheets.printable(sheet, HEADER_ROW + 1, 3);
        for (PeriodReports period : periods) {
            PeriodReportsSheet.write(sheets, period, table.unitName());
        }
        return sheets.bytes();
    }

    private static void writeRow(Sheets sheets, Row row, AggregateTable.Row data, boolean bold) {
        Sheets.cell(row, 0, data.unitId(), bold ? sheets.textBold : sheets.text);
        Sheets.cell(row, 1, data.name(), bold ? sheets.textBold : sheets.text);
        Sheets.cell(row, 2, data.level(), bold ? sheets.textBold : sheets.text);
        for (int i = 0; i < AggregateColumns.ALL.size(); i++) {
            Column column = AggregateColumns.ALL.get(i);
            Number value = column.value().apply(data.figures());
            Sheets.cell(row, KEY_HEADERS.length + i, value == null ? 0 : value.doubleValue(), column.ratio()
                    ? (bold ? sheets.percentBold : sheets.percent) : (bold ? sheets.numberBold : sheets.number));
        }
    }

    private AggregateWorkbook() {
    }
}
