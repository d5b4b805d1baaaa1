package vn.neuguong.reporting.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.neuguong.platform.web.FieldProblem;

class MemberCountCsvTest {

    @Test
    void readsRowsAfterTheHeader() {
        MemberCountCsv.Parsed parsed = MemberCountCsv.parse("\uFEFFunitId,memberCount\nw-00004,1200\r\np-19, 150000\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(new MemberCountCsv.Row(1, "w-00004", 1200),
                new MemberCountCsv.Row(2, "p-19", 150_000));
    }

    @Test
    void namesTheRowAndColumnOfEachProblem() {
        MemberCountCsv.Parsed parsed = MemberCountCsv.parse("unitId,memberCount\nw-1,12\nw-2,-3\n,4\nw-1,x\n");
        assertThat(parsed.problems()).extracting(FieldProblem::field)
                .containsExactly("rows[2].memberCount", "rows[3].unitId", "rows[4].unitId", "rows[4].memberCount");
    }

    @Test
    void rejectsAnotherHeaderAndAnEmptyFile() {
        assertThat(MemberCountCsv.parse("id,count\nw-1,3\n").problems()).extracting(FieldProblem::field)
                .containsExactly("header");
        assertThat(MemberCountCsv.parse("unitId,memberCount\n").problems()).extracting(FieldProblem::field)
                .containsExactly("rows");
        assertThat(MemberCountCsv.parse("").problems()).extracting(FieldProblem::field).containsExactly("body");
    }
}
