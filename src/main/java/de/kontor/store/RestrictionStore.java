package de.kontor.store;

import static de.kontor.store.jooq.Tables.APP_USER;
import static de.kontor.store.jooq.Tables.RESTRICTION;

import de.kontor.domain.retention.Restriction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/** Restrictions of processing (Art. 18) and restrictions under statutory retention. */
public final class RestrictionStore {
    public long restrict(Tx tx, long personId, String reason, LocalDate until, boolean retention, long userId, Instant now) {
        return tx.dsl().insertInto(RESTRICTION).set(RESTRICTION.PERSON_ID, personId).set(RESTRICTION.REASON, reason)
                .set(RESTRICTION.UNTIL_DATE, until).set(RESTRICTION.RETENTION, retention)
                .set(RESTRICTION.RESTRICTED_AT, now.atOffset(ZoneOffset.UTC)).set(RESTRICTION.RECORDED_BY, userId)
                .returningResult(RESTRICTION.ID).fetchOne().value1();
    }

    public int lift(Tx tx, long personId, String reason, Instant now) {
        return tx.dsl().update(RESTRICTION).set(RESTRICTION.LIFTED_AT, now.atOffset(ZoneOffset.UTC))
                .set(RESTRICTION.LIFT_REASON, reason)
                .where(RESTRICTION.PERSON_ID.eq(personId).and(RESTRICTION.LIFTED_AT.isNull())).execute();
    }

    public Optional<Restriction> active(Tx tx, long personId) {
        return tx.dsl().select(RESTRICTION.fields()).select(APP_USER.USERNAME).from(RESTRICTION)
                .join(APP_USER).on(APP_USER.ID.eq(RESTRICTION.RECORDED_BY))
                .where(RESTRICTION.PERSON_ID.eq(personId).and(RESTRICTION.LIFTED_AT.isNull()))
                .orderBy(RESTRICTION.ID.desc()).limit(1).fetchOptional()
                .map(r -> new Restriction(r.get(RESTRICTION.ID), personId, r.get(RESTRICTION.REASON),
                        r.get(RESTRICTION.RESTRICTED_AT).toInstant(), r.get(RESTRICTION.UNTIL_DATE),
                        r.get(RESTRICTION.RETENTION), r.get(APP_USER.USERNAME)));
    }

    /** Ids of every person with an active restriction. */
    public Set<Long> restrictedIds(Tx tx) {
        return new HashSet<>(tx.dsl().selectDistinct(RESTRICTION.PERSON_ID).from(RESTRICTION)
                .where(RESTRICTION.LIFTED_AT.isNull()).fetch(RESTRICTION.PERSON_ID));
    }

    /** Active restrictions whose end date has passed (lifted automatically unless retention). */
    public List<Long> endedBefore(Tx tx, LocalDate day, boolean retention) {
        return tx.dsl().selectDistinct(RESTRICTION.PERSON_ID).from(RESTRICTION)
                .where(RESTRICTION.LIFTED_AT.isNull().and(RESTRICTION.UNTIL_DATE.lt(day))
                        .and(RESTRICTION.RETENTION.eq(retention))).fetch(RESTRICTION.PERSON_ID);
    }
}
