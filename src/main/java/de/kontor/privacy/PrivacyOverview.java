package de.kontor.privacy;

import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.ProcessingDecision;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one person's processing: per purpose whether it is allowed today and why,
 * the full basis and consent history, objections, and the information duty (Art. 13/14).
 * {@code informBy} is set while a person from a third-party source has not been informed.
 */
public record PrivacyOverview(
        long personId,
        List<ProcessingDecision> decisions,
        List<BasisRecord> bases,
        List<Consent> consents,
        List<Objection> objections,
        List<InformationRecord> information,
        LocalDate informBy) {}
