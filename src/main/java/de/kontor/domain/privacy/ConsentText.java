package de.kontor.domain.privacy;

import java.time.Instant;

/** The exact wording shown to the person for a purpose, with its SHA-256. */
public record ConsentText(long id, String purposeKey, String version, String body, String sha256, Instant createdAt) {}
