package de.kontor.domain;

import java.util.Objects;

public record EmailAddress(ContactKind kind, String address) {
    public EmailAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    public static EmailAddress work(String address) {
        return new EmailAddress(ContactKind.WORK, address);
    }
}
