package de.kontor.exchange;

/**
 * What an import does with one row that duplicates a person in the database or an earlier row
 * of the file: import it anyway as a new person, skip it, or merge its e-mails, phones and
 * addresses into the person (or the earlier row) it duplicates.
 */
public enum DuplicateDecision {
    IMPORT("import"), SKIP("skip"), MERGE("merge");

    private final String key;

    DuplicateDecision(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
