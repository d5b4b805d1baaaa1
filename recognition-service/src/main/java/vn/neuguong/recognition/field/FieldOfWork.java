package vn.neuguong.recognition.field;

/**
 * The fields of work an exemplary person, collective or model is recognised in, with the labels the API serves
 * ({@code GET /api/nominations/fields}). The codes are stable: events and reports carry them.
 */
public enum FieldOfWork {

    PARTY_BUILDING("Xây dựng Đảng và hệ thống chính trị", "Party building and the political system"),
    ADMINISTRATIVE_REFORM("Cải cách hành chính", "Administrative reform"),
    NEW_RURAL_DEVELOPMENT("Xây dựng nông thôn mới", "New rural development"),
    POVERTY_REDUCTION("Giảm nghèo bền vững", "Sustainable poverty reduction"),
    ECONOMIC_DEVELOPMENT("Phát triển kinh tế", "Economic development"),
    EDUCATION("Giáo dục và đào tạo", "Education and training"),
    HEALTH("Y tế, chăm sóc sức khỏe nhân dân", "Health care"),
    SECURITY("Quốc phòng, an ninh, trật tự an toàn xã hội", "Defence, security and public order"),
    CULTURE("Văn hóa, xây dựng đời sống văn hóa ở cơ sở", "Culture and community life"),
    ENVIRONMENT("Bảo vệ tài nguyên và môi trường", "Natural resources and environmental protection"),
    DIGITAL_TRANSFORMATION("Chuyển đổi số", "Digital transformation"),
    SCIENCE_AND_INNOVATION("Khoa học, công nghệ và đổi mới sáng tạo", "Science, technology and innovation"),
    SOCIAL_WELFARE("An sinh xã hội, đền ơn đáp nghĩa", "Social welfare and gratitude to those who served"),
    MASS_MOBILIZATION("Dân vận khéo", "Skilful mass mobilization"),
    ANTI_CORRUPTION("Phòng, chống tham nhũng, lãng phí, tiêu cực",
            "Preventing corruption, waste and negative practices");

    private final String labelVi;
    private final String labelEn;

    FieldOfWork(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
