package de.kontor.store;

import static de.kontor.store.jooq.Tables.ACTIVITY;
import static de.kontor.store.jooq.Tables.CONSENT;
import static de.kontor.store.jooq.Tables.DEDUPE_DISTINCT;
import static de.kontor.store.jooq.Tables.DOCUMENT;
import static de.kontor.store.jooq.Tables.INFORMATION_NOTICE;
import static de.kontor.store.jooq.Tables.LAWFUL_BASIS;
import static de.kontor.store.jooq.Tables.OBJECTION;
import static de.kontor.store.jooq.Tables.PERSON_REDIRECT;
import static de.kontor.store.jooq.Tables.RESTRICTION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Pairs known not to be duplicates, and merging one person into another. */
public final class DedupeStore {

    public void markDistinct(Tx tx, long a, long b, long userId, Instant now) {
        long x = Math.min(a, b);
        long y = Math.max(a, b);
        if (!tx.dsl().fetchExists(DEDUPE_DISTINCT, DEDUPE_DISTINCT.PERSON_A.eq(x).and(DEDUPE_DISTINCT.PERSON_B.eq(y)))) {
            tx.dsl().insertInto(DEDUPE_DISTINCT).set(DEDUPE_DISTINCT.PERSON_A, x).set(DEDUPE_DISTINCT.PERSON_B, y)
                    .set(DEDUPE_DISTINCT.RECORDED_AT, now.atOffset(ZoneOffset.UTC)).set(DEDUPE_DISTINCT.RECORDED_BY, userId)
                    .execute();
        }
    }

    /** "min:max" keys of every pair marked distinct. */
    public Set<String> distinctPairs(Tx tx) {
        Set<String> s = new HashSet<>();
        tx.dsl().select(DEDUPE_DISTINCT.PERSON_A, DEDUPE_DISTINCT.PERSON_B).from(DEDUPE_DISTINCT)
                .forEach(r -> s.add(r.value1() + ":" + r.value2()));
        return s;
    }

    /**
     * Moves everything that hangs on {@code from} to {@code into} (activities, documents,
     * consents, bases, objections, information records, restrictions) and leaves a redirect.
     * Contact details are merged by the caller through the person store; the person row of
     * {@code from} is removed by the erasure path (decision 0013), not here.
     */
    public void moveAndRedirect(Tx tx, long from, long into, Instant now) {
        var dsl = tx.dsl();
        dsl.update(ACTIVITY).set(ACTIVITY.PERSON_ID, into).where(ACTIVITY.PERSON_ID.eq(from)).execute();
        dsl.update(DOCUMENT).set(DOCUMENT.PERSON_ID, into).where(DOCUMENT.PERSON_ID.eq(from)).execute();
        dsl.update(CONSENT).set(CONSENT.PERSON_ID, into).where(CONSENT.PERSON_ID.eq(from)).execute();
        dsl.update(LAWFUL_BASIS).set(LAWFUL_BASIS.PERSON_ID, into).where(LAWFUL_BASIS.PERSON_ID.eq(from)).execute();
        dsl.update(OBJECTION).set(OBJECTION.PERSON_ID, into).where(OBJECTION.PERSON_ID.eq(from)).execute();
        dsl.update(INFORMATION_NOTICE).set(INFORMATION_NOTICE.PERSON_ID, into)
                .where(INFORMATION_NOTICE.PERSON_ID.eq(from)).execute();
        dsl.update(RESTRICTION).set(RESTRICTION.PERSON_ID, into).where(RESTRICTION.PERSON_ID.eq(from)).execute();
        dsl.update(PERSON_REDIRECT).set(PERSON_REDIRECT.NEW_ID, into).where(PERSON_REDIRECT.NEW_ID.eq(from)).execute();
        dsl.insertInto(PERSON_REDIRECT).set(PERSON_REDIRECT.OLD_ID, from).set(PERSON_REDIRECT.NEW_ID, into)
                .set(PERSON_REDIRECT.MERGED_AT, now.atOffset(ZoneOffset.UTC)).execute();
    }

    /** Where a merged-away id lives on. */
    public Optional<Long> redirect(Tx tx, long id) {
        return tx.dsl().select(PERSON_REDIRECT.NEW_ID).from(PERSON_REDIRECT).where(PERSON_REDIRECT.OLD_ID.eq(id))
                .fetchOptional(PERSON_REDIRECT.NEW_ID);
    }
}
