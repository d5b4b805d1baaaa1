package vn.neuguong.pledge.specificity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    private static final List<String> PHRASES = Stream.of(Vocabulary.STOCK_PHRASES, Vocabulary.DELIVERABLES,
            Vocabulary.GENERIC_OBJECTS, Vocabulary.GENERIC_SHARES, Vocabulary.DOCUMENTS, Vocabulary.VAGUE_TARGETS,
            Vocabulary.DUTY_WORDS, Vocabulary.PUBLISHING, Vocabulary.CADENCES, Vocabulary.VAGUE_AFTER_EVERY,
            Vocabulary.ALL_OF).flatMap(List::stream).toList();

    /** Phrase matching as it was written before it read the phrase in place: split into words, compared in turn. */
    private static boolean matchesAtAsSplit(FoldedText text, String phrase, int index) {
        String[] words = phrase.split(" ");
        if (index < 0 || index + words.length > text.size()) {
            return false;
        }
        for (int j = 0; j < words.length; j++) {
            if (!text.words().get(index + j).folded().equals(words[j])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void matchesEveryPhraseOfTheVocabularyAtEveryWordOfTheCorpusAsSplitPhrasesDid() {
        List<FoldedText> texts = new ArrayList<>();
        SpecificityCorpus.load().pledges().forEach(pledge -> pledge.commitments().forEach(commitment -> {
            texts.add(FoldedText.of(commitment.action()));
            texts.add(FoldedText.of(commitment.target()));
            texts.add(FoldedText.of(commitment.linkedDuty()));
        }));
        int matches = 0;
        for (FoldedText text : texts) {
            for (String phrase : PHRASES) {
                for (int index = -1; index <= text.size(); index++) {
                    boolean expected = matchesAtAsSplit(text, phrase, index);
                    assertThat(text.matchesAt(phrase, index)).as("%s at %d", phrase, index).isEqualTo(expected);
                    matches += expected ? 1 : 0;
                }
            }
        }
        assertThat(matches).as("phrases of the vocabulary found in the corpus").isGreaterThan(100);
    }

    @Test
    void countsThePhrasesWordsAsSplittingDid() {
        PHRASES.forEach(phrase -> assertThat(FoldedText.wordCount(phrase)).as(phrase)
                .isEqualTo(phrase.split(" ").length));
    }

    @Test
    void findsAPhraseOnlyAsWholeWordsAndQuotesItAsWritten() {
        FoldedText text = FoldedText.of("Công khai kết quả, niêm yết công khai hằng tháng");
        assertThat(text.indexOf("cong khai", 0)).isZero();
        assertThat(text.indexOf("cong khai", 1)).isEqualTo(6);
        assertThat(text.indexOf("cong kha", 0)).isEqualTo(-1);
        assertThat(text.indexOf("hang thang nam", 0)).isEqualTo(-1);
        assertThat(text.find("niem yet")).contains("niêm yết");
    }
}
