package de.kontor.exchange;

import de.kontor.dedupe.Match;

/**
 * A line of an import that is a possible duplicate: of a person in the database
 * ({@code personId}) or of an earlier line of the same file ({@code otherLine}); what the
 * import did with it.
 */
public record ImportDuplicate(long line, Long personId, Long otherLine, double score, Match.Level level,
        Action action) {

    public enum Action { REPORTED, SKIPPED, MERGED }

    public boolean inDatabase() {
        return personId != null;
    }
}
