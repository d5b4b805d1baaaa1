package vn.neuguong.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.neuguong.reporting.aggregate.AggregateView;

class AggregateCsvTest {

    @Test
    void cellsAPreadsheetWouldRunAsFormulasAreExportedAsText() {
        String csv = AggregateCsv.write(new AggregateTable("p-19", "Tỉnh Thái Nguyên", 2026, "current",
                row("p-19", "Tỉnh Thái Nguyên"),
                List.of(row("w-1", "=HYPERLINK(\"https://evil.example\",\"Xem\")"), row("w-2", "+1+1"),
                        row("w-3", "-2+3"), row("w-4", "@SUM(A1)"), row("w-5", "\t=1"), row("w-6", "\r=1"),
                        row("w-7", "Xã Đồng Hỷ = 1"))));

        assertThat(csv).contains("'=HYPERLINK", "'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "Xã Đồng Hỷ = 1")
                .doesNotContain(",\"=HYPERLINK", ",=HYPERLINK", ",+1+1", ",-2+3", ",@SUM");
    }

    @Test
    void ordinaryTextAndNumbersAreUnchanged() {
        assertThat(AggregateCsv.inert("Chi bộ thôn Na Hoa")).isEqualTo("Chi bộ thôn Na Hoa");
        assertThat(AggregateCsv.inert("")).isEmpty();
        assertThat(AggregateCsv.write(new AggregateTable("vn", "Cả nước", 2026, "current", row("vn", "Cả nước"),
                List.of()))).contains("vn,Cả nước,");
    }

    private static AggregateTable.Row row(String unitId, String name) {
        AggregateView figures = new AggregateView(unitId, 2026, Instant.EPOCH,
                new AggregateView.Pledges(10, false, 5, 4, 1, 3, 0, 2, Map.of(), 0, 0.4),
                new AggregateView.Recognition(1, Map.of(), 0, 0, 0), new AggregateView.Reports(2, 1, 1, 1));
        return new AggregateTable.Row(unitId, name, "COMMUNE", figures);
    }
}
