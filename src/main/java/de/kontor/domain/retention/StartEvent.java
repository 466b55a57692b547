package de.kontor.domain.retention;

import de.kontor.domain.privacy.Keyed;

/** The event a deletion rule counts from. */
public enum StartEvent implements Keyed {
    COLLECTION("collection"),
    PROCESS_END("process-end"),
    RELATIONSHIP_END("relationship-end");

    private final String key;

    StartEvent(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
