package de.kontor.domain.request;

import de.kontor.domain.privacy.Keyed;

/** What a data subject asks for (Art. 15 to 21 GDPR). */
public enum RequestType implements Keyed {
    ACCESS("access"),
    RECTIFICATION("rectification"),
    ERASURE("erasure"),
    RESTRICTION("restriction"),
    PORTABILITY("portability"),
    OBJECTION("objection");

    private final String key;

    RequestType(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
