package de.kontor.store;

import org.jooq.DSLContext;

/**
 * One open transaction. Services pass it from store to store so several writes (a person and
 * its audit entries) commit together; only the store package can reach the SQL behind it.
 */
public final class Tx {
    private final DSLContext dsl;

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    DSLContext dsl() {
        return dsl;
    }
}
