package de.kontor.domain.privacy;

/** Why a person may not be processed for a purpose today. */
public enum Exclusion implements Keyed {
    RESTRICTED("restricted"),
    NO_BASIS("no-basis"),
    OBJECTED("objected"),
    NO_CONSENT("no-consent"),
    CONSENT_WITHDRAWN("consent-withdrawn"),
    CONSENT_EXPIRED("consent-expired");

    private final String key;

    Exclusion(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
