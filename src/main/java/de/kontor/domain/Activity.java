package de.kontor.domain;

import java.util.Objects;

public record Activity(long id, long personId, int version, ActivityData data, String createdBy) {
    public Activity {
        Objects.requireNonNull(data, "data");
    }
}
