package vn.neuguong.pledge.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.pledge.pledge.CommitmentArea;
import vn.neuguong.pledge.pledge.PledgeRequest;

class CsvPledgeReaderTest {

    private static Reader example() {
        return new InputStreamReader(CsvPledgeReaderTest.class.getResourceAsStream("/imports/pledges-example.csv"),
                StandardCharsets.UTF_8);
    }

    private static List<PledgeDraft> readAll(Reader reader) throws Exception {
        List<PledgeDraft> drafts = new ArrayList<>();
        try (CsvPledgeReader csv = new CsvPledgeReader(reader)) {
            for (PledgeDraft draft = csv.next(); draft != null; draft = csv.next()) {
                drafts.add(draft);
            }
        }
        return drafts;
    }

    @Test
    void consecutiveRowsOfAPledgerFormOnePledge() throws Exception {
        List<PledgeDraft> drafts = readAll(example());

        // numbered as the spreadsheet shows them: the header is row 1
        assertThat(drafts).extracting(PledgeDraft::rows).containsExactly(List.of(2L, 3L), List.of(4L), List.of(5L),
                List.of(6L, 7L), List.of(8L), List.of(9L), List.of(10L));
        assertThat(drafts.get(0).request().commitments()).hasSize(2);
        assertThat(drafts.get(0).request().pledger().fullName()).isEqualTo("Lò Văn Pọm");
        assertThat(drafts.get(2).request().pledger().kind()).isEqualTo(PledgerKind.COLLECTIVE);
        assertThat(drafts.get(2).request().commitments().get(0).action()).contains("\"Thôn không có ma túy\"");
        assertThat(CsvPledgeReader.countRows(example())).isEqualTo(9);
    }

    @Test
    void theSigningDayOfAPledgeIsTakenFromItsFirstRowAsVietnameseOrIsoDate() throws Exception {
        String csv = "Năm;Mã đơn vị;Loại;Mã đảng viên;Nội dung đăng ký;Ngày ký\n"
                + "2026;w-1;Cá nhân;m-1;Vận động 10 hộ;05/02/2026\n"
                + "2026;w-1;Cá nhân;m-1;Trồng 20 cây;\n"
                + "2026;w-1;Cá nhân;m-2;Trồng 30 cây;2026-04-02\n"
                + "2026;w-1;Cá nhân;m-3;Trồng 40 cây;\n"
                + "2026;w-1;Cá nhân;m-4;Trồng 50 cây;mùng 5 tháng 2\n";

        List<PledgeDraft> drafts = readAll(new StringReader(csv));

        assertThat(drafts).extracting(PledgeDraft::signedOn).containsExactly(LocalDate.of(2026, 2, 5),
                LocalDate.of(2026, 4, 2), null, null);
        assertThat(drafts.get(3).unreadable()).containsExactly(new RejectedRow(6,
                List.of(new FieldProblem("signedOn", "must be a date like 2026-09-30 or 30/9/2026"))));
    }

    /** Blank lines, and the rows of empty cells a spreadsheet saves for blank rows, are skipped but counted. */
    @Test
    void blankRowsAreSkippedAndCountedInTheRowNumbers() throws Exception {
        List<String> lines = new String(CsvPledgeReaderTest.class.getResourceAsStream("/imports/pledges-example.csv")
                .readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        List<String> withBlanks = new ArrayList<>(lines);
        withBlanks.add(3, ",,,,,,,,,,,,,");
        withBlanks.add(1, "");
        String csv = String.join("\r\n", withBlanks) + "\r\n\r\n";

        List<PledgeDraft> drafts = readAll(new StringReader(csv));

        assertThat(drafts).extracting(PledgeDraft::rows).containsExactly(List.of(3L, 4L), List.of(6L), List.of(7L),
                List.of(8L, 9L), List.of(10L), List.of(11L), List.of(12L));
        assertThat(drafts.get(4).unreadable().get(0).row()).isEqualTo(10);
        assertThat(CsvPledgeReader.countRows(new StringReader(csv))).isEqualTo(9);
    }

    @Test
    void unreadableValuesAreReportedAtTheirRowAndColumn() throws Exception {
        PledgeDraft leisure = readAll(example()).get(4);

        assertThat(leisure.request()).isNull();
        assertThat(leisure.unreadable()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(8);
            assertThat(row.errors()).extracting(FieldProblem::field).containsExactly("area");
        });
    }

    @Test
    void validatorPathsAreLocatedInTheFile() throws Exception {
        String csv = "year,unitId,pledgerKind,memberId,fullName,action,dueDate\n"
                + "2026,c,INDIVIDUAL,m1,A,Việc một,2026-01-01\n2026,c,INDIVIDUAL,m1,A,Việc hai,2027-01-01\n";
        try (CsvPledgeReader reader = new CsvPledgeReader(new StringReader(csv))) {
            PledgeDraft draft = reader.next();
            RejectedRow dueDate = reader.locate(draft, new FieldProblem("commitments[1].dueDate", "must be within 2026"));
            RejectedRow memberId = reader.locate(draft, new FieldProblem("pledger.memberId", "is required"));

            assertThat(dueDate.row()).isEqualTo(3);
            assertThat(dueDate.errors().get(0).field()).isEqualTo("dueDate");
            assertThat(memberId.row()).isEqualTo(2);
            assertThat(memberId.errors().get(0).field()).isEqualTo("memberId");
        }
    }

    @Test
    void aPledgerWhoseRowsAreNotConsecutiveIsRejected() throws Exception {
        String csv = "\uFEFFyear,unitId,pledgerKind,memberId,action\n2026,c,INDIVIDUAL,m1,Một\n"
                + "2026,c,INDIVIDUAL,m2,Hai\n2026,c,INDIVIDUAL,m1,Ba\n";

        List<PledgeDraft> drafts = readAll(new StringReader(csv));

        assertThat(drafts).hasSize(3);
        assertThat(drafts.get(2).request()).isNull();
        assertThat(drafts.get(2).unreadable().get(0).errors().get(0).message()).contains("row 2");
    }

    @Test
    void unknownColumnsFailTheWholeFile() {
        assertThatThrownBy(() -> new CsvPledgeReader(new StringReader("year,unitId,pledgerKind,action,status\n")))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> new CsvPledgeReader(new StringReader("year,unitId,pledgerKind\n")))
                .hasMessageContaining("action");
    }

    @Test
    void vietnameseExcelFilesAreReadSemicolonsVietnameseHeadersAndValuesAndDayMonthYearDates() throws Exception {
        String csv = "\uFEFFNăm;Mã đơn vị;Loại;Mã đảng viên;Họ và tên;Nhóm nội dung;Nội dung đăng ký;Chỉ tiêu;Thời hạn\r\n"
                + "2026;c;Cá nhân;m1;Hà Thị Mười;Nhiệm vụ;\"Vận động 30 hộ; hiến đất\";30 hộ;30/9/2026\r\n"
                + "2026;c;Tập thể;;;Đột phá;Xây dựng mô hình;1 mô hình;\r\n";

        List<PledgeDraft> drafts = readAll(new StringReader(csv));

        assertThat(drafts).extracting(PledgeDraft::rows).containsExactly(List.of(2L), List.of(3L));
        PledgeRequest first = drafts.get(0).request();
        assertThat(first.pledger().kind()).isEqualTo(PledgerKind.INDIVIDUAL);
        assertThat(first.commitments().get(0).area()).isEqualTo(CommitmentArea.DUTY);
        assertThat(first.commitments().get(0).action()).isEqualTo("Vận động 30 hộ; hiến đất");
        assertThat(first.commitments().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(drafts.get(1).request().pledger().kind()).isEqualTo(PledgerKind.COLLECTIVE);
        assertThat(drafts.get(1).request().commitments().get(0).area()).isEqualTo(CommitmentArea.BREAKTHROUGH);
        assertThat(CsvPledgeReader.countRows(new StringReader(csv))).isEqualTo(2);
    }

    @Test
    void tabSeparatedUnicodeTextIsRead() throws Exception {
        String csv = "year\tunitId\tpledgerKind\tmemberId\taction\n2026\tc\tINDIVIDUAL\tm1\tMột, hai\n";

        assertThat(readAll(new StringReader(csv)).get(0).request().commitments().get(0).action()).isEqualTo("Một, hai");
    }
}
