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
import java.time.Instant;
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

    /** The organisation of that name, created (name only) when missing. */
    public long organisation(Tx tx, String name, Instant at) {
        return tx.dsl().select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.NAME.eq(name))
                .orderBy(ORGANISATION.ID).limit(1).fetchOptional(ORGANISATION.ID)
                .orElseGet(() -> tx.dsl().insertInto(ORGANISATION).set(ORGANISATION.NAME, name)
                        .set(ORGANISATION.VERSION, 1).set(ORGANISATION.CREATED_AT, utc(at))
                        .set(ORGANISATION.UPDATED_AT, utc(at)).returningResult(ORGANISATION.ID).fetchOne().value1());
    }

    public void person(Tx tx, Person p, Long organisationId, String category, long capturedBy) {
        PersonData d = p.data();
        var insert = tx.dsl().insertInto(PERSON).set(PERSON.ID, p.id()).set(PERSON.SALUTATION, d.salutation())
                .set(PERSON.TITLE, d.title()).set(PERSON.GIVEN_NAME, d.givenName()).set(PERSON.FAMILY_NAME, d.familyName())
                .set(PERSON.BIRTH_DATE, d.birthDate()).set(PERSON.LANGUAGE, d.language())
                .set(PERSON.ORGANISATION_ID, organisationId).set(PERSON.JOB_TITLE, d.jobTitle())
                .set(PERSON.NOTES, d.notes()).set(PERSON.SOURCE_KIND, p.provenance().kind().key())
                .set(PERSON.SOURCE_DETAIL, p.provenance().detail()).set(PERSON.SOURCE_FILE, p.provenance().fileName())
                .set(PERSON.SOURCE_RECORD_ID, p.provenance().sourceRecordId())
                .set(PERSON.CAPTURED_AT, utc(p.provenance().capturedAt())).set(PERSON.CAPTURED_BY, capturedBy)
                .set(PERSON.VERSION, p.version()).set(PERSON.CREATED_AT, utc(p.createdAt()))
                .set(PERSON.UPDATED_AT, utc(p.updatedAt()));
        (category == null ? insert : insert.set(PERSON.CATEGORY_KEY, category)).execute();
        int pos = 0;
        for (EmailAddress e : d.emails()) {
            tx.dsl().insertInto(PERSON_EMAIL).set(PERSON_EMAIL.PERSON_ID, p.id()).set(PERSON_EMAIL.POSITION, pos++)
                    .set(PERSON_EMAIL.KIND, e.kind().key()).set(PERSON_EMAIL.ADDRESS, e.address()).execute();
        }
        pos = 0;
        for (PhoneNumber ph : d.phones()) {
            tx.dsl().insertInto(PERSON_PHONE).set(PERSON_PHONE.PERSON_ID, p.id()).set(PERSON_PHONE.POSITION, pos++)
                    .set(PERSON_PHONE.KIND, ph.kind().key()).set(PERSON_PHONE.RAW, ph.raw())
                    .set(PERSON_PHONE.E164, ph.e164()).execute();
        }
        pos = 0;
        for (PostalAddress a : d.addresses()) {
            tx.dsl().insertInto(PERSON_ADDRESS).set(PERSON_ADDRESS.PERSON_ID, p.id()).set(PERSON_ADDRESS.POSITION, pos++)
                    .set(PERSON_ADDRESS.KIND, a.kind().key()).set(PERSON_ADDRESS.STREET, a.street())
                    .set(PERSON_ADDRESS.HOUSE_NUMBER, a.houseNumber()).set(PERSON_ADDRESS.ADDRESS_LINE2, a.addressLine2())
                    .set(PERSON_ADDRESS.POSTCODE, a.postcode()).set(PERSON_ADDRESS.CITY, a.city())
                    .set(PERSON_ADDRESS.REGION, a.region()).set(PERSON_ADDRESS.COUNTRY, a.country()).execute();
        }
        for (String tag : d.tags()) {
            tx.dsl().insertInto(PERSON_TAG).set(PERSON_TAG.PERSON_ID, p.id()).set(PERSON_TAG.TAG, tag).execute();
        }
    }

    public void activity(Tx tx, Activity a, long createdBy) {
        tx.dsl().insertInto(ACTIVITY).set(ACTIVITY.ID, a.id()).set(ACTIVITY.PERSON_ID, a.personId())
                .set(ACTIVITY.KIND, a.data().kind().key()).set(ACTIVITY.OCCURRED_AT, utc(a.data().occurredAt()))
                .set(ACTIVITY.SUBJECT, a.data().subject() == null ? "" : a.data().subject())
                .set(ACTIVITY.BODY, a.data().body()).set(ACTIVITY.CREATED_BY, createdBy).set(ACTIVITY.VERSION, 1)
                .set(ACTIVITY.CREATED_AT, utc(a.data().occurredAt())).set(ACTIVITY.UPDATED_AT, utc(a.data().occurredAt()))
                .execute();
    }

    public void basis(Tx tx, long purposeId, BasisRecord b, long userId) {
        tx.dsl().insertInto(LAWFUL_BASIS).set(LAWFUL_BASIS.PERSON_ID, b.personId()).set(LAWFUL_BASIS.PURPOSE_ID, purposeId)
                .set(LAWFUL_BASIS.BASIS, b.basis().key()).set(LAWFUL_BASIS.VALID_FROM, b.validFrom())
                .set(LAWFUL_BASIS.VALID_UNTIL, b.validUntil()).set(LAWFUL_BASIS.EVIDENCE, b.evidence())
                .set(LAWFUL_BASIS.BALANCING_NOTE, b.balancingNote()).set(LAWFUL_BASIS.RECORDED_AT, utc(b.recordedAt()))
                .set(LAWFUL_BASIS.RECORDED_BY, userId).execute();
    }

    public void consent(Tx tx, long purposeId, long textId, Consent c, long userId) {
        tx.dsl().insertInto(CONSENT).set(CONSENT.PERSON_ID, c.personId()).set(CONSENT.PURPOSE_ID, purposeId)
                .set(CONSENT.STATUS, c.status().key()).set(CONSENT.METHOD, c.method().key())
                .set(CONSENT.CONSENT_TEXT_ID, textId).set(CONSENT.REQUESTED_AT, utc(c.requestedAt()))
                .set(CONSENT.GIVEN_AT, utc(c.givenAt())).set(CONSENT.WITHDRAWN_AT, utc(c.withdrawnAt()))
                .set(CONSENT.EXPIRED_AT, utc(c.expiredAt())).set(CONSENT.EXPIRES_ON, c.expiresOn())
                .set(CONSENT.WITHDRAWAL_CHANNEL, c.withdrawalChannel()).set(CONSENT.RECORDED_BY, userId)
                .set(CONSENT.VERSION, 1).execute();
    }

    public void objection(Tx tx, Objection o, long userId) {
        tx.dsl().insertInto(OBJECTION).set(OBJECTION.PERSON_ID, o.personId()).set(OBJECTION.OBJECTED_AT, utc(o.objectedAt()))
                .set(OBJECTION.CHANNEL, o.channel()).set(OBJECTION.RECORDED_BY, userId).execute();
    }

    public void information(Tx tx, InformationRecord i, long userId) {
        tx.dsl().insertInto(INFORMATION_NOTICE).set(INFORMATION_NOTICE.PERSON_ID, i.personId())
                .set(INFORMATION_NOTICE.NOTICE_VERSION, i.noticeVersion()).set(INFORMATION_NOTICE.HOW, i.how())
                .set(INFORMATION_NOTICE.INFORMED_AT, utc(i.informedAt())).set(INFORMATION_NOTICE.RECORDED_BY, userId)
                .execute();
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
