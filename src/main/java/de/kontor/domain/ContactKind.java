package de.kontor.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The type of an e-mail address, phone number or postal address. */
public enum ContactKind {
    WORK("work"),
    PRIVATE("private"),
    MOBILE("mobile"),
    OTHER("other");

    private final String key;

    ContactKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ContactKind> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }
}
