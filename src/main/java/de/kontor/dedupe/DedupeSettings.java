package de.kontor.dedupe;

/**
 * Thresholds in bits of evidence: pairs from {@code possible} are shown for review, pairs
 * from {@code certain} are duplicates; {@code maxBlock} skips blocking keys so common that
 * they would not narrow anything down (the other keys still meet).
 */
public record DedupeSettings(double certain, double possible, int maxBlock) {
    public static final DedupeSettings DEFAULT = new DedupeSettings(9, 5, 120);
}
