package de.kontor.dedupe;

/**
 * Thresholds in bits of evidence: pairs from {@code possible} are shown for review, pairs
 * from {@code certain} are duplicates; {@code maxBlock} skips blocking keys so common that
 * they would not narrow anything down (the other keys still meet). The weights and thresholds
 * fit a few thousand people; among more people more share a name by chance, so above
 * {@code population} people every score is lowered by log2(people / population) bits (the
 * prior odds of a pair being one person fall as the population grows).
 */
public record DedupeSettings(double certain, double possible, int maxBlock, int population) {
    public static final DedupeSettings DEFAULT = new DedupeSettings(9, 5, 120, 10_000);

    /** The bits taken off every score among {@code people} people. */
    public double populationPenalty(int people) {
        return people <= population ? 0 : Math.log((double) people / population) / Math.log(2);
    }
}
