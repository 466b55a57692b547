package de.kontor.store;

import static de.kontor.store.jooq.Tables.ACTIVITY;
import static de.kontor.store.jooq.Tables.AUDIT_ENTRY;
import static de.kontor.store.jooq.Tables.CONSENT;
import static de.kontor.store.jooq.Tables.DOCUMENT;
import static de.kontor.store.jooq.Tables.ERASURE_CERTIFICATE;
import static de.kontor.store.jooq.Tables.ERASURE_JOURNAL;
import static de.kontor.store.jooq.Tables.INFORMATION_NOTICE;
import static de.kontor.store.jooq.Tables.LAWFUL_BASIS;
import static de.kontor.store.jooq.Tables.OBJECTION;
import static de.kontor.store.jooq.Tables.PERSON;
import static de.kontor.store.jooq.Tables.PERSON_ADDRESS;
import static de.kontor.store.jooq.Tables.PERSON_EMAIL;
import static de.kontor.store.jooq.Tables.PERSON_PHONE;
import static de.kontor.store.jooq.Tables.PERSON_TAG;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The only place that deletes a person's rows and removes values from the audit trail (an
 * ArchUnit rule keeps it so): every erasure goes through the audited, compacting path of the
 * erasure service.
 */
public final class ErasureStore {

    /** A journal entry: ids and dates only. */
    public record JournalEntry(long id, long personId, String kind, Instant erasedAt, Long requestId) {}

    /**
     * Deletes the person with everything that hangs on it: consents and their evidence, bases,
     * objections, information records, activities, documents (those marked free of personal
     * data are detached and kept when {@code keepFreeDocuments}), contact data and tags.
     */
    public void deletePerson(Tx tx, long personId, boolean keepFreeDocuments) {
        Database.markCompactionPending(tx);
        var dsl = tx.dsl();
        dsl.deleteFrom(CONSENT).where(CONSENT.PERSON_ID.eq(personId)).execute();
        if (keepFreeDocuments) {
            dsl.update(DOCUMENT).setNull(DOCUMENT.PERSON_ID)
                    .where(DOCUMENT.PERSON_ID.eq(personId).and(DOCUMENT.PERSONAL_DATA.isFalse())).execute();
        }
        dsl.deleteFrom(DOCUMENT).where(DOCUMENT.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(PERSON).where(PERSON.ID.eq(personId)).execute();
    }

    /**
     * Deletes what statutory retention does not cover: contact details, tags, notes, birth
     * date, consents, bases, objections, information records, the activities not listed in
     * {@code keepActivities}, and documents. Name, address and the kept records stay, restricted.
     */
    public void deleteAllBut(Tx tx, long personId, Collection<Long> keepActivities) {
        Database.markCompactionPending(tx);
        var dsl = tx.dsl();
        deleteIdentifyingRecords(dsl, personId);
        dsl.deleteFrom(ACTIVITY).where(ACTIVITY.PERSON_ID.eq(personId).and(ACTIVITY.ID.notIn(keepActivities))).execute();
        dsl.update(PERSON).setNull(PERSON.BIRTH_DATE).setNull(PERSON.NOTES).setNull(PERSON.JOB_TITLE)
                .setNull(PERSON.SOURCE_DETAIL).setNull(PERSON.LANGUAGE)
                .set(PERSON.VERSION, PERSON.VERSION.plus(1)).where(PERSON.ID.eq(personId)).execute();
    }

    /**
     * Anonymises a person: keeps the year of birth, the postcode area (first two digits), the
     * country, the category and the kinds and dates of activities; removes everything else
     * that could identify the person.
     */
    public void anonymise(Tx tx, long personId, String placeholder) {
        Database.markCompactionPending(tx);
        var dsl = tx.dsl();
        deleteIdentifyingRecords(dsl, personId);
        var birth = dsl.select(PERSON.BIRTH_DATE).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.BIRTH_DATE);
        dsl.update(PERSON).setNull(PERSON.SALUTATION).setNull(PERSON.TITLE).set(PERSON.GIVEN_NAME, "")
                .set(PERSON.FAMILY_NAME, placeholder)
                .set(PERSON.BIRTH_DATE, birth == null ? null : java.time.LocalDate.of(birth.getYear(), 1, 1))
                .setNull(PERSON.ORGANISATION_ID).setNull(PERSON.JOB_TITLE).setNull(PERSON.NOTES)
                .setNull(PERSON.SOURCE_DETAIL).setNull(PERSON.SOURCE_FILE).setNull(PERSON.SOURCE_RECORD_ID)
                .set(PERSON.VERSION, PERSON.VERSION.plus(1)).where(PERSON.ID.eq(personId)).execute();
        var addresses = dsl.selectFrom(PERSON_ADDRESS).where(PERSON_ADDRESS.PERSON_ID.eq(personId)).fetch();
        for (var a : addresses) {
            String pc = a.getPostcode();
            dsl.update(PERSON_ADDRESS).setNull(PERSON_ADDRESS.STREET).setNull(PERSON_ADDRESS.HOUSE_NUMBER)
                    .setNull(PERSON_ADDRESS.ADDRESS_LINE2).setNull(PERSON_ADDRESS.CITY).setNull(PERSON_ADDRESS.REGION)
                    .set(PERSON_ADDRESS.POSTCODE, pc == null || pc.length() < 2 ? null : pc.substring(0, 2))
                    .where(PERSON_ADDRESS.ID.eq(a.getId())).execute();
        }
        dsl.update(ACTIVITY).set(ACTIVITY.SUBJECT, placeholder).setNull(ACTIVITY.BODY)
                .where(ACTIVITY.PERSON_ID.eq(personId)).execute();
    }

    /**
     * Deletes the person's consents, documents, bases, objections, information records,
     * e-mails, phones and tags: what neither a retained record nor an anonymised one keeps.
     */
    private static void deleteIdentifyingRecords(org.jooq.DSLContext dsl, long personId) {
        dsl.deleteFrom(CONSENT).where(CONSENT.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(DOCUMENT).where(DOCUMENT.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(LAWFUL_BASIS).where(LAWFUL_BASIS.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(OBJECTION).where(OBJECTION.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(INFORMATION_NOTICE).where(INFORMATION_NOTICE.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(PERSON_EMAIL).where(PERSON_EMAIL.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(PERSON_PHONE).where(PERSON_PHONE.PERSON_ID.eq(personId)).execute();
        dsl.deleteFrom(PERSON_TAG).where(PERSON_TAG.PERSON_ID.eq(personId)).execute();
    }

    /** Deletes single activities (due under the deletion concept). */
    public int deleteActivities(Tx tx, Collection<Long> ids) {
        Database.markCompactionPending(tx);
        return tx.dsl().deleteFrom(ACTIVITY).where(ACTIVITY.ID.in(ids)).execute();
    }

    public int deleteConsents(Tx tx, Collection<Long> ids) {
        Database.markCompactionPending(tx);
        var evidence = tx.dsl().select(CONSENT.EVIDENCE_ID).from(CONSENT).where(CONSENT.ID.in(ids)
                .and(CONSENT.EVIDENCE_ID.isNotNull())).fetch(CONSENT.EVIDENCE_ID);
        int n = tx.dsl().deleteFrom(CONSENT).where(CONSENT.ID.in(ids)).execute();
        if (!evidence.isEmpty()) {
            tx.dsl().deleteFrom(DOCUMENT).where(DOCUMENT.ID.in(evidence)).execute();
        }
        return n;
    }

    public int deleteDocuments(Tx tx, Collection<Long> ids) {
        Database.markCompactionPending(tx);
        tx.dsl().update(CONSENT).setNull(CONSENT.EVIDENCE_ID).where(CONSENT.EVIDENCE_ID.in(ids)).execute();
        return tx.dsl().deleteFrom(DOCUMENT).where(DOCUMENT.ID.in(ids)).execute();
    }

    /**
     * Removes the values (and their salts) from the person's audit entries; the entries, their
     * digests and hashes stay, so the chain still verifies.
     */
    public int eraseAuditValues(Tx tx, long personId) {
        Database.markCompactionPending(tx);
        // Entries of people merged into this one (their ids redirect here) go too. The ids are
        // read first: "person_id = ? OR person_id IN (subquery)" scanned the whole trail.
        List<Long> ids = new java.util.ArrayList<>(tx.dsl().select(de.kontor.store.jooq.Tables.PERSON_REDIRECT.OLD_ID)
                .from(de.kontor.store.jooq.Tables.PERSON_REDIRECT)
                .where(de.kontor.store.jooq.Tables.PERSON_REDIRECT.NEW_ID.eq(personId)).fetch().getValues(0, Long.class));
        ids.add(personId);
        return tx.dsl().update(AUDIT_ENTRY).setNull(AUDIT_ENTRY.OLD_VALUE).setNull(AUDIT_ENTRY.NEW_VALUE)
                .setNull(AUDIT_ENTRY.VALUE_SALT)
                .where(AUDIT_ENTRY.PERSON_ID.in(ids)).execute();
    }

    /** Removes the values of the audit entries about single records (an activity, a consent). */
    public int eraseAuditValues(Tx tx, String entityType, Collection<Long> ids) {
        Database.markCompactionPending(tx);
        return tx.dsl().update(AUDIT_ENTRY).setNull(AUDIT_ENTRY.OLD_VALUE).setNull(AUDIT_ENTRY.NEW_VALUE)
                .setNull(AUDIT_ENTRY.VALUE_SALT)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq(entityType).and(AUDIT_ENTRY.ENTITY_ID.in(ids))).execute();
    }

    public long journal(Tx tx, long personId, String kind, Instant at, Long requestId, long userId) {
        return tx.dsl().insertInto(ERASURE_JOURNAL).set(ERASURE_JOURNAL.PERSON_ID, personId)
                .set(ERASURE_JOURNAL.KIND, kind).set(ERASURE_JOURNAL.ERASED_AT, at.atOffset(ZoneOffset.UTC))
                .set(ERASURE_JOURNAL.REQUEST_ID, requestId).set(ERASURE_JOURNAL.ERASED_BY, userId)
                .returningResult(ERASURE_JOURNAL.ID).fetchOne().value1();
    }

    public List<JournalEntry> journal(Tx tx) {
        return tx.dsl().selectFrom(ERASURE_JOURNAL).orderBy(ERASURE_JOURNAL.ID).fetch(r -> new JournalEntry(r.getId(),
                r.getPersonId(), r.getKind(), r.getErasedAt().toInstant(), r.getRequestId()));
    }

    public Optional<JournalEntry> lastJournalEntry(Tx tx, long personId) {
        return tx.dsl().selectFrom(ERASURE_JOURNAL).where(ERASURE_JOURNAL.PERSON_ID.eq(personId))
                .orderBy(ERASURE_JOURNAL.ID.desc()).limit(1).fetchOptional().map(r -> new JournalEntry(r.getId(),
                        r.getPersonId(), r.getKind(), r.getErasedAt().toInstant(), r.getRequestId()));
    }

    public long storeCertificate(Tx tx, long journalId, byte[] pdf, Instant now) {
        return Binary.insert(tx, "INSERT INTO erasure_certificate (journal_id, pdf, created_at) VALUES (?, ?, ?)",
                journalId, pdf, now.atOffset(ZoneOffset.UTC));
    }

    public Optional<byte[]> certificate(Tx tx, long journalId) {
        return tx.dsl().select(Binary.read(ERASURE_CERTIFICATE.PDF)).from(ERASURE_CERTIFICATE)
                .where(ERASURE_CERTIFICATE.JOURNAL_ID.eq(journalId)).orderBy(ERASURE_CERTIFICATE.ID.desc()).limit(1)
                .fetchOptional().map(r -> r.value1());
    }
}
