package de.kontor.domain.privacy;

/** How consent was asked for and given (Art. 7(1): the controller must be able to prove it). */
public enum ConsentMethod implements Keyed {
    WRITTEN_FORM("written-form"),
    DOUBLE_OPT_IN("double-opt-in"),
    EMAIL("email"),
    VERBAL("verbal"),
    OTHER("other");

    private final String key;

    ConsentMethod(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
