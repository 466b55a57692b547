package de.kontor.domain.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enums with a stable lower-case key for the command line, files and the database. */
public interface Keyed {
    String key();

    static <E extends Enum<E> & Keyed> Optional<E> fromKey(Class<E> type, String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.key().equals(k)).findFirst();
    }
}
