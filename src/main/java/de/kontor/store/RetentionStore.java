package de.kontor.store;

import static de.kontor.store.jooq.Tables.ACTIVITY;
import static de.kontor.store.jooq.Tables.CONSENT;
import static de.kontor.store.jooq.Tables.DATA_CATEGORY;
import static de.kontor.store.jooq.Tables.DOCUMENT;
import static de.kontor.store.jooq.Tables.PERSON;
import static de.kontor.store.jooq.Tables.RESTRICTION;
import static de.kontor.store.jooq.Tables.RETENTION_POSTPONEMENT;

import de.kontor.domain.privacy.Keyed;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.DueAction;
import de.kontor.domain.retention.ItemType;
import de.kontor.domain.retention.RetentionFacts;
import de.kontor.domain.retention.RetentionPeriod;
import de.kontor.domain.retention.StartEvent;
import de.kontor.store.jooq.tables.records.DataCategoryRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.impl.DSL;

/** The deletion concept's categories and the dates of every stored item. */
public final class RetentionStore {
    public static final String ENTITY = "data_category";

    public List<DataCategory> categories(Tx tx) {
        return tx.dsl().selectFrom(DATA_CATEGORY).orderBy(DATA_CATEGORY.ID).fetch().map(RetentionStore::toCategory);
    }

    public Optional<DataCategory> category(Tx tx, String key) {
        return tx.dsl().selectFrom(DATA_CATEGORY).where(DATA_CATEGORY.CATEGORY_KEY.eq(key)).fetchOptional()
                .map(RetentionStore::toCategory);
    }

    /** Changes a category's rule (optimistic lock); returns false when the version was stale. */
    public boolean updateRule(Tx tx, long id, int expectedVersion, RetentionPeriod period, StartEvent start,
            DueAction action, boolean fromYearEnd, Instant now) {
        return tx.dsl().update(DATA_CATEGORY)
                .set(DATA_CATEGORY.RETENTION_PERIOD, period.key())
                .set(DATA_CATEGORY.START_EVENT, start.key())
                .set(DATA_CATEGORY.DUE_ACTION, action.key())
                .set(DATA_CATEGORY.FROM_YEAR_END, fromYearEnd)
                .set(DATA_CATEGORY.VERSION, expectedVersion + 1)
                .set(DATA_CATEGORY.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(DATA_CATEGORY.ID.eq(id).and(DATA_CATEGORY.VERSION.eq(expectedVersion))).execute() == 1;
    }

    /** The dates of every person, activity, consent and document, in a handful of queries. */
    public RetentionFacts facts(Tx tx, ZoneId zone) {
        Map<Long, LocalDate> lastContact = new HashMap<>();
        tx.dsl().select(ACTIVITY.PERSON_ID, DSL.max(ACTIVITY.OCCURRED_AT)).from(ACTIVITY).groupBy(ACTIVITY.PERSON_ID)
                .forEach(r -> lastContact.put(r.value1(), date(r.value2(), zone)));
        Set<Long> restricted = new HashSet<>(tx.dsl().select(RESTRICTION.PERSON_ID).from(RESTRICTION)
                .where(RESTRICTION.LIFTED_AT.isNull()).fetch(RESTRICTION.PERSON_ID));
        var persons = tx.dsl().select(PERSON.ID, PERSON.CATEGORY_KEY, PERSON.CREATED_AT, PERSON.RELATIONSHIP_ENDED_ON)
                .from(PERSON).fetch(r -> new RetentionFacts.PersonFact(r.value1(), r.value2(), date(r.value3(), zone),
                        r.value4(), lastContact.get(r.value1()), restricted.contains(r.value1())));
        var activities = tx.dsl().select(ACTIVITY.ID, ACTIVITY.PERSON_ID, ACTIVITY.KIND, ACTIVITY.CATEGORY_KEY,
                        ACTIVITY.OCCURRED_AT, ACTIVITY.CREATED_AT).from(ACTIVITY)
                .fetch(r -> new RetentionFacts.ActivityFact(r.value1(), r.value2(), r.value3(), r.value4(),
                        date(r.value5(), zone), date(r.value6(), zone)));
        var consents = tx.dsl().select(CONSENT.ID, CONSENT.PERSON_ID, CONSENT.REQUESTED_AT, CONSENT.GIVEN_AT,
                        CONSENT.WITHDRAWN_AT, CONSENT.EXPIRED_AT).from(CONSENT)
                .fetch(r -> new RetentionFacts.ConsentFact(r.value1(), r.value2(),
                        date(r.value4() != null ? r.value4() : r.value3(), zone),
                        date(r.value5() != null ? r.value5() : r.value6(), zone)));
        var documents = tx.dsl().select(DOCUMENT.ID, DOCUMENT.PERSON_ID, DOCUMENT.CATEGORY_KEY, DOCUMENT.CREATED_AT)
                .from(DOCUMENT)
                .fetch(r -> new RetentionFacts.DocumentFact(r.value1(), r.value2(), r.value3(), date(r.value4(), zone)));
        Map<String, RetentionFacts.Postponement> postponements = new HashMap<>();
        tx.dsl().selectFrom(RETENTION_POSTPONEMENT).orderBy(RETENTION_POSTPONEMENT.ID).forEach(r -> {
            ItemType type = Keyed.fromKey(ItemType.class, r.getItemType()).orElseThrow();
            postponements.put(RetentionFacts.key(type, r.getItemId()),
                    new RetentionFacts.Postponement(type, r.getItemId(), r.getDueOn(), r.getReason()));
        });
        return new RetentionFacts(persons, activities, consents, documents, postponements);
    }

    public long postpone(Tx tx, ItemType type, long itemId, LocalDate dueOn, String reason, long userId, Instant now) {
        return tx.dsl().insertInto(RETENTION_POSTPONEMENT)
                .set(RETENTION_POSTPONEMENT.ITEM_TYPE, type.key())
                .set(RETENTION_POSTPONEMENT.ITEM_ID, itemId)
                .set(RETENTION_POSTPONEMENT.DUE_ON, dueOn)
                .set(RETENTION_POSTPONEMENT.REASON, reason)
                .set(RETENTION_POSTPONEMENT.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(RETENTION_POSTPONEMENT.RECORDED_BY, userId)
                .returningResult(RETENTION_POSTPONEMENT.ID).fetchOne().value1();
    }

    public Optional<RetentionFacts.PersonFact> personFact(Tx tx, long personId, ZoneId zone) {
        return tx.dsl().select(PERSON.ID, PERSON.CATEGORY_KEY, PERSON.CREATED_AT, PERSON.RELATIONSHIP_ENDED_ON).from(PERSON)
                .where(PERSON.ID.eq(personId)).fetchOptional(r -> new RetentionFacts.PersonFact(r.value1(), r.value2(),
                        date(r.value3(), zone), r.value4(), null, false));
    }

    /** The data category of many people (people without one are left out), in one query. */
    public Map<Long, String> categories(Tx tx, java.util.Collection<Long> personIds) {
        Map<Long, String> out = new HashMap<>();
        tx.dsl().select(PERSON.ID, PERSON.CATEGORY_KEY).from(PERSON)
                .where(PERSON.ID.in(personIds).and(PERSON.CATEGORY_KEY.isNotNull()))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public void setPersonCategory(Tx tx, long personId, String category, LocalDate relationshipEnded) {
        tx.dsl().update(PERSON).set(PERSON.CATEGORY_KEY, category).set(PERSON.RELATIONSHIP_ENDED_ON, relationshipEnded)
                .where(PERSON.ID.eq(personId)).execute();
    }

    private static LocalDate date(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }

    private static DataCategory toCategory(DataCategoryRecord r) {
        return new DataCategory(r.getId(), r.getCategoryKey(), r.getNameDe(), r.getNameEn(), r.getDescriptionDe(),
                r.getDescriptionEn(), Keyed.fromKey(RetentionPeriod.class, r.getRetentionPeriod()).orElseThrow(),
                Keyed.fromKey(StartEvent.class, r.getStartEvent()).orElseThrow(),
                Keyed.fromKey(DueAction.class, r.getDueAction()).orElseThrow(), r.getFromYearEnd(), r.getStatutory(),
                r.getVersion());
    }
}
