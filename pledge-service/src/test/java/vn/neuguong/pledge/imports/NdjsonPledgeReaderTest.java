package vn.neuguong.pledge.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class NdjsonPledgeReaderTest {

    private static final String PLEDGE = """
            {"year":2026,"unitId":"w-00004","pledger":{"kind":"COLLECTIVE","name":"Chi bộ %s"},"commitments":[]}""";

    /** Rows are line numbers from 1, as an editor shows them: blank lines are skipped but counted. */
    @Test
    void blankLinesAreSkippedAndCountedInTheRowNumbers() throws Exception {
        String ndjson = PLEDGE.formatted("A") + "\n\n" + PLEDGE.formatted("B") + "\r\n   \r\n\r\n{not json\n"
                + PLEDGE.formatted("C") + "\n\n";

        List<PledgeDraft> drafts = new ArrayList<>();
        try (NdjsonPledgeReader reader = new NdjsonPledgeReader(new StringReader(ndjson),
                JsonMapper.builder().build())) {
            for (PledgeDraft draft = reader.next(); draft != null; draft = reader.next()) {
                drafts.add(draft);
            }
        }

        assertThat(drafts).extracting(PledgeDraft::rows).containsExactly(List.of(1L), List.of(3L), List.of(6L),
                List.of(7L));
        assertThat(drafts.get(1).request().pledger().name()).isEqualTo("Chi bộ B");
        assertThat(drafts.get(2).unreadable().get(0).row()).isEqualTo(6);
        assertThat(NdjsonPledgeReader.countRows(new StringReader(ndjson))).isEqualTo(4);
    }

    @Test
    void aLineMayDeclareTheDayThePledgeWasSigned() throws Exception {
        String ndjson = PLEDGE.formatted("A").replace("{\"year\"", "{\"signedOn\":\"14/2/2026\",\"year\"") + "\n"
                + PLEDGE.formatted("B").replace("{\"year\"", "{\"signedOn\":\"2026-13-01\",\"year\"") + "\n"
                + PLEDGE.formatted("C") + "\n";

        List<PledgeDraft> drafts = new ArrayList<>();
        try (NdjsonPledgeReader reader = new NdjsonPledgeReader(new StringReader(ndjson),
                JsonMapper.builder().build())) {
            for (PledgeDraft draft = reader.next(); draft != null; draft = reader.next()) {
                drafts.add(draft);
            }
        }

        assertThat(drafts.get(0).signedOn()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(drafts.get(0).request().pledger().name()).isEqualTo("Chi bộ A");
        assertThat(drafts.get(1).request()).isNull();
        assertThat(drafts.get(1).unreadable().get(0).errors().get(0).field()).isEqualTo("signedOn");
        assertThat(drafts.get(2).signedOn()).isNull();
    }
}
