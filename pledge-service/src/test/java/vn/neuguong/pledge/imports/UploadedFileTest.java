package vn.neuguong.pledge.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.neuguong.platform.web.InvalidInputException;

class UploadedFileTest {

    private static final String TEXT = "Năm;Mã đơn vị;Loại;Nội dung đăng ký\r\n2026;w-05569;Cá nhân;Vận động 30 hộ hiến đất\r\n";

    @TempDir
    Path directory;

    @Test
    void utf16UnicodeTextBecomesUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(TEXT.getBytes(StandardCharsets.UTF_16LE));
        Path file = write(bytes.toByteArray());

        assertThat(UploadedFile.normalize(ImportFormat.CSV, file)).isEqualTo(ImportFormat.CSV);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    @Test
    void utf8WithOrWithoutByteOrderMarkIsKept() throws Exception {
        Path plain = write(TEXT.getBytes(StandardCharsets.UTF_8));
        UploadedFile.normalize(ImportFormat.CSV, plain);
        assertThat(Files.readString(plain)).isEqualTo(TEXT);

        Path withBom = write(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8));
        UploadedFile.normalize(ImportFormat.CSV, withBom);
        assertThat(Files.readString(withBom)).isEqualTo("\uFEFF" + TEXT);
    }

    @Test
    void aWindows1258FileIsRefusedWithHowToSaveItAgain() throws Exception {
        Path file = write(TEXT.getBytes(Charset.forName("windows-1258")));

        assertThatThrownBy(() -> UploadedFile.normalize(ImportFormat.CSV, file))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).message())
                        .contains("Windows-1258", "CSV UTF-8"));
    }

    @Test
    void aStrayBadByteInAUtf8FileIsLeftToTheReaderOfItsRow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(TEXT.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            bytes.write("2026;w-05569;Cá nhân;Tổ chức 4 buổi sinh hoạt\r\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.write(new byte[] {'2', '0', '2', '6', ';', (byte) 0xC3, '\r', '\n'});
        Path file = write(bytes.toByteArray());

        assertThat(UploadedFile.normalize(ImportFormat.CSV, file)).isEqualTo(ImportFormat.CSV);
    }

    @Test
    void anExcelWorkbookBecomesCsvWithItsDatesAsIsoDates() throws Exception {
        Path file = directory.resolve("upload.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Đăng ký");
            Row header = sheet.createRow(0);
            String[] headers = {"Năm", "Mã đơn vị", "Loại", "Nội dung đăng ký", "Thời hạn"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(2026);
            row.createCell(1).setCellValue("w-05569");
            row.createCell(2).setCellValue("Cá nhân");
            row.createCell(3).setCellValue("Vận động 30 hộ, hiến đất");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(4).setCellValue(LocalDate.of(2026, 9, 30));
            row.getCell(4).setCellStyle(dateStyle);
            workbook.write(out);
        }

        assertThat(UploadedFile.normalize(ImportFormat.XLSX, file)).isEqualTo(ImportFormat.CSV);

        assertThat(Files.readString(file)).isEqualTo("Năm,Mã đơn vị,Loại,Nội dung đăng ký,Thời hạn\r\n"
                + "2026,w-05569,Cá nhân,\"Vận động 30 hộ, hiến đất\",2026-09-30\r\n");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() throws Exception {
        Path file = write("not a workbook".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> UploadedFile.normalize(ImportFormat.XLSX, file)).isInstanceOf(InvalidInputException.class);
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(directory, "upload", ".csv");
        Files.write(file, bytes);
        return file;
    }
}
