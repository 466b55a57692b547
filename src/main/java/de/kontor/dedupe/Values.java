package de.kontor.dedupe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct values of one kind (names, postcodes, ...) numbered from 1, with how often each
 * occurs: equal values compare as equal numbers, each value's text is kept once however many
 * records share it, and agreement on a rare value can weigh more than on a common one.
 * Number 0 means "missing", -1 a value that is not in the index. Not thread-safe while adding.
 */
final class Values {
    static final int MISSING = 0;
    static final int UNKNOWN = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>(List.of(""));
    private int[] counts = new int[64];
    private long[] signatures = new long[0];

    /** The number of {@code value}, counting one more occurrence. */
    int add(String value) {
        if (value.isEmpty()) {
            return MISSING;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = texts.size();
            ids.put(value, id);
            texts.add(value);
            if (id >= counts.length) {
                counts = java.util.Arrays.copyOf(counts, counts.length * 2);
            }
        }
        counts[id]++;
        return id;
    }

    /** The number of {@code value} without counting it; {@link #UNKNOWN} if no record has it. */
    int find(String value) {
        return value.isEmpty() ? MISSING : ids.getOrDefault(value, UNKNOWN);
    }

    /** The one kept instance of the text of {@code id}. */
    String text(int id) {
        return texts.get(id);
    }

    /** Computes the {@link JaroWinkler#signature} of every value (once all are added). */
    void sign() {
        long[] sig = new long[2 * texts.size()];
        for (int id = 1; id < texts.size(); id++) {
            long[] s = JaroWinkler.signature(texts.get(id));
            sig[2 * id] = s[0];
            sig[2 * id + 1] = s[1];
        }
        signatures = sig;
    }

    /**
     * An upper bound of the Jaro-Winkler similarity of two values: from their signatures,
     * computed here for values that are not in the index.
     */
    double similarityBound(int xId, String x, int yId, String y) {
        long x0;
        long x1;
        long y0;
        long y1;
        if (xId > 0) {
            x0 = signatures[2 * xId];
            x1 = signatures[2 * xId + 1];
        } else {
            long[] s = JaroWinkler.signature(x);
            x0 = s[0];
            x1 = s[1];
        }
        if (yId > 0) {
            y0 = signatures[2 * yId];
            y1 = signatures[2 * yId + 1];
        } else {
            long[] s = JaroWinkler.signature(y);
            y0 = s[0];
            y1 = s[1];
        }
        return JaroWinkler.upperBound(x, x0, x1, y, y0, y1);
    }

    /** Whether the two values reach {@code min} Jaro-Winkler similarity (the bound first, then the real thing). */
    boolean similar(int xId, String x, int yId, String y, double min) {
        return similarityBound(xId, x, yId, y) >= min && JaroWinkler.similarity(x, y) >= min;
    }

    /**
     * Per number, the weight of agreeing on that value in bits: log2(0.9 / share), where the
     * share is how many of {@code records} have it, at most {@code cap}.
     */
    double[] weights(int records, double cap) {
        double[] w = new double[texts.size()];
        for (int id = 1; id < w.length; id++) {
            double share = Math.max(counts[id], 1) / (double) Math.max(records, 1);
            w[id] = Math.min(Math.log(0.9 / Math.max(share, 1e-6)) / Math.log(2), cap);
        }
        return w;
    }
}
