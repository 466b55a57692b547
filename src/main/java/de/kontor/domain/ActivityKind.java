package de.kontor.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum ActivityKind {
    CALL("call"),
    MEETING("meeting"),
    EMAIL("email"),
    NOTE("note"),
    ORDER("order");

    private final String key;

    ActivityKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ActivityKind> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }
}
