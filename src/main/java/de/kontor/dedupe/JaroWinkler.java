package de.kontor.dedupe;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Jaro-Winkler similarity without allocating: the same values as Apache Commons Text's
 * {@link JaroWinklerSimilarity} (prefix scale 0.1 over at most four characters, applied from a
 * Jaro similarity of 0.7), with the matched characters kept in two bit masks. Strings longer
 * than 64 characters go to Commons Text.
 */
final class JaroWinkler {
    private static final JaroWinklerSimilarity LONG = new JaroWinklerSimilarity();

    private JaroWinkler() {}

    /**
     * Which characters a string has, as 128 bits in two longs: a to z up to three times each,
     * digits and the characters {@code .-_@+} and space up to twice. Two strings have at most
     * as many Jaro matches as their signatures share bits. A string with a character more often
     * (or any other character) gets all bits, which never rules anything out.
     */
    static long[] signature(String s) {
        byte[] counts = new byte[42];
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int symbol;
            int most;
            if (c >= 'a' && c <= 'z') {
                symbol = c - 'a';
                most = 3;
            } else if (c >= '0' && c <= '9') {
                symbol = 26 + c - '0';
                most = 2;
            } else {
                symbol = 36 + ".-_@+ ".indexOf(c);
                most = 2;
                if (symbol < 36) {
                    return new long[] {-1L, -1L};
                }
            }
            if (counts[symbol] == most) {
                return new long[] {-1L, -1L};
            }
            int bit = symbol < 26 ? 3 * symbol + counts[symbol] : 78 + 2 * (symbol - 26) + counts[symbol];
            counts[symbol]++;
            if (bit < 64) {
                lo |= 1L << bit;
            } else {
                hi |= 1L << (bit - 64);
            }
        }
        return new long[] {lo, hi};
    }

    /** At least {@link #similarity}, from the signatures and the common prefix only. */
    static double upperBound(String first, long firstLo, long firstHi, String second, long secondLo, long secondHi) {
        int m = Math.min(Long.bitCount(firstLo & secondLo) + Long.bitCount(firstHi & secondHi),
                Math.min(first.length(), second.length()));
        if (m == 0) {
            return 0;
        }
        int prefix = 0;
        int limit = Math.min(4, Math.min(first.length(), second.length()));
        while (prefix < limit && first.charAt(prefix) == second.charAt(prefix)) {
            prefix++;
        }
        double j = ((double) m / first.length() + (double) m / second.length() + 1.0) / 3.0;
        return j < 0.7 ? j : j + 0.1 * prefix * (1.0 - j);
    }

    static double similarity(String first, String second) {
        if (first.equals(second)) {
            return 1.0;
        }
        String max = first.length() > second.length() ? first : second;
        String min = max == first ? second : first;
        if (max.length() > 64) {
            return LONG.apply(first, second);
        }
        int range = Math.max(max.length() / 2 - 1, 0);
        long minMatched = 0;
        long maxMatched = 0;
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            char c = min.charAt(mi);
            int to = Math.min(mi + range + 1, max.length());
            for (int xi = Math.max(mi - range, 0); xi < to; xi++) {
                if ((maxMatched & (1L << xi)) == 0 && c == max.charAt(xi)) {
                    minMatched |= 1L << mi;
                    maxMatched |= 1L << xi;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        long a = minMatched;
        long b = maxMatched;
        while (a != 0) {
            int i = Long.numberOfTrailingZeros(a);
            int k = Long.numberOfTrailingZeros(b);
            if (min.charAt(i) != max.charAt(k)) {
                transpositions++;
            }
            a &= a - 1;
            b &= b - 1;
        }
        int prefix = 0;
        int limit = Math.min(4, min.length());
        while (prefix < limit && first.charAt(prefix) == second.charAt(prefix)) {
            prefix++;
        }
        double m = matches;
        double j = (m / first.length() + m / second.length() + (m - transpositions / 2.0) / m) / 3.0;
        return j < 0.7 ? j : j + 0.1 * prefix * (1.0 - j);
    }
}
