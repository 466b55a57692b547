package de.kontor.domain.privacy;

import java.time.Instant;

/** Art. 13/14: when and how the person was informed, with which privacy-notice version. */
public record InformationRecord(long id, long personId, String noticeVersion, String how, Instant informedAt,
        String recordedBy) {}
