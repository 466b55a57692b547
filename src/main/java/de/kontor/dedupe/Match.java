package de.kontor.dedupe;

import java.util.List;

/**
 * A candidate pair with its score (sum of log-likelihood weights in bits, less the population
 * penalty of {@link DedupeSettings#populationPenalty} in large databases) and the reasons:
 * which fields agreed, partly agreed, disagreed or were missing.
 */
public record Match(DedupeRecord a, DedupeRecord b, double score, List<String> reasons, Level level) {
    public enum Level { CERTAIN, POSSIBLE }
}
