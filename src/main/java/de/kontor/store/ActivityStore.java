package de.kontor.store;

import static de.kontor.store.jooq.Tables.ACTIVITY;
import static de.kontor.store.jooq.Tables.APP_USER;

import de.kontor.domain.Activity;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.StaleDataException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;

/** Calls, meetings, e-mails, notes and orders recorded on a person. */
public final class ActivityStore {
    public static final String ENTITY = "activity";

    public long insert(Tx tx, long personId, ActivityData d, long createdBy, Instant now) {
        var t = now.atOffset(ZoneOffset.UTC);
        return tx.dsl().insertInto(ACTIVITY)
                .set(ACTIVITY.PERSON_ID, personId)
                .set(ACTIVITY.KIND, d.kind().key())
                .set(ACTIVITY.OCCURRED_AT, d.occurredAt().atOffset(ZoneOffset.UTC))
                .set(ACTIVITY.SUBJECT, d.subject())
                .set(ACTIVITY.BODY, d.body())
                .set(ACTIVITY.CREATED_BY, createdBy)
                .set(ACTIVITY.VERSION, 1)
                .set(ACTIVITY.CREATED_AT, t)
                .set(ACTIVITY.UPDATED_AT, t)
                .returningResult(ACTIVITY.ID)
                .fetchOne()
                .value1();
    }

    public void delete(Tx tx, long id, int expectedVersion) {
        int rows = tx.dsl().deleteFrom(ACTIVITY)
                .where(ACTIVITY.ID.eq(id).and(ACTIVITY.VERSION.eq(expectedVersion))).execute();
        if (rows != 1) {
            if (tx.dsl().fetchExists(ACTIVITY, ACTIVITY.ID.eq(id))) {
                throw new StaleDataException(ENTITY, id);
            }
            throw new NotFoundException(ENTITY, id);
        }
    }

    public Optional<Activity> find(Tx tx, long id) {
        return tx.dsl().select(ACTIVITY.fields()).select(APP_USER.USERNAME).from(ACTIVITY)
                .join(APP_USER).on(APP_USER.ID.eq(ACTIVITY.CREATED_BY))
                .where(ACTIVITY.ID.eq(id)).fetchOptional().map(ActivityStore::toActivity);
    }

    /** A person's activities, newest first. */
    public List<Activity> ofPerson(Tx tx, long personId) {
        return tx.dsl().select(ACTIVITY.fields()).select(APP_USER.USERNAME).from(ACTIVITY)
                .join(APP_USER).on(APP_USER.ID.eq(ACTIVITY.CREATED_BY))
                .where(ACTIVITY.PERSON_ID.eq(personId))
                .orderBy(ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID.desc())
                .fetch().map(ActivityStore::toActivity);
    }

    /** The activities of many people, oldest first per person, in one query. */
    public java.util.Map<Long, List<Activity>> ofPersons(Tx tx, java.util.Collection<Long> personIds) {
        java.util.Map<Long, List<Activity>> out = new java.util.HashMap<>();
        tx.dsl().select(ACTIVITY.fields()).select(APP_USER.USERNAME).from(ACTIVITY)
                .join(APP_USER).on(APP_USER.ID.eq(ACTIVITY.CREATED_BY))
                .where(ACTIVITY.PERSON_ID.in(personIds))
                .orderBy(ACTIVITY.PERSON_ID, ACTIVITY.OCCURRED_AT, ACTIVITY.ID)
                .forEach(r -> out.computeIfAbsent(r.get(ACTIVITY.PERSON_ID), k -> new java.util.ArrayList<>())
                        .add(toActivity(r)));
        return out;
    }

    private static Activity toActivity(Record r) {
        return new Activity(r.get(ACTIVITY.ID), r.get(ACTIVITY.PERSON_ID), r.get(ACTIVITY.VERSION),
                new ActivityData(ActivityKind.fromKey(r.get(ACTIVITY.KIND)).orElse(ActivityKind.NOTE),
                        r.get(ACTIVITY.OCCURRED_AT).toInstant(), r.get(ACTIVITY.SUBJECT), r.get(ACTIVITY.BODY)),
                r.get(APP_USER.USERNAME));
    }
}
