package de.kontor.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a person's data came from (Art. 5(2), 14): mandatory on every person.
 * {@code capturedBy} is the user name of whoever entered or imported it.
 */
public record Provenance(
        SourceKind kind,
        String detail,
        String fileName,
        String sourceRecordId,
        Instant capturedAt,
        String capturedBy) {

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(capturedBy, "capturedBy");
    }
}
