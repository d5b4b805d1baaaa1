package vn.neuguong.pledge.specificity;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The words the specificity rules read, folded ({@link VietnameseText#fold}). docs/specificity.md explains each
 * list; the corpus test measures what they are worth.
 */
final class Vocabulary {

    /** Stock phrases of generic pledges, longest first so that the longest match is quoted. */
    static final List<String> STOCK_PHRASES = longestFirst(
            "thuc hien tot", "nang cao y thuc", "nang cao nhan thuc", "tich cuc hoc tap", "luon guong mau",
            "guong mau", "hoc tap va lam theo", "lam theo bac", "lam theo loi bac", "chap hanh tot",
            "nghiem tuc thuc hien", "thuc hien nghiem tuc", "thuc hien nghiem", "hoan thanh tot nhiem vu",
            "hoan thanh xuat sac nhiem vu", "hoan thanh xuat sac", "hoan thanh tot", "hoan thanh thang loi",
            "nhiem vu duoc giao", "cong viec duoc giao", "nhiem vu chuyen mon", "khong ngung hoc tap",
            "khong ngung", "tu tu duong", "tu duong", "ren luyen dao duc", "ren luyen", "giu gin pham chat",
            "pham chat dao duc", "dao duc loi song", "loi song", "nang cao chat luong", "tich cuc tham gia",
            "tich cuc", "co gang", "phan dau", "noi di doi voi lam", "can kiem liem chinh", "chi cong vo tu",
            "lam tot", "tham muu tot", "doi moi phong cach", "tac phong lam viec", "gan dan", "sat dan",
            "trong dan", "dam nghi dam lam", "tinh than trach nhiem", "neu cao", "neu guong", "giu vung",
            "doan ket", "trong sach vung manh", "day manh", "tang cuong", "tiep tuc", "gop phan", "phat huy",
            "xung kich", "hieu qua", "thiet thuc", "toan dien", "dong bo", "quyet liet", "ngay cang",
            "chu truong cua dang", "chinh sach phap luat", "duong loi", "cac chi tieu", "cac nhiem vu",
            "cac phong trao", "cac cuoc van dong", "cac nghi quyet", "moi hoat dong", "moi mat", "ky cuong",
            "dan chu", "bao dam chat luong", "dam bao chat luong", "dat chat luong", "dung tien do");

    /** Things a commitment can deliver that can be checked without a number. */
    static final List<String> DELIVERABLES = List.of(
            "bao cao", "bai viet", "bai bao", "tham luan", "sang kien", "de an", "de tai", "mo hinh", "cong trinh",
            "tai lieu", "phan mem", "ung dung", "quy che", "quy trinh", "so tay", "video", "phong su",
            "khoa tap huan", "lop tap huan", "lop boi duong", "lop hoc", "cau lac bo", "to hop tac", "chung chi",
            "chung nhan", "camera", "trang web", "co so du lieu", "bang kiem", "hoi thi", "hoi thao", "ngay hoi",
            "hoi nghi", "dien tap");

    /**
     * What a number is not about when it follows it: "100% công việc" counts nothing. A percentage of members or
     * cadres ("100% đảng viên") is the stock line of every cell; a count of them ("kết nạp 2 đảng viên") is not.
     */
    static final List<String> GENERIC_OBJECTS = List.of(
            "cong viec", "nhiem vu", "chi tieu", "ke hoach", "tieu chi", "hoat dong", "phong trao", "noi dung",
            "yeu cau", "dieu", "buoi hoc tap", "vi pham");
    static final List<String> GENERIC_SHARES = List.of("dang vien", "can bo", "cong chuc", "vien chuc", "doi tuong");

    /** Words between a number and what it counts. */
    static final Set<String> NUMBER_FILLERS = Set.of("cac", "nhung", "so", "tong", "tro", "len", "tren", "duoi");

    /** A number after these is the name of a document ("Quy định 08", "Chỉ thị 05-CT/TW"), not a measure. */
    static final List<String> DOCUMENTS = List.of(
            "quy dinh", "chi thi", "nghi quyet", "ket luan", "quyet dinh", "thong tu", "nghi dinh", "luat", "dieu",
            "khoan", "so");

    /** Targets that only grade or praise: "Hoàn thành tốt", "Xuất sắc", "Đạt hiệu quả", "Vượt dự toán". */
    static final List<String> VAGUE_TARGETS = longestFirst(
            "hoan thanh xuat sac", "hoan thanh tot", "hoan thanh", "xuat sac", "dat ket qua cao", "ket qua cao",
            "ket qua tot", "dat hieu qua", "hieu qua", "dat chuan", "dat yeu cau", "tot", "kha", "vuot du toan",
            "vuot ke hoach", "ke hoach", "chi tieu", "nhiem vu", "cong viec", "tang so voi nam truoc",
            "so voi nam truoc", "nang cao", "dung tien do", "dung lo trinh", "gia dinh van hoa", "thon van hoa",
            "khong co", "dat", "tang", "cac", "duoc giao", "tro len", "tren", "duoi", "it nhat", "100", "dang vien",
            "vi pham", "cao", "deu", "day du");

    /** Words of a duty field that say what the pledger does, beyond their title. */
    static final List<String> DUTY_WORDS = List.of(
            "phu trach", "quan ly", "tham muu", "giang day", "day", "chu nhiem", "dieu tri", "kham", "cham soc",
            "thuc hien", "to chuc", "giai quyet", "tiep nhan", "kiem tra", "giam sat", "chiu trach nhiem",
            "lanh dao", "chi dao", "theo doi", "phan cong", "duoc giao", "chu tri", "xet xu", "tuan tra",
            "boi duong", "huong dan", "chi tra", "tuyen truyen", "van dong", "tiep", "bao ve", "dieu tra",
            "ho tro", "dao tao", "nhan uy thac", "thuong truc", "dieu hanh", "lap", "dung lop", "quan tri",
            "tham dinh", "thanh tra");

    /** Conduct that someone can contradict: "không nhận…", "không đốt…"; not "không ngừng", "không để xảy ra". */
    static final Set<String> NOT_CONDUCT_AFTER_KHONG = Set.of(
            "de", "ngung", "vi", "ngai", "chay", "voi", "co", "chi", "the", "duoc", "phai", "con", "nhung",
            "bao", "mac", "sa", "lo");
    static final List<String> PUBLISHING = List.of("cong khai", "niem yet");

    /** Recurring or immediate: checkable against a calendar or a log. */
    static final List<String> CADENCES = List.of(
            "hang tuan", "hang thang", "hang quy", "moi tuan", "moi thang", "moi quy", "thu hai", "thu ba",
            "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat", "trong ngay", "ngay khi", "trong gio");

    /** "mọi", "từng", "mỗi" followed by one of these quantify nothing checkable. */
    static final List<String> VAGUE_AFTER_EVERY = List.of(
            "mat", "luc", "noi", "nguoi", "buoc", "linh vuc", "khia canh", "thu");
    static final Set<String> EVERY = Set.of("mọi", "từng", "mỗi");
    static final Set<String> EVERY_UNMARKED = Set.of("moi", "tung");
    /** "toàn bộ hồ sơ năm 2024", "tất cả 24 lớp": the whole of something named (not "tất cả các nhiệm vụ"). */
    static final List<String> ALL_OF = List.of("toan bo", "tat ca");

    /** Vietnamese number words, as written with their tone marks. */
    static final Set<String> NUMBER_WORDS = Set.of(
            "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "trăm", "nghìn", "ngàn", "triệu");
    /** "một" is mostly an article ("là một đảng viên"); it counts before a unit of time or of repetition. */
    static final String ONE = "một";
    static final Set<String> UNITS_AFTER_ONE = Set.of("phut", "gio", "ngay", "tuan", "thang", "quy", "lan", "buoi");

    private static List<String> longestFirst(String... phrases) {
        return java.util.Arrays.stream(phrases)
                .sorted(Comparator.comparingInt((String phrase) -> phrase.split(" ").length).reversed()).toList();
    }

    private Vocabulary() {
    }
}
