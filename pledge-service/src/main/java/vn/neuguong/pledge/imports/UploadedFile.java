package vn.neuguong.pledge.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import vn.neuguong.platform.web.InvalidInputException;

/**
 * Brings an uploaded file to the one shape the readers take, UTF-8 text, before it is queued, so a file that cannot be
 * read is refused at once with a clear 400 instead of failing later: what Vietnamese Excel saves — UTF-8 with or
 * without a byte order mark, UTF-16 ("Unicode text", tab separated) and XLSX workbooks — is converted; a file in a
 * legacy encoding such as Windows-1258 is refused with how to save it again. A few malformed bytes in an otherwise
 * UTF-8 file are left to the reader, which rejects only their rows.
 */
final class UploadedFile {

    static final String LEGACY_ENCODING = "is not UTF-8 or UTF-16: it looks like Windows-1258 or another legacy "
            + "encoding; in Excel, save it as \"CSV UTF-8 (Comma delimited)\" or as an Excel workbook (.xlsx)";
    private static final int SAMPLE_BYTES = 64 * 1024;
    /** Above this share of malformed lines in the sample, the file is in another encoding, not damaged here and there. */
    private static final double LEGACY_LINE_SHARE = 0.2;

    private UploadedFile() {
    }

    /** The file as UTF-8 text in the format its reader takes (a workbook becomes CSV), replacing {@code file}. */
    static ImportFormat normalize(ImportFormat format, Path file) throws IOException {
        if (format == ImportFormat.XLSX) {
            workbookToCsv(file);
            return ImportFormat.CSV;
        }
        byte[] head = new byte[SAMPLE_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        Charset utf16 = utf16ByBom(head, length);
        if (utf16 != null) {
            transcode(file, utf16);
        } else if (!startsWithUtf8Bom(head, length) && looksLegacy(head, length)) {
            throw new InvalidInputException("file", LEGACY_ENCODING);
        }
        return format;
    }

    /** UTF-16 when the file starts with its byte order mark (either order); the decoder consumes the mark. */
    private static Charset utf16ByBom(byte[] head, int length) {
        boolean littleEndian = length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE;
        boolean bigEndian = length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
        return littleEndian || bigEndian ? StandardCharsets.UTF_16 : null;
    }

    private static boolean startsWithUtf8Bom(byte[] head, int length) {
        return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    /** The header line is malformed UTF-8, or many lines of the sample are. */
    static boolean looksLegacy(byte[] head, int length) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < length && length < SAMPLE_BYTES) {
            lines.add(new int[] {start, length});
        }
        if (lines.isEmpty()) {
            return false;
        }
        int malformed = 0;
        for (int[] line : lines) {
            if (!validUtf8(head, line[0], line[1] - line[0])) {
                malformed++;
            }
        }
        return !validUtf8(head, lines.get(0)[0], lines.get(0)[1] - lines.get(0)[0])
                || malformed > LEGACY_LINE_SHARE * lines.size();
    }

    private static boolean validUtf8(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void transcode(Path file, Charset charset) throws IOException {
        Path utf8 = file.resolveSibling(file.getFileName() + ".utf8");
        try (Reader in = Files.newBufferedReader(file, charset);
             BufferedWriter out = Files.newBufferedWriter(utf8, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        Files.move(utf8, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The first sheet as CSV: cells as Excel shows them, dates as yyyy-MM-dd, empty rows kept so numbers match. */
    private static void workbookToCsv(Path file) throws IOException {
        Path csv = file.resolveSibling(file.getFileName() + ".csv");
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true);
             CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0 : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(row == null ? "" : text(row.getCell(c), formatter));
                }
                out.printRecord(cells);
            }
        } catch (IOException | RuntimeException unreadable) {
            Files.deleteIfExists(csv);
            throw new InvalidInputException("file", "is not a readable Excel workbook (.xlsx)");
        }
        Files.move(csv, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }
}
