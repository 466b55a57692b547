package de.kontor.store;

import static de.kontor.store.jooq.Tables.ACTIVITY;
import static de.kontor.store.jooq.Tables.APP_USER;
import static de.kontor.store.jooq.Tables.CONSENT;
import static de.kontor.store.jooq.Tables.CONSENT_TEXT;
import static de.kontor.store.jooq.Tables.DATA_CATEGORY;
import static de.kontor.store.jooq.Tables.INFORMATION_NOTICE;
import static de.kontor.store.jooq.Tables.LAWFUL_BASIS;
import static de.kontor.store.jooq.Tables.OBJECTION;
import static de.kontor.store.jooq.Tables.ORGANISATION;
import static de.kontor.store.jooq.Tables.PERSON;
import static de.kontor.store.jooq.Tables.PERSON_ADDRESS;
import static de.kontor.store.jooq.Tables.PERSON_EMAIL;
import static de.kontor.store.jooq.Tables.PERSON_PHONE;
import static de.kontor.store.jooq.Tables.PERSON_TAG;
import static de.kontor.store.jooq.Tables.PURPOSE;

import de.kontor.domain.Activity;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Objection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.impl.DSL;

/**
 * Writes people back exactly as exported (ids, versions and timestamps kept): the restore half
 * of Kontor's JSON round trip. Only into a database without people; afterwards the identity
 * counters are moved past the restored ids.
 */
public final class RestoreStore {
    public boolean hasPeople(Tx tx) {
        return tx.dsl().fetchExists(PERSON);
    }

    /** User ids by user name. */
    public Map<String, Long> users(Tx tx) {
        Map<String, Long> m = new HashMap<>();
        tx.dsl().select(APP_USER.USERNAME, APP_USER.ID).from(APP_USER).fetch().forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public Set<String> categories(Tx tx) {
        return new HashSet<>(tx.dsl().select(DATA_CATEGORY.CATEGORY_KEY).from(DATA_CATEGORY).fetch(DATA_CATEGORY.CATEGORY_KEY));
    }

    public Optional<Long> purposeId(Tx tx, String key) {
        return tx.dsl().select(PURPOSE.ID).from(PURPOSE).where(PURPOSE.PURPOSE_KEY.eq(key)).fetchOptional(PURPOSE.ID);
    }

    /** The consent text's id and SHA-256 for a purpose and version. */
    public Optional<Map.Entry<Long, String>> consentText(Tx tx, long purposeId, String version) {
        return tx.dsl().select(CONSENT_TEXT.ID, CONSENT_TEXT.SHA256).from(CONSENT_TEXT)
                .where(CONSENT_TEXT.PURPOSE_ID.eq(purposeId).and(CONSENT_TEXT.VERSION_LABEL.eq(version)))
                .fetchOptional(r -> Map.entry(r.value1(), r.value2()));
    }

    private static long insertOrganisation(Tx tx, String name, Instant at) {
        return tx.dsl().insertInto(ORGANISATION).set(ORGANISATION.NAME, name).set(ORGANISATION.VERSION, 1)
                .set(ORGANISATION.CREATED_AT, utc(at)).set(ORGANISATION.UPDATED_AT, utc(at))
                .returningResult(ORGANISATION.ID).fetchOne().value1();
    }

    /** Receives the restored rows of people in order; see {@link #write}. */
    public interface Writer {
        /** The organisation of that exact name (created, name only, when missing). */
        long organisation(String name, Instant at);

        void person(Person p, Long organisationId, String category, long capturedBy);

        void activity(Activity a, long createdBy);

        void basis(long purposeId, BasisRecord b, long userId);

        void consent(long purposeId, long textId, Consent c, long userId);

        void objection(Objection o, long userId);

        void information(InformationRecord i, long userId);
    }

    /**
     * Restores rows through one prepared statement per table, sent in JDBC batches: a restore of
     * 100 000 people would otherwise build and parse half a million statements. The batches are
     * sent together, parents first, every {@value #PEOPLE_PER_FLUSH} people and at the end.
     */
    public void write(Tx tx, java.util.function.Consumer<Writer> body) {
        DSLContext dsl = tx.dsl();
        List<String> sql = List.of(
                dsl.insertInto(PERSON, PERSON.ID, PERSON.SALUTATION, PERSON.TITLE, PERSON.GIVEN_NAME,
                        PERSON.FAMILY_NAME, PERSON.BIRTH_DATE, PERSON.LANGUAGE, PERSON.ORGANISATION_ID, PERSON.JOB_TITLE,
                        PERSON.NOTES, PERSON.SOURCE_KIND, PERSON.SOURCE_DETAIL, PERSON.SOURCE_FILE,
                        PERSON.SOURCE_RECORD_ID, PERSON.CAPTURED_AT, PERSON.CAPTURED_BY, PERSON.VERSION,
                        PERSON.CREATED_AT, PERSON.UPDATED_AT, PERSON.CATEGORY_KEY).values(nulls(20)).getSQL(),
                // without the category: the column's default applies (a person is in one category)
                dsl.insertInto(PERSON, PERSON.ID, PERSON.SALUTATION, PERSON.TITLE, PERSON.GIVEN_NAME,
                        PERSON.FAMILY_NAME, PERSON.BIRTH_DATE, PERSON.LANGUAGE, PERSON.ORGANISATION_ID, PERSON.JOB_TITLE,
                        PERSON.NOTES, PERSON.SOURCE_KIND, PERSON.SOURCE_DETAIL, PERSON.SOURCE_FILE,
                        PERSON.SOURCE_RECORD_ID, PERSON.CAPTURED_AT, PERSON.CAPTURED_BY, PERSON.VERSION,
                        PERSON.CREATED_AT, PERSON.UPDATED_AT).values(nulls(19)).getSQL(),
                dsl.insertInto(PERSON_EMAIL, PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.POSITION,
                        PERSON_EMAIL.KIND, PERSON_EMAIL.ADDRESS).values(nulls(4)).getSQL(),
                dsl.insertInto(PERSON_PHONE, PERSON_PHONE.PERSON_ID, PERSON_PHONE.POSITION,
                        PERSON_PHONE.KIND, PERSON_PHONE.RAW, PERSON_PHONE.E164).values(nulls(5)).getSQL(),
                dsl.insertInto(PERSON_ADDRESS, PERSON_ADDRESS.PERSON_ID, PERSON_ADDRESS.POSITION,
                        PERSON_ADDRESS.KIND, PERSON_ADDRESS.STREET, PERSON_ADDRESS.HOUSE_NUMBER,
                        PERSON_ADDRESS.ADDRESS_LINE2, PERSON_ADDRESS.POSTCODE, PERSON_ADDRESS.CITY,
                        PERSON_ADDRESS.REGION, PERSON_ADDRESS.COUNTRY).values(nulls(10)).getSQL(),
                dsl.insertInto(PERSON_TAG, PERSON_TAG.PERSON_ID, PERSON_TAG.TAG).values(nulls(2)).getSQL(),
                dsl.insertInto(ACTIVITY, ACTIVITY.ID, ACTIVITY.PERSON_ID, ACTIVITY.KIND,
                        ACTIVITY.OCCURRED_AT, ACTIVITY.SUBJECT, ACTIVITY.BODY, ACTIVITY.CREATED_BY, ACTIVITY.VERSION,
                        ACTIVITY.CREATED_AT, ACTIVITY.UPDATED_AT).values(nulls(10)).getSQL(),
                dsl.insertInto(LAWFUL_BASIS, LAWFUL_BASIS.PERSON_ID, LAWFUL_BASIS.PURPOSE_ID,
                        LAWFUL_BASIS.BASIS, LAWFUL_BASIS.VALID_FROM, LAWFUL_BASIS.VALID_UNTIL, LAWFUL_BASIS.EVIDENCE,
                        LAWFUL_BASIS.BALANCING_NOTE, LAWFUL_BASIS.RECORDED_AT, LAWFUL_BASIS.RECORDED_BY).values(nulls(9)).getSQL(),
                dsl.insertInto(CONSENT, CONSENT.PERSON_ID, CONSENT.PURPOSE_ID, CONSENT.STATUS,
                        CONSENT.METHOD, CONSENT.CONSENT_TEXT_ID, CONSENT.REQUESTED_AT, CONSENT.GIVEN_AT,
                        CONSENT.WITHDRAWN_AT, CONSENT.EXPIRED_AT, CONSENT.EXPIRES_ON, CONSENT.WITHDRAWAL_CHANNEL,
                        CONSENT.RECORDED_BY, CONSENT.VERSION).values(nulls(13)).getSQL(),
                dsl.insertInto(OBJECTION, OBJECTION.PERSON_ID, OBJECTION.OBJECTED_AT, OBJECTION.CHANNEL,
                        OBJECTION.RECORDED_BY).values(nulls(4)).getSQL(),
                dsl.insertInto(INFORMATION_NOTICE, INFORMATION_NOTICE.PERSON_ID,
                        INFORMATION_NOTICE.NOTICE_VERSION, INFORMATION_NOTICE.HOW, INFORMATION_NOTICE.INFORMED_AT,
                        INFORMATION_NOTICE.RECORDED_BY).values(nulls(5)).getSQL());
        dsl.connection(c -> {
            List<PreparedStatement> statements = new ArrayList<>();
            try {
                for (String q : sql) {
                    statements.add(c.prepareStatement(q));
                }
                BatchWriter w = new BatchWriter(tx, statements);
                body.accept(w);
                w.flush();
            } finally {
                for (PreparedStatement ps : statements) {
                    ps.close();
                }
            }
        });
    }

    private static final int PEOPLE_PER_FLUSH = 500;

    private static List<Object> nulls(int columns) {
        return java.util.Collections.nCopies(columns, null);
    }

    /** Statement order = table order above: parents before the rows that refer to them. */
    private final class BatchWriter implements Writer {
        private static final int PERSON_ROW = 0;
        private static final int PERSON_DEFAULT_CATEGORY = 1;
        private static final int EMAIL = 2;
        private static final int PHONE = 3;
        private static final int ADDRESS = 4;
        private static final int TAG = 5;
        private static final int ACTIVITY_ROW = 6;
        private static final int BASIS = 7;
        private static final int CONSENT_ROW = 8;
        private static final int OBJECTION_ROW = 9;
        private static final int INFORMATION = 10;

        private final Tx tx;
        private final List<PreparedStatement> statements;
        private final boolean[] pending;
        private final Map<String, Long> organisations = new HashMap<>();
        private int people;

        BatchWriter(Tx tx, List<PreparedStatement> statements) {
            this.tx = tx;
            this.statements = statements;
            this.pending = new boolean[statements.size()];
            // existing organisations by exact name (the oldest of equal names), read once
            tx.dsl().select(ORGANISATION.NAME, ORGANISATION.ID).from(ORGANISATION).orderBy(ORGANISATION.ID)
                    .forEach(r -> organisations.putIfAbsent(r.value1(), r.value2()));
        }

        @Override
        public long organisation(String name, Instant at) {
            return organisations.computeIfAbsent(name, n -> insertOrganisation(tx, n, at));
        }

        @Override
        public void person(Person p, Long organisationId, String category, long capturedBy) {
            if (people > 0 && people % PEOPLE_PER_FLUSH == 0) {
                flush();
            }
            people++;
            PersonData d = p.data();
            Object[] row = {p.id(), d.salutation(), d.title(), d.givenName(), d.familyName(), d.birthDate(),
                    d.language(), organisationId, d.jobTitle(), d.notes(), p.provenance().kind().key(),
                    p.provenance().detail(), p.provenance().fileName(), p.provenance().sourceRecordId(),
                    utc(p.provenance().capturedAt()), capturedBy, p.version(), utc(p.createdAt()), utc(p.updatedAt()),
                    category};
            if (category == null) {
                add(PERSON_DEFAULT_CATEGORY, java.util.Arrays.copyOf(row, row.length - 1));
            } else {
                add(PERSON_ROW, row);
            }
            int pos = 0;
            for (EmailAddress e : d.emails()) {
                add(EMAIL, p.id(), pos++, e.kind().key(), e.address());
            }
            pos = 0;
            for (PhoneNumber ph : d.phones()) {
                add(PHONE, p.id(), pos++, ph.kind().key(), ph.raw(), ph.e164());
            }
            pos = 0;
            for (PostalAddress a : d.addresses()) {
                add(ADDRESS, p.id(), pos++, a.kind().key(), a.street(), a.houseNumber(), a.addressLine2(), a.postcode(),
                        a.city(), a.region(), a.country());
            }
            for (String tag : d.tags()) {
                add(TAG, p.id(), tag);
            }
        }

        @Override
        public void activity(Activity a, long createdBy) {
            OffsetDateTime at = utc(a.data().occurredAt());
            add(ACTIVITY_ROW, a.id(), a.personId(), a.data().kind().key(), at,
                    a.data().subject() == null ? "" : a.data().subject(), a.data().body(), createdBy, 1, at, at);
        }

        @Override
        public void basis(long purposeId, BasisRecord b, long userId) {
            add(BASIS, b.personId(), purposeId, b.basis().key(), b.validFrom(), b.validUntil(), b.evidence(),
                    b.balancingNote(), utc(b.recordedAt()), userId);
        }

        @Override
        public void consent(long purposeId, long textId, Consent c, long userId) {
            add(CONSENT_ROW, c.personId(), purposeId, c.status().key(), c.method().key(), textId, utc(c.requestedAt()),
                    utc(c.givenAt()), utc(c.withdrawnAt()), utc(c.expiredAt()), c.expiresOn(), c.withdrawalChannel(),
                    userId, 1);
        }

        @Override
        public void objection(Objection o, long userId) {
            add(OBJECTION_ROW, o.personId(), utc(o.objectedAt()), o.channel(), userId);
        }

        @Override
        public void information(InformationRecord i, long userId) {
            add(INFORMATION, i.personId(), i.noticeVersion(), i.how(), utc(i.informedAt()), userId);
        }

        private void add(int table, Object... values) {
            try {
                PreparedStatement ps = statements.get(table);
                PersonStore.bind(ps, values);
                ps.addBatch();
                pending[table] = true;
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        void flush() {
            try {
                for (int i = 0; i < statements.size(); i++) {
                    if (pending[i]) {
                        statements.get(i).executeBatch();
                        pending[i] = false;
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }
    }

    /** Moves the identity counters of people and activities past the restored ids. */
    public void restartIdentities(Tx tx) {
        for (var t : List.of(PERSON, ACTIVITY)) {
            Long max = tx.dsl().select(DSL.max(t.field("ID", Long.class))).from(t).fetchOne().value1();
            tx.dsl().execute("ALTER TABLE " + t.getName() + " ALTER COLUMN ID RESTART WITH " + ((max == null ? 0 : max) + 1));
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
