package vn.neuguong.pledge.specificity;

/** One reason a commitment (by its 0-based index in the pledge) is less specific than it should be. */
public record Finding(FindingCode code, int commitmentIndex, String messageVi, String messageEn) {

    public static Finding of(FindingCode code, int commitmentIndex) {
        return new Finding(code, commitmentIndex, code.messageVi(), code.messageEn());
    }
}
