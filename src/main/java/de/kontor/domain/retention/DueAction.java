package de.kontor.domain.retention;

import de.kontor.domain.privacy.Keyed;

/** What happens when an item's period has run out. */
public enum DueAction implements Keyed {
    DELETE("delete"),
    ANONYMISE("anonymise"),
    REVIEW("review");

    private final String key;

    DueAction(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
