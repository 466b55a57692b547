package de.kontor.domain.privacy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may be processed for a purpose today (Art. 6, 7, 18, 21; UWG §7): a lawful basis valid
 * today; where that basis is consent, a given consent that has not expired; for direct
 * marketing, no objection unless consent was given after it; and no restriction.
 */
public final class ProcessingRules {

    public ProcessingDecision decide(Purpose purpose, List<BasisRecord> bases, List<Consent> consents,
            List<Objection> objections, boolean restricted, LocalDate today) {
        String key = purpose.key();
        Optional<Consent> validConsent = consents.stream().filter(c -> c.validOn(today))
                .max(Comparator.comparing(Consent::givenAt));
        if (restricted) {
            return new ProcessingDecision(key, Exclusion.RESTRICTED, null, null);
        }
        Optional<BasisRecord> current = currentBasis(bases, today);
        if (current.isEmpty()) {
            return new ProcessingDecision(key, Exclusion.NO_BASIS, null, null);
        }
        BasisRecord basis = current.get();
        if (purpose.marketing()) {
            Optional<Objection> objection = objections.stream().max(Comparator.comparing(Objection::objectedAt));
            boolean consentSince = objection.isPresent() && validConsent.isPresent()
                    && validConsent.get().givenAt().isAfter(objection.get().objectedAt());
            if (objection.isPresent() && !consentSince) {
                return new ProcessingDecision(key, Exclusion.OBJECTED, basis, null);
            }
        }
        if (basis.basis() == LawfulBasis.CONSENT) {
            if (validConsent.isPresent()) {
                return new ProcessingDecision(key, null, basis, validConsent.get());
            }
            Optional<Consent> latest = consents.stream().filter(c -> !c.status().isOpen())
                    .max(Comparator.comparingLong(Consent::id));
            Exclusion why = latest.map(c -> switch (c.status()) {
                case WITHDRAWN -> Exclusion.CONSENT_WITHDRAWN;
                case EXPIRED, GIVEN -> Exclusion.CONSENT_EXPIRED;
                default -> Exclusion.NO_CONSENT;
            }).orElse(Exclusion.NO_CONSENT);
            return new ProcessingDecision(key, why, basis, latest.orElse(null));
        }
        return new ProcessingDecision(key, null, basis, validConsent.orElse(null));
    }

    /** The newest recorded basis that is valid on {@code day}. */
    public Optional<BasisRecord> currentBasis(List<BasisRecord> bases, LocalDate day) {
        return bases.stream().filter(b -> b.validOn(day))
                .max(Comparator.comparing(BasisRecord::recordedAt).thenComparingLong(BasisRecord::id));
    }
}
