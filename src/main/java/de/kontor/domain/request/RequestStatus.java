package de.kontor.domain.request;

import de.kontor.domain.privacy.Keyed;

public enum RequestStatus implements Keyed {
    OPEN("open"),
    CLOSED("closed");

    private final String key;

    RequestStatus(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
