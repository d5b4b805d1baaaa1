package vn.neuguong.pledge.theme;

/** An annual study theme (chuyên đề) of Directive 05-CT/TW, covering the years {@code from}..{@code to}. */
public record StudyTheme(String id, int from, int to, String title) {

    public boolean covers(int year) {
        return from <= year && year <= to;
    }
}
