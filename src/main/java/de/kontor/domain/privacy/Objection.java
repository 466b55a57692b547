package de.kontor.domain.privacy;

import java.time.Instant;

/** An Art. 21 objection to direct marketing. */
public record Objection(long id, long personId, Instant objectedAt, String channel, String recordedBy) {}
