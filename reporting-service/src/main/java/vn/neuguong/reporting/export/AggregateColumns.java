package vn.neuguong.reporting.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.reporting.aggregate.AggregateView;

/**
 * The figure columns of an aggregate export, with their Vietnamese and English headers. Reports are not among them:
 * a year's figures would add up its periods' reports, so the workbook counts them period by period
 * ({@link PeriodReportsSheet}).
 */
final class AggregateColumns {

    record Column(String header, String headerEn, Function<AggregateView, Number> value, boolean ratio) {
    }

    static final List<Column> ALL = columns();

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(count("Đảng viên phải đăng ký", "Members expected to pledge", figures -> figures.pledges().expected()));
        columns.add(count("Bản đăng ký", "Pledges registered", figures -> figures.pledges().registered()));
        columns.add(count("Đăng ký cá nhân", "Individual pledges", figures -> figures.pledges().individual()));
        columns.add(count("Đăng ký tập thể", "Collective pledges", figures -> figures.pledges().collective()));
        columns.add(new Column("Tỷ lệ đảng viên đăng ký", "Coverage", figures -> figures.pledges().coverage(), true));
        columns.add(count("Đăng ký đúng hạn", "Registered on time", figures -> figures.pledges().onTime()));
        columns.add(count("Đăng ký chung chung", "Generic pledges", figures -> figures.pledges().generic()));
        columns.add(count("Đã tự đánh giá", "Self-assessed", figures -> figures.pledges().selfAssessed()));
        String[][] grades = {{"Xuất sắc", "Excellent"}, {"Tốt", "Good"}, {"Hoàn thành", "Completed"},
                {"Không hoàn thành", "Not completed"}};
        for (Grade grade : Grade.values()) {
            String[] names = grades[grade.ordinal()];
            columns.add(count("Đánh giá: " + names[0], "Evaluated: " + names[1],
                    figures -> figures.pledges().evaluated().get(grade.name())));
        }
        columns.add(count("Đã rút đăng ký", "Withdrawn", figures -> figures.pledges().withdrawn()));
        columns.add(count("Đề nghị khen thưởng", "Nominations", figures -> figures.recognition().nominated()));
        String[][] awards = {{"Giấy khen", "Letters of commendation"}, {"Bằng khen", "Certificates of merit"},
                {"Huân chương, danh hiệu", "Diplomas of merit"}};
        for (Award award : Award.values()) {
            String[] names = awards[award.ordinal()];
            columns.add(count(names[0], names[1], figures -> figures.recognition().awarded().get(award.name())));
        }
        columns.add(count("Không được khen thưởng", "Rejected", figures -> figures.recognition().rejected()));
        columns.add(count("Đề nghị lên cấp trên", "Escalated", figures -> figures.recognition().escalated()));
        columns.add(count("Lượt nhân rộng mô hình", "Model replications", figures -> figures.recognition().replications()));
        return List.copyOf(columns);
    }

    private static Column count(String header, String headerEn, Function<AggregateView, Number> value) {
        return new Column(header, headerEn, value, false);
    }

    private AggregateColumns() {
    }
}
