package de.kontor.domain;

import java.util.Objects;

/** What the user says about the source; the service adds when and by whom. */
public record ProvenanceInput(SourceKind kind, String detail, String fileName, String sourceRecordId) {
    public ProvenanceInput {
        Objects.requireNonNull(kind, "kind");
    }

    public static ProvenanceInput manual() {
        return new ProvenanceInput(SourceKind.MANUAL, null, null, null);
    }

    public static ProvenanceInput of(SourceKind kind, String detail) {
        return new ProvenanceInput(kind, detail, null, null);
    }
}
