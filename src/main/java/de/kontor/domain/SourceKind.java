package de.kontor.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a person's data came from (Art. 14: third-party sources start the information clock). */
public enum SourceKind {
    MANUAL("manual"),
    BUSINESS_CARD("business-card"),
    WEB_FORM("web-form"),
    REFERRAL("referral"),
    IMPORT("import"),
    OTHER("other");

    private final String key;

    SourceKind(String key) {
        this.key = key;
    }

    /** The stable name used on the command line and in files. */
    public String key() {
        return key;
    }

    public static Optional<SourceKind> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }
}
