package de.kontor.domain;

import java.time.Instant;
import java.util.Objects;

/** A stored person: its data, provenance and the version used for optimistic locking. */
public record Person(
        long id,
        int version,
        PersonData data,
        Long organisationId,
        Provenance provenance,
        Instant createdAt,
        Instant updatedAt) {

    public Person {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(provenance, "provenance");
    }

    public String displayName() {
        return data.displayName();
    }
}
