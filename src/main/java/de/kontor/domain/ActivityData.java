package de.kontor.domain;

import java.time.Instant;
import java.util.Objects;

public record ActivityData(ActivityKind kind, Instant occurredAt, String subject, String body) {
    public ActivityData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
