package de.kontor.domain.privacy;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A processing purpose of the catalogue (Art. 5(1)(b), 30). */
public record Purpose(long id, int version, PurposeData data, Instant retiredAt) {
    public Purpose {
        Objects.requireNonNull(data, "data");
    }

    public String key() {
        return data.key();
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public boolean marketing() {
        return data.marketing();
    }

    public String name(Locale locale) {
        return "de".equals(locale.getLanguage()) ? data.nameDe() : data.nameEn();
    }

    public String description(Locale locale) {
        return "de".equals(locale.getLanguage()) ? data.descriptionDe() : data.descriptionEn();
    }
}
