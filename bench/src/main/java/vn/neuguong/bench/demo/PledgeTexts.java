package vn.neuguong.bench.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real-looking Vietnamese commitments for the demo season: concrete ones tied to a duty with a measure, a
 * target and a due date, and the generic ("chung chung") kind the reviews complain about.
 */
public final class PledgeTexts {

    private static final String[] VILLAGES = {"Na Hoa", "Bản Chang", "Đồng Tâm", "Tân Lập", "Khuôn Nang", "Làng Mới",
        "Phú Thịnh", "Yên Thủy", "Cầu Đá", "An Bình", "Thượng Lâm", "Hòa Phong"};
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý", "Ma", "Nông"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang", "Thanh"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long",
        "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trung", "Tuấn", "Vân", "Yến"};
    private static final String[] POSITIONS = {"Đảng viên chi bộ thôn", "Công chức văn phòng - thống kê",
        "Công chức địa chính - xây dựng", "Bí thư chi bộ", "Phó Chủ tịch UBND xã", "Giáo viên trường THCS",
        "Trưởng thôn", "Công chức tư pháp - hộ tịch"};

    private PledgeTexts() {
    }

    public static String fullName(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    public static String position(Random random) {
        return POSITIONS[random.nextInt(POSITIONS.length)];
    }

    public static List<Map<String, Object>> concrete(Random random, int year, int count) {
        List<Map<String, Object>> all = new ArrayList<>();
        String village = VILLAGES[random.nextInt(VILLAGES.length)];
        int households = 20 + random.nextInt(60);
        all.add(commitment("DUTY", "Hướng dẫn " + households + " hộ dân thôn " + village
                + " đăng ký và sử dụng dịch vụ công trực tuyến toàn trình khi làm thủ tục hành chính",
                "Phụ trách công tác cải cách hành chính của xã", "Số hộ đã sử dụng dịch vụ công trực tuyến",
                households + " hộ", year + "-09-30"));
        all.add(commitment("STUDY", "Tham gia đủ " + (10 + random.nextInt(3))
                + " buổi sinh hoạt chuyên đề của chi bộ và viết một bài thu hoạch gắn chuyên đề năm với nhiệm vụ được giao",
                "Đảng viên sinh hoạt tại chi bộ thôn " + village, "Số buổi tham gia, số bài thu hoạch",
                "12 buổi, 1 bài thu hoạch", year + "-12-15"));
        all.add(commitment("ETHICS", "Giải quyết đúng hạn toàn bộ hồ sơ đất đai được giao, không để phát sinh đơn thư "
                + "khiếu nại vượt cấp thuộc lĩnh vực mình phụ trách", "Công chức địa chính - xây dựng xã",
                "Tỷ lệ hồ sơ giải quyết đúng hạn; số đơn thư vượt cấp", "100% đúng hạn, 0 đơn vượt cấp", year + "-12-31"));
        all.add(commitment("STYLE", "Trả lời mọi phản ánh của người dân gửi qua trang Zalo của xã trong vòng "
                + (24 + 24 * random.nextInt(2)) + " giờ và công khai kết quả xử lý hằng tháng",
                "Văn phòng Đảng ủy - UBND xã", "Thời gian phản hồi phản ánh", "100% phản ánh được trả lời đúng hạn",
                year + "-12-31"));
        int hectares = 3 + random.nextInt(8);
        all.add(commitment("BREAKTHROUGH", "Vận động " + (10 + random.nextInt(30)) + " hộ chuyển đổi " + hectares
                + " ha lúa kém hiệu quả sang trồng rau an toàn theo chuỗi liên kết với hợp tác xã",
                "Phó Chủ tịch UBND xã phụ trách kinh tế", "Số hộ và diện tích chuyển đổi", hectares + " ha",
                year + "-10-31"));
        all.add(commitment("DUTY", "Tổ chức " + (4 + random.nextInt(4))
                + " buổi tuyên truyền pháp luật về phòng, chống lừa đảo qua mạng cho người cao tuổi thôn " + village,
                "Công chức tư pháp - hộ tịch", "Số buổi tuyên truyền, số người tham dự", "ít nhất 150 lượt người",
                year + "-11-30"));
        java.util.Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, count));
    }

    public static List<Map<String, Object>> generic(Random random, int count) {
        List<Map<String, Object>> all = new ArrayList<>(List.of(
                commitment("STUDY", "Thực hiện tốt việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                        null, null, null, null),
                commitment("ETHICS", "Luôn gương mẫu, tích cực trong mọi công việc", null, null, null, null),
                commitment("STYLE", "Nâng cao ý thức trách nhiệm, tác phong làm việc khoa học", null, null, null, null),
                commitment("DUTY", "Hoàn thành tốt nhiệm vụ được giao", null, null, null, null)));
        java.util.Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, count));
    }

    static List<Map<String, Object>> collective(String communeName, int year) {
        return List.of(
                commitment("DUTY", "100% chi bộ trực thuộc Đảng ủy xã " + communeName
                        + " xây dựng kế hoạch làm theo Bác gắn với nhiệm vụ chính trị của chi bộ trước 31/3",
                        "Đảng ủy xã lãnh đạo công tác xây dựng Đảng", "Số chi bộ có kế hoạch", "100% chi bộ",
                        year + "-03-31"),
                commitment("BREAKTHROUGH", "Hoàn thành tiêu chí xã nông thôn mới nâng cao về chuyển đổi số: 80% hộ có "
                        + "tài khoản thanh toán điện tử", "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025-2030",
                        "Tỷ lệ hộ có tài khoản thanh toán điện tử", "80% hộ", year + "-12-31"));
    }

    private static Map<String, Object> commitment(String area, String action, String linkedDuty, String measure,
            String target, String dueDate) {
        Map<String, Object> commitment = new LinkedHashMap<>();
        commitment.put("area", area);
        commitment.put("action", action);
        commitment.put("linkedDuty", linkedDuty);
        commitment.put("measure", measure);
        commitment.put("target", target);
        commitment.put("dueDate", dueDate);
        return commitment;
    }
}
