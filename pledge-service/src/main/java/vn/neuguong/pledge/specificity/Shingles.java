package vn.neuguong.pledge.specificity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Word shingles (runs of {@value #SIZE} consecutive folded words) and their Jaccard similarity: the measure of
 * "near-copy" between two texts. A text shorter than {@value #SIZE} words is its single shingle.
 */
public final class Shingles {

    public static final int SIZE = 2;

    public static Set<String> of(String text) {
        List<String> words = VietnameseText.words(text);
        Set<String> shingles = new HashSet<>();
        if (words.isEmpty()) {
            return shingles;
        }
        if (words.size() < SIZE) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + SIZE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SIZE)));
        }
        return shingles;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long common = smaller.stream().filter(larger::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    private Shingles() {
    }
}
