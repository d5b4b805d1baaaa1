package vn.neuguong.pledge.specificity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason a commitment (by its 0-based index in the pledge) is less specific than it should be: the words of the
 * commitment that triggered it ({@code evidence}, as the pledger wrote them; empty when the reason is something
 * missing), the message quoting them, a suggestion of how to make the commitment concrete and, for a near-copy, the
 * pledge copied ({@code copyOf}; null when unknown or when the reader may not see that pledge).
 */
public record Finding(FindingCode code, int commitmentIndex, String messageVi, String messageEn,
                      List<String> evidence, String suggestionVi, String suggestionEn, CopiedPledge copyOf) {

    /** The pledge a commitment nearly copies: its id and who pledged it (null until looked up). */
    public record CopiedPledge(String pledgeId, String pledger) {
    }

    public static Finding of(FindingCode code, int commitmentIndex) {
        return of(code, commitmentIndex, List.of());
    }

    public static Finding of(FindingCode code, int commitmentIndex, List<String> evidence) {
        String quoted = evidence.stream().map(words -> "\"" + words + "\"").collect(Collectors.joining(", "));
        return new Finding(code, commitmentIndex,
                evidence.isEmpty() ? code.messageVi() : code.messageVi() + " Từ ngữ: " + quoted + ".",
                evidence.isEmpty() ? code.messageEn() : code.messageEn() + " Words: " + quoted + ".",
                List.copyOf(evidence), code.suggestionVi(), code.suggestionEn(), null);
    }

    public Finding withCopyOf(CopiedPledge copied) {
        return new Finding(code, commitmentIndex, messageVi, messageEn, evidence, suggestionVi, suggestionEn, copied);
    }
}
