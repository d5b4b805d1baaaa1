package vn.neuguong.pledge.specificity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MinHash locality-sensitive hashing of shingle sets, so that near-copies can be found by an indexed equality
 * query instead of comparing with every other pledge: {@value #BANDS} bands of {@value #ROWS} rows. Two texts
 * with Jaccard similarity s share at least one band key with probability 1 − (1 − s^{@value #ROWS})^{@value #BANDS}:
 * about 0.86 at s = 0.6, 0.97 at s = 0.7, 0.41 at s = 0.4; candidates are then confirmed with the exact Jaccard
 * similarity. The hash functions are fixed, so keys stored in documents stay comparable across restarts and
 * instances.
 */
public final class MinHash {

    public static final int BANDS = 8;
    public static final int ROWS = 3;
    private static final long[] SEEDS = seeds(BANDS * ROWS);

    /** Band keys of a text, {@code "<band>:<hex hash>"}; empty for a text without words. */
    public static List<String> bandKeys(Set<String> shingles) {
        if (shingles.isEmpty()) {
            return List.of();
        }
        long[] signature = new long[SEEDS.length];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (String shingle : shingles) {
            long base = fnv1a(shingle);
            for (int i = 0; i < SEEDS.length; i++) {
                long h = mix(base ^ SEEDS[i]);
                if (Long.compareUnsigned(h, signature[i]) < 0) {
                    signature[i] = h;
                }
            }
        }
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long bandHash = band;
            for (int row = 0; row < ROWS; row++) {
                bandHash = mix(bandHash * 31 + signature[band * ROWS + row]);
            }
            keys.add(band + ":" + Long.toHexString(bandHash));
        }
        return keys;
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64 finalizer: a fast, well-distributed 64-bit mixer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds(int count) {
        long[] seeds = new long[count];
        long state = 0x4e6575477567L;
        for (int i = 0; i < count; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }

    private MinHash() {
    }
}
