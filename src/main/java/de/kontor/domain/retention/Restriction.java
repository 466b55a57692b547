package de.kontor.domain.retention;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An active restriction of processing (Art. 18): reason, since when, until when (optional).
 * {@code retention} marks records kept only because statutory retention forbids erasure yet.
 */
public record Restriction(long id, long personId, String reason, Instant since, LocalDate until, boolean retention,
        String recordedBy) {}
