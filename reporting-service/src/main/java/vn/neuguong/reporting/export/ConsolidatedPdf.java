package vn.neuguong.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.neuguong.reporting.report.ConsolidatedReport;
import vn.neuguong.reporting.report.Indicator;
import vn.neuguong.reporting.report.MissingUnit;
import vn.neuguong.reporting.report.Narrative;

/**
 * The consolidated report of a unit for a period as a PDF laid out like a Vietnamese party report: the issuing
 * committee and number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with place and date on the right, the title, the body
 * (figures of the units below, the unit's own assessment, who has not reported), then where it is sent and the
 * signature block. The font is Liberation Sans as bundled in PDFBox (SIL Open Font License), which has every glyph
 * Vietnamese needs, embedded as a subset.
 */
final class ConsolidatedPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN_LEFT = 85;
    private static final float MARGIN_RIGHT = 57;
    private static final float MARGIN_TOP = 57;
    private static final float MARGIN_BOTTOM = 57;
    private static final float BODY_SIZE = 12;
    private static final float LEADING = 1.45f;

    /** Who issues the report: the lines naming its committee (upper case, as headed), and where. */
    record Issuer(List<String> committee, String place) {
    }

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private PDPageContentStream page;
    private float y;

    private ConsolidatedPdf() throws IOException {
        try (InputStream in = ConsolidatedPdf.class.getResourceAsStream(FONT)) {
            font = PDType0Font.load(document, in);
        }
    }

    static byte[] write(ConsolidatedReport report, Issuer issuer, Narrative narrative, LocalDate day) {
        try {
            ConsolidatedPdf pdf = new ConsolidatedPdf();
            return pdf.render(report, issuer, narrative, day);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF report", e);
        }
    }

    private byte[] render(ConsolidatedReport report, Issuer issuer, Narrative narrative, LocalDate day)
            throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Báo cáo " + report.periodTitle() + " — " + report.unitName());
        info.setCreator("NêuGương");
        newPage();
        heading(issuer, day);
        centred("BÁO CÁO", 15);
        y -= 4;
        for (String line : wrap("Kết quả thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị — " + report.periodTitle(),
                BODY_SIZE, width())) {
            centred(line, BODY_SIZE);
        }
        centred("-----", BODY_SIZE);
        y -= 8;

        section("I. KẾT QUẢ THỰC HIỆN");
        paragraph("Số đơn vị trực thuộc phải báo cáo: " + report.childrenExpected() + "; đã báo cáo: "
                + report.childrenSubmitted() + ".");
        for (Indicator indicator : Indicator.values()) {
            Long sum = report.indicatorSums().get(indicator.code());
            paragraph("- " + indicator.label() + ": " + (sum == null ? "—" : String.format(Locale.ROOT, "%,d", sum)
                    .replace(',', '.')) + ".");
        }
        section("II. ĐÁNH GIÁ CHUNG");
        Narrative own = narrative == null ? new Narrative(null, null, null, null) : narrative;
        narrativePart("1. Kết quả đạt được", own.results());
        narrativePart("2. Hạn chế, nguyên nhân", own.limitations());
        narrativePart("3. Bài học kinh nghiệm", own.lessons());
        narrativePart("4. Kiến nghị, đề xuất", own.proposals());
        if (!report.missing().isEmpty()) {
            section("III. ĐƠN VỊ CHƯA BÁO CÁO");
            List<String> names = report.missing().stream().map(MissingUnit::name).toList();
            paragraph(String.join(", ", names) + ".");
        }
        signature(issuer);
        page.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }

    private void heading(Issuer issuer, LocalDate day) throws IOException {
        float half = width() / 2;
        float top = y;
        List<String> left = new ArrayList<>(issuer.committee());
        left.add("*");
        left.add("Số:      -BC/ĐU");
        for (String line : left) {
            for (String part : wrap(line, 11, half - 10)) {
                text(part, MARGIN_LEFT + (half - textWidth(part, 11)) / 2, y, 11);
                y -= 11 * LEADING;
            }
        }
        float leftBottom = y;
        y = top;
        String party = "ĐẢNG CỘNG SẢN VIỆT NAM";
        float partyX = MARGIN_LEFT + half + (half - textWidth(party, 12)) / 2;
        text(party, partyX, y, 12);
        page.moveTo(partyX, y - 2);
        page.lineTo(partyX + textWidth(party, 12), y - 2);
        page.stroke();
        y -= 12 * LEADING * 1.6f;
        String date = issuer.place() + ", ngày " + day.getDayOfMonth() + " tháng " + day.getMonthValue() + " năm "
                + day.getYear();
        for (String part : wrap(date, 11, half - 10)) {
            text(part, MARGIN_LEFT + half + (half - textWidth(part, 11)) / 2, y, 11);
            y -= 11 * LEADING;
        }
        y = Math.min(y, leftBottom) - 18;
    }

    private void signature(Issuer issuer) throws IOException {
        needSpace(9 * BODY_SIZE * LEADING);
        y -= 12;
        float top = y;
        float half = width() / 2;
        for (String line : List.of("Nơi nhận:", "- Cấp uỷ cấp trên,", "- Các đơn vị trực thuộc,", "- Lưu Văn phòng cấp uỷ.")) {
            text(line, MARGIN_LEFT, y, 10);
            y -= 10 * LEADING;
        }
        y = top;
        for (String line : List.of("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "", "", "(Ký tên, đóng dấu)")) {
            if (!line.isEmpty()) {
                text(line, MARGIN_LEFT + half + (half - textWidth(line, BODY_SIZE)) / 2, y, BODY_SIZE);
            }
            y -= BODY_SIZE * LEADING;
        }
    }

    private void section(String title) throws IOException {
        needSpace(3 * BODY_SIZE * LEADING);
        y -= 6;
        text(title, MARGIN_LEFT, y, BODY_SIZE + 0.5f);
        y -= BODY_SIZE * LEADING + 2;
    }

    private void narrativePart(String title, String text) throws IOException {
        paragraph(title + ":");
        paragraph(text == null || text.isBlank() ? "(Đơn vị chưa nhập nội dung này.)" : text.strip());
    }

    private void paragraph(String text) throws IOException {
        for (String line : text.split("\\R")) {
            for (String part : wrap(line, BODY_SIZE, width())) {
                needSpace(BODY_SIZE * LEADING);
                text(part, MARGIN_LEFT, y, BODY_SIZE);
                y -= BODY_SIZE * LEADING;
            }
        }
        y -= 3;
    }

    private void centred(String line, float size) throws IOException {
        needSpace(size * LEADING);
        text(line, MARGIN_LEFT + (width() - textWidth(line, size)) / 2, y, size);
        y -= size * LEADING;
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && textWidth(candidate, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void text(String text, float x, float atY, float size) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(text);
        page.endText();
    }

    private void needSpace(float height) throws IOException {
        if (y - height < MARGIN_BOTTOM) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        page.setLineWidth(0.6f);
        y = next.getMediaBox().getHeight() - MARGIN_TOP;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
    }
}
