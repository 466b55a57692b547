package de.kontor.domain.request;

import java.time.Instant;

/** A file sent to answer a request, with its SHA-256 (hex) as proof of what was sent. */
public record SentFile(long id, long requestId, String fileName, String sha256, Instant sentAt, String sentBy) {}
