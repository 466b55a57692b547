package de.kontor.domain.request;

import java.time.Instant;

/** A stored document of a person, listed (not copied) in an access report and export. */
public record DocumentInfo(long id, String fileName, String mediaType, long byteSize, String sha256, Instant createdAt,
        String category) {}
