package vn.neuguong.pledge.specificity;

/**
 * What makes a commitment "chung chung" (generic), with how much it costs the commitment's score (out of 1), what it
 * means and how to fix it. docs/specificity.md explains each with examples.
 */
public enum FindingCode {

    NO_LINKED_DUTY(0.15,
            "Cam kết chưa gắn với chức trách, nhiệm vụ được giao.",
            "The commitment is not tied to a duty of the pledger.",
            "Ghi rõ chức trách, nhiệm vụ được giao mà cam kết này thực hiện, ví dụ: \"Phụ trách công tác cải cách "
                    + "hành chính của xã\".",
            "Name the duty this commitment serves, e.g. \"in charge of the commune's administrative reform\"."),
    VAGUE_DUTY(0.10,
            "Ô nhiệm vụ chỉ ghi danh xưng, chưa nêu việc được giao.",
            "The duty field only gives a title, not the task assigned.",
            "Thay danh xưng bằng việc được giao: phụ trách việc gì, quản lý gì, ở địa bàn nào.",
            "Replace the title with the task assigned: what you are in charge of, and where."),
    NO_MEASURABLE_TARGET(0.45,
            "Cam kết chưa có kết quả kiểm tra được (số lượng của việc cụ thể, sản phẩm, thời hạn xử lý hay hành vi "
                    + "cụ thể).",
            "The commitment has no checkable result (a count of something concrete, a deliverable, a time limit or "
                    + "a specific conduct).",
            "Nêu rõ sản phẩm, số lượng và thời hạn: làm gì, cho ai hoặc ở đâu, bao nhiêu, xong khi nào.",
            "State the deliverable, the quantity and the deadline: what, for whom or where, how many, by when."),
    NUMBER_WITHOUT_OBJECT(0.45,
            "Con số không đo một việc cụ thể nào.",
            "The numbers do not count anything concrete.",
            "Gắn con số với đối tượng cụ thể: 100% của cái gì, ví dụ \"100% hộ dân thôn Na Hoa (142 hộ)\".",
            "Tie the number to a concrete object: 100% of what, e.g. \"all 142 households of Na Hoa village\"."),
    VAGUE_TARGET(0.45,
            "Chỉ tiêu chỉ là mức xếp loại hoặc lời khen, không kiểm tra được.",
            "The target is a grade or praise, nothing that can be checked.",
            "Thay chỉ tiêu như \"hoàn thành tốt\", \"xuất sắc\" bằng kết quả đếm hoặc kiểm tra được.",
            "Replace targets such as \"done well\" or \"excellent\" with a result that can be counted or checked."),
    GENERIC_WORDING(0.20,
            "Cam kết dùng cụm từ chung chung mà không có nội dung cụ thể.",
            "The commitment uses stock phrases with nothing concrete.",
            "Thay cụm từ chung chung bằng việc làm cụ thể: làm gì, ở đâu, bao nhiêu.",
            "Replace the stock phrase with the actual work: what, where, how much."),
    COPIES_THEME(0.50,
            "Cam kết chép lại tên chuyên đề năm.",
            "The commitment copies the title of the year's study theme.",
            "Không chép tên chuyên đề: nêu việc cụ thể của mình để thực hiện chuyên đề.",
            "Do not copy the theme's title: state what you will do to carry it out."),
    COPIES_OTHER_PLEDGE(0.30,
            "Cam kết gần như trùng với cam kết của một bản đăng ký khác trong cùng đơn vị và năm.",
            "The commitment nearly copies a commitment of another pledge of the same unit and year.",
            "Viết cam kết theo công việc của chính mình, không sao chép bản đăng ký khác.",
            "Write the commitment from your own work rather than copying another pledge."),
    NO_MEASURE(0.05,
            "Cam kết chưa nêu cách thức, biện pháp hoặc cách đo kết quả.",
            "The commitment does not say how it will be done or measured.",
            "Ghi cách đo kết quả: sổ sách, biên bản, số liệu hay sản phẩm nào chứng minh.",
            "Say how the result will be shown: which register, minutes, figures or product."),
    NO_DUE_DATE(0.10,
            "Cam kết chưa có thời hạn hoàn thành.",
            "The commitment has no due date.",
            "Ghi thời hạn hoàn thành cụ thể (ngày, tháng).",
            "Give a due date (day and month)."),
    YEAR_END_DUE_DATE(0.05,
            "Thời hạn chỉ là ngày cuối năm, không nói thêm gì so với năm đăng ký.",
            "The due date is only the last day of the year, which says nothing beyond the year.",
            "Nếu việc xong trước cuối năm, ghi mốc thời gian thực tế (tháng, quý).",
            "If the work ends before the year does, give the real milestone (month or quarter)."),
    TOO_SHORT(0.10,
            "Nội dung cam kết quá ngắn để thể hiện việc làm cụ thể.",
            "The commitment's action is too short to describe concrete work.",
            "Viết đủ: làm gì, cho ai hoặc ở đâu, bao nhiêu, đến khi nào.",
            "Write it out: what, for whom or where, how much, by when.");

    private final double weight;
    private final String messageVi;
    private final String messageEn;
    private final String suggestionVi;
    private final String suggestionEn;

    FindingCode(double weight, String messageVi, String messageEn, String suggestionVi, String suggestionEn) {
        this.weight = weight;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
        this.suggestionVi = suggestionVi;
        this.suggestionEn = suggestionEn;
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

    public String suggestionVi() {
        return suggestionVi;
    }

    public String suggestionEn() {
        return suggestionEn;
    }
}
