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

    public static PhoneNumber of(ContactKind kind, String raw) {
        return new PhoneNumber(kind, raw, "");
    }
}
