package de.kontor.store;

import static de.kontor.store.jooq.Tables.SUPPRESSION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/** Keyed hashes of identifiers of people who must not be re-entered; never the values. */
public final class SuppressionStore {
    public record Hit(long id, String kind, String reason) {}

    public void add(Tx tx, String kind, String digest, String reason, Instant now) {
        boolean present = tx.dsl().fetchExists(SUPPRESSION, SUPPRESSION.DIGEST.eq(digest)
                .and(SUPPRESSION.LIFTED_AT.isNull()));
        if (!present) {
            tx.dsl().insertInto(SUPPRESSION).set(SUPPRESSION.KIND, kind).set(SUPPRESSION.DIGEST, digest)
                    .set(SUPPRESSION.REASON, reason).set(SUPPRESSION.CREATED_AT, now.atOffset(ZoneOffset.UTC)).execute();
        }
    }

    /** Active entries matching any of the digests. */
    public List<Hit> find(Tx tx, Collection<String> digests) {
        if (digests.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(SUPPRESSION.ID, SUPPRESSION.KIND, SUPPRESSION.REASON).from(SUPPRESSION)
                .where(SUPPRESSION.DIGEST.in(digests).and(SUPPRESSION.LIFTED_AT.isNull()))
                .fetch(r -> new Hit(r.value1(), r.value2(), r.value3()));
    }

    /** All active digests (for checking a whole import in memory). */
    public java.util.Map<String, Hit> allActive(Tx tx) {
        java.util.Map<String, Hit> m = new java.util.HashMap<>();
        tx.dsl().select(SUPPRESSION.ID, SUPPRESSION.KIND, SUPPRESSION.REASON, SUPPRESSION.DIGEST).from(SUPPRESSION)
                .where(SUPPRESSION.LIFTED_AT.isNull())
                .forEach(r -> m.put(r.value4(), new Hit(r.value1(), r.value2(), r.value3())));
        return m;
    }

    public int lift(Tx tx, String digest, String reason, long userId, Instant now) {
        return tx.dsl().update(SUPPRESSION).set(SUPPRESSION.LIFTED_AT, now.atOffset(ZoneOffset.UTC))
                .set(SUPPRESSION.LIFT_REASON, reason).set(SUPPRESSION.LIFTED_BY, userId)
                .where(SUPPRESSION.DIGEST.eq(digest).and(SUPPRESSION.LIFTED_AT.isNull())).execute();
    }
}
