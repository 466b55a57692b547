package de.kontor.domain.privacy;

/**
 * Whether a person may be processed for a purpose on a day, and why: the basis in force and,
 * where the basis is consent, the consent that carries it; or the reason for exclusion.
 */
public record ProcessingDecision(String purposeKey, Exclusion exclusion, BasisRecord basis, Consent consent) {
    public boolean allowed() {
        return exclusion == null;
    }
}
