package de.kontor.domain;

import java.util.Objects;

/**
 * A phone number as typed ({@code raw}) and in E.164 form ({@code e164}, empty until the
 * number has been normalised by {@link ContactRules#normalise}).
 */
public record PhoneNumber(ContactKind kind, String raw, String e164) {
    public PhoneNumber {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raw, "raw");
        e164 = e164 == null ? "" : e164;
    }

    /**
     * Whether the number was checked: it parsed as a valid number (for its own country code or
     * the person's address country). An unchecked number is kept as written ("not checked:
     * foreign or unknown format").
     */
    public boolean checked() {
        return !e164.isEmpty();
    }

    /** What makes two numbers the same: the E.164 form, or the digits as written for an unchecked number. */
    public String key() {
        if (checked()) {
            return e164;
        }
        StringBuilder sb = new StringBuilder();
        raw.chars().filter(Character::isDigit).forEach(c -> sb.append((char) c));
        return raw.strip().startsWith("+") ? "+" + sb : sb.toString();
    }

    public static PhoneNumber of(ContactKind kind, String raw) {
        return new PhoneNumber(kind, raw, "");
    }
}
