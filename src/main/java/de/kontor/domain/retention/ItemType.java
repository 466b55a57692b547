package de.kontor.domain.retention;

import de.kontor.domain.privacy.Keyed;

/** The kinds of stored items that the deletion concept covers. */
public enum ItemType implements Keyed {
    PERSON("person"),
    ACTIVITY("activity"),
    CONSENT("consent"),
    DOCUMENT("document");

    private final String key;

    ItemType(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
