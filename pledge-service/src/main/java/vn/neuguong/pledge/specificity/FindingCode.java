package vn.neuguong.pledge.specificity;

/**
 * What makes a commitment "chung chung" (generic), with how much it costs the commitment's score (out of 1).
 * docs/specificity.md explains each with examples.
 */
public enum FindingCode {

    NO_LINKED_DUTY(0.25,
            "Cam kết chưa gắn với chức trách, nhiệm vụ được giao.",
            "The commitment is not tied to a duty of the pledger."),
    NO_MEASURABLE_TARGET(0.25,
            "Cam kết chưa có chỉ tiêu đo đếm được (con số, tỷ lệ, số lượng hoặc sản phẩm cụ thể).",
            "The commitment has no measurable target (a number, percentage, count or deliverable)."),
    GENERIC_WORDING(0.20,
            "Cam kết dùng cụm từ chung chung (\"thực hiện tốt\", \"nâng cao ý thức\"…) mà không có nội dung cụ thể.",
            "The commitment uses stock phrases (\"do well\", \"raise awareness\"…) with nothing concrete."),
    COPIES_THEME(0.30,
            "Cam kết gần như chép lại tên chuyên đề năm.",
            "The commitment nearly copies the title of the year's study theme."),
    COPIES_OTHER_PLEDGE(0.30,
            "Cam kết gần như trùng với cam kết của một bản đăng ký khác trong cùng đơn vị và năm.",
            "The commitment nearly copies a commitment of another pledge of the same unit and year."),
    NO_MEASURE(0.10,
            "Cam kết chưa nêu cách thức, biện pháp hoặc cách đo kết quả.",
            "The commitment does not say how it will be done or measured."),
    NO_DUE_DATE(0.10,
            "Cam kết chưa có thời hạn hoàn thành.",
            "The commitment has no due date."),
    TOO_SHORT(0.10,
            "Nội dung cam kết quá ngắn để thể hiện việc làm cụ thể.",
            "The commitment's action is too short to describe concrete work.");

    private final double weight;
    private final String messageVi;
    private final String messageEn;

    FindingCode(double weight, String messageVi, String messageEn) {
        this.weight = weight;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    public double weight() {
        return weight;
    }

    public String messageVi() {
        return messageVi;
    }

    public String messageEn() {
        return messageEn;
    }
}
