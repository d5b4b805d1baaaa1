package vn.neuguong.pledge.specificity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason a commitment (by its 0-based index in the pledge) is less specific than it should be: the words of the
 * commitment that triggered it ({@code evidence}, as the pledger wrote them; empty when the reason is something
 * missing), the message quoting them, and a suggestion of how to make the commitment concrete.
 */
public record Finding(FindingCode code, int commitmentIndex, String messageVi, String messageEn,
                      List<String> evidence, String suggestionVi, String suggestionEn) {

    public static Finding of(FindingCode code, int commitmentIndex) {
        return of(code, commitmentIndex, List.of());
    }

    public static Finding of(FindingCode code, int commitmentIndex, List<String> evidence) {
        String quoted = evidence.stream().map(words -> "\"" + words + "\"").collect(Collectors.joining(", "));
        return new Finding(code, commitmentIndex,
                evidence.isEmpty() ? code.messageVi() : code.messageVi() + " Từ ngữ: " + quoted + ".",
                evidence.isEmpty() ? code.messageEn() : code.messageEn() + " Words: " + quoted + ".",
                List.copyOf(evidence), code.suggestionVi(), code.suggestionEn());
    }
}
