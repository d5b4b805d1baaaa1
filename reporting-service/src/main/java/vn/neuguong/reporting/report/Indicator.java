package vn.neuguong.reporting.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

import vn.neuguong.reporting.aggregate.AggregateView;

/**
 * The indicators of a periodic report (JSON key = {@link #code()}). Those with a source are pre-filled from the live
 * aggregates of the unit over the period's years (today's structure: a unit's figures include the units merged into
 * it); the unit may report another figure where it knows better, and the difference is kept. The others only the
 * unit knows, and it must give them when it submits.
 */
public enum Indicator {

    STUDY_SESSIONS("studySessions", "Số buổi học tập, quán triệt chuyên đề", "Study sessions held", null),
    STUDY_PARTICIPANTS("studyParticipants", "Lượt người tham gia học tập", "Study session participants", null),
    MEMBERS_REGISTERED("membersRegistered", "Đảng viên đăng ký làm theo", "Members who registered a pledge",
            figures -> figures.pledges().individual()),
    COLLECTIVES_REGISTERED("collectivesRegistered", "Tập thể đăng ký làm theo", "Collectives that registered a pledge",
            figures -> figures.pledges().collective()),
    PLEDGES_TIED_TO_DUTIES("pledgesTiedToDuties", "Bản đăng ký gắn với nhiệm vụ, đo được",
            "Pledges tied to duties (not generic)", figures -> figures.pledges().registered() - figures.pledges().generic()),
    PLEDGES_COMPLETED("pledgesCompleted", "Bản đăng ký được đánh giá hoàn thành trở lên",
            "Pledges evaluated as completed or better", figures -> figures.pledges().evaluated().entrySet().stream()
                    .filter(grade -> !grade.getKey().equals("NOT_COMPLETED")).mapToLong(grade -> grade.getValue()).sum()),
    MODELS_RECOGNISED("modelsRecognised", "Điển hình, mô hình được khen thưởng",
            "Exemplary people, collectives and models recognised",
            figures -> figures.recognition().awarded().values().stream().mapToLong(Long::longValue).sum()),
    MODELS_REPLICATED("modelsReplicated", "Lượt nhân rộng mô hình", "Model replications",
            figures -> figures.recognition().replications()),
    ISSUES_RESOLVED("issuesResolved", "Vấn đề bức xúc, nổi cộm được giải quyết",
            "Issues of public concern resolved", null);

    private final String code;
    private final String label;
    private final String labelEn;
    private final ToLongFunction<AggregateView> source;

    Indicator(String code, String label, String labelEn, ToLongFunction<AggregateView> source) {
        this.code = code;
        this.label = label;
        this.labelEn = labelEn;
        this.source = source;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean prefilled() {
        return source != null;
    }

    /** The figure of this indicator in one year's aggregate; only for pre-filled indicators. */
    long from(AggregateView figures) {
        return source.applyAsLong(figures);
    }

    public static Optional<Indicator> byCode(String code) {
        return Arrays.stream(values()).filter(indicator -> indicator.code.equals(code)).findFirst();
    }
}
