package de.kontor.domain;

import java.util.Objects;

public record Organisation(long id, int version, OrganisationData data, int peopleCount) {
    public Organisation {
        Objects.requireNonNull(data, "data");
    }

    public String name() {
        return data.name();
    }
}
