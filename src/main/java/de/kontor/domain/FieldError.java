package de.kontor.domain;

import java.util.List;
import java.util.Objects;

/**
 * A validation error at one field. {@code field} uses the import field names (e.g. "email",
 * "postcode"), with an index for list fields ("email[1]"); {@code messageKey} names the
 * resource-bundle message.
 */
public record FieldError(String field, String messageKey, List<String> args) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String messageKey, String... args) {
        return new FieldError(field, messageKey, List.of(args));
    }

    /** The field without list index: "email[1]" gives "email". */
    public String baseField() {
        int i = field.indexOf('[');
        return i < 0 ? field : field.substring(0, i);
    }
}
