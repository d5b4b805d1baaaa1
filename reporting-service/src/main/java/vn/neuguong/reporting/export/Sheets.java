package vn.neuguong.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cell styles and page setup shared by the workbooks this service exports. */
final class Sheets {

    /** Small enough for about ten figure columns per A4 landscape page, large enough to read. */
    private static final short PRINT_SCALE_PERCENT = 80;

    final XSSFWorkbook workbook = new XSSFWorkbook();
    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle headerEn;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle number;
    final CellStyle numberBold;
    final CellStyle percent;
    final CellStyle percentBold;
    final CellStyle textBold;

    Sheets() {
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        Font italic = workbook.createFont();
        italic.setItalic(true);
        subtitle = workbook.createCellStyle();
        subtitle.setFont(italic);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = bordered(workbook.createCellStyle());
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        headerEn = bordered(workbook.createCellStyle());
        headerEn.setFont(italic);
        headerEn.setWrapText(true);
        text = bordered(workbook.createCellStyle());
        textBold = bordered(workbook.createCellStyle());
        textBold.setFont(bold);
        wrapped = bordered(workbook.createCellStyle());
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        short integer = workbook.createDataFormat().getFormat("#,##0");
        short ratio = workbook.createDataFormat().getFormat("0.00%");
        number = bordered(workbook.createCellStyle());
        number.setDataFormat(integer);
        numberBold = bordered(workbook.createCellStyle());
        numberBold.setDataFormat(integer);
        numberBold.setFont(bold);
        percent = bordered(workbook.createCellStyle());
        percent.setDataFormat(ratio);
        percentBold = bordered(workbook.createCellStyle());
        percentBold.setDataFormat(ratio);
        percentBold.setFont(bold);
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    /**
     * A4 landscape at a legible scale: a wide sheet continues on further pages (never squeezed onto one), each page
     * repeating the header rows and the first {@code keyColumns} columns (which unit a row is).
     */
    static void printable(Sheet sheet, int lastHeaderRow, int keyColumns) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setScale(PRINT_SCALE_PERCENT);
        sheet.setFitToPage(false);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(new CellRangeAddress(0, lastHeaderRow, -1, -1));
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, keyColumns - 1));
        sheet.getFooter().setCenter("Trang &P / &N");
    }

    static Cell cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
        return cell;
    }

    static Cell cell(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    byte[] bytes() {
        try (Workbook closing = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workbook", e);
        }
    }
}
