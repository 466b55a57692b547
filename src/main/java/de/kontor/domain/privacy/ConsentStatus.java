package de.kontor.domain.privacy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The consent state machine (Art. 7). A consent starts as requested, pending double opt-in or
 * given; only a given consent can be withdrawn; withdrawn and expired are final (new consent
 * is a new record, so the history stays).
 */
public enum ConsentStatus implements Keyed {
    REQUESTED("requested"),
    PENDING_DOUBLE_OPT_IN("pending-double-opt-in"),
    GIVEN("given"),
    WITHDRAWN("withdrawn"),
    EXPIRED("expired");

    private final String key;

    ConsentStatus(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** The states a new consent record may start in. */
    public static Set<ConsentStatus> initial() {
        return EnumSet.of(REQUESTED, PENDING_DOUBLE_OPT_IN, GIVEN);
    }

    public Set<ConsentStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(PENDING_DOUBLE_OPT_IN, GIVEN, EXPIRED);
            case PENDING_DOUBLE_OPT_IN -> EnumSet.of(GIVEN, EXPIRED);
            case GIVEN -> EnumSet.of(WITHDRAWN, EXPIRED);
            case WITHDRAWN, EXPIRED -> EnumSet.noneOf(ConsentStatus.class);
        };
    }

    public boolean canMoveTo(ConsentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Still waiting for the person (a request or an unconfirmed double opt-in). */
    public boolean isOpen() {
        return this == REQUESTED || this == PENDING_DOUBLE_OPT_IN;
    }
}
