package de.kontor.exchange;

import de.kontor.domain.KontorException;
import java.util.Locale;

/**
 * What an import does with rows that duplicate people in the database: {@code REPORT} lists
 * them and imports everything; {@code SKIP} leaves out rows with a certain duplicate;
 * {@code MERGE} adds such a row's e-mails, phones and addresses to the existing person
 * instead of creating it. Duplicates within the file are always only reported.
 */
public enum DuplicateMode {
    REPORT, SKIP, MERGE;

    /** The decision for one row under this mode: only certain duplicates in the database are acted on. */
    public DuplicateDecision decide(ImportDuplicate d) {
        if (!d.inDatabase() || d.level() != de.kontor.dedupe.Match.Level.CERTAIN) {
            return DuplicateDecision.IMPORT;
        }
        return switch (this) {
            case REPORT -> DuplicateDecision.IMPORT;
            case SKIP -> DuplicateDecision.SKIP;
            case MERGE -> DuplicateDecision.MERGE;
        };
    }

    public static DuplicateMode parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KontorException("import.duplicates.mode", String.valueOf(s));
        }
    }
}
