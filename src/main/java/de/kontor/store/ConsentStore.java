package de.kontor.store;

import static de.kontor.store.jooq.Tables.APP_USER;
import static de.kontor.store.jooq.Tables.CONSENT;
import static de.kontor.store.jooq.Tables.CONSENT_TEXT;
import static de.kontor.store.jooq.Tables.DOCUMENT;
import static de.kontor.store.jooq.Tables.INFORMATION_NOTICE;
import static de.kontor.store.jooq.Tables.LAWFUL_BASIS;
import static de.kontor.store.jooq.Tables.OBJECTION;
import static de.kontor.store.jooq.Tables.PERSON;
import static de.kontor.store.jooq.Tables.PURPOSE;

import de.kontor.domain.NotFoundException;
import de.kontor.domain.SourceKind;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Keyed;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Objection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The consent ledger, the lawful-basis history, objections, information records and evidence
 * documents. Bases, objections and information records are append-only.
 */
public final class ConsentStore {
    public static final String ENTITY = "consent";

    // ---- lawful basis -------------------------------------------------------------------

    public long insertBasis(Tx tx, long personId, long purposeId, LawfulBasis basis, LocalDate from, LocalDate until,
            String evidence, String note, long userId, Instant now) {
        return tx.dsl().insertInto(LAWFUL_BASIS)
                .set(LAWFUL_BASIS.PERSON_ID, personId)
                .set(LAWFUL_BASIS.PURPOSE_ID, purposeId)
                .set(LAWFUL_BASIS.BASIS, basis.key())
                .set(LAWFUL_BASIS.VALID_FROM, from)
                .set(LAWFUL_BASIS.VALID_UNTIL, until)
                .set(LAWFUL_BASIS.EVIDENCE, evidence)
                .set(LAWFUL_BASIS.BALANCING_NOTE, note)
                .set(LAWFUL_BASIS.RECORDED_AT, utc(now))
                .set(LAWFUL_BASIS.RECORDED_BY, userId)
                .returningResult(LAWFUL_BASIS.ID).fetchOne().value1();
    }

    /** Basis history of the given people (all when {@code personIds} is null), oldest first. */
    public List<BasisRecord> bases(Tx tx, Collection<Long> personIds) {
        Condition c = personIds == null ? DSL.trueCondition() : LAWFUL_BASIS.PERSON_ID.in(personIds);
        return tx.dsl().select(LAWFUL_BASIS.fields()).select(PURPOSE.PURPOSE_KEY, APP_USER.USERNAME).from(LAWFUL_BASIS)
                .join(PURPOSE).on(PURPOSE.ID.eq(LAWFUL_BASIS.PURPOSE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(LAWFUL_BASIS.RECORDED_BY))
                .where(c).orderBy(LAWFUL_BASIS.ID).fetch().map(ConsentStore::toBasis);
    }

    // ---- consents -------------------------------------------------------------------------

    public long insertConsent(Tx tx, long personId, long purposeId, ConsentStatus status, ConsentMethod method,
            long textId, Instant requestedAt, Instant givenAt, LocalDate expiresOn, String tokenHash, Long evidenceId,
            long userId) {
        return tx.dsl().insertInto(CONSENT)
                .set(CONSENT.PERSON_ID, personId)
                .set(CONSENT.PURPOSE_ID, purposeId)
                .set(CONSENT.STATUS, status.key())
                .set(CONSENT.METHOD, method.key())
                .set(CONSENT.CONSENT_TEXT_ID, textId)
                .set(CONSENT.REQUESTED_AT, utc(requestedAt))
                .set(CONSENT.GIVEN_AT, utc(givenAt))
                .set(CONSENT.EXPIRES_ON, expiresOn)
                .set(CONSENT.TOKEN_HASH, tokenHash)
                .set(CONSENT.EVIDENCE_ID, evidenceId)
                .set(CONSENT.RECORDED_BY, userId)
                .set(CONSENT.VERSION, 1)
                .returningResult(CONSENT.ID).fetchOne().value1();
    }

    /** Moves a consent to a new status with the transition's timestamp (optimistic lock). */
    public void transition(Tx tx, long id, int expectedVersion, ConsentStatus status, Instant at, String channel) {
        var update = tx.dsl().update(CONSENT).set(CONSENT.STATUS, status.key()).set(CONSENT.VERSION, expectedVersion + 1);
        switch (status) {
            case GIVEN -> update = update.set(CONSENT.GIVEN_AT, utc(at)).setNull(CONSENT.TOKEN_HASH);
            case WITHDRAWN -> update = update.set(CONSENT.WITHDRAWN_AT, utc(at)).set(CONSENT.WITHDRAWAL_CHANNEL, channel);
            case EXPIRED -> update = update.set(CONSENT.EXPIRED_AT, utc(at)).setNull(CONSENT.TOKEN_HASH);
            default -> { }
        }
        int rows = update.where(CONSENT.ID.eq(id).and(CONSENT.VERSION.eq(expectedVersion))).execute();
        if (rows != 1) {
            if (tx.dsl().fetchExists(CONSENT, CONSENT.ID.eq(id))) {
                throw new StaleDataException(ENTITY, id);
            }
            throw new NotFoundException(ENTITY, id);
        }
    }

    /** Consents of the given people (all when null), oldest first. */
    public List<Consent> consents(Tx tx, Collection<Long> personIds) {
        Condition c = personIds == null ? DSL.trueCondition() : CONSENT.PERSON_ID.in(personIds);
        return consentQuery(tx).where(c).orderBy(CONSENT.ID).fetch().map(ConsentStore::toConsent);
    }

    /** Consents in one status (e.g. all pending double opt-ins), oldest first. */
    public List<Consent> consentsInStatus(Tx tx, ConsentStatus status) {
        return consentQuery(tx).where(CONSENT.STATUS.eq(status.key())).orderBy(CONSENT.ID).fetch()
                .map(ConsentStore::toConsent);
    }

    public Optional<Consent> consent(Tx tx, long id) {
        return consentQuery(tx).where(CONSENT.ID.eq(id)).fetchOptional().map(ConsentStore::toConsent);
    }

    /** The stored token hash of an open double opt-in. */
    public Optional<String> tokenHash(Tx tx, long consentId) {
        return tx.dsl().select(CONSENT.TOKEN_HASH).from(CONSENT).where(CONSENT.ID.eq(consentId)).fetchOptional()
                .map(r -> r.value1());
    }

    private static org.jooq.SelectOnConditionStep<Record> consentQuery(Tx tx) {
        return tx.dsl().select(CONSENT.fields()).select(PURPOSE.PURPOSE_KEY, CONSENT_TEXT.VERSION_LABEL, CONSENT_TEXT.SHA256,
                        APP_USER.USERNAME).from(CONSENT)
                .join(PURPOSE).on(PURPOSE.ID.eq(CONSENT.PURPOSE_ID))
                .join(CONSENT_TEXT).on(CONSENT_TEXT.ID.eq(CONSENT.CONSENT_TEXT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(CONSENT.RECORDED_BY));
    }

    // ---- objections and information ---------------------------------------------------------

    public long insertObjection(Tx tx, long personId, Instant at, String channel, long userId) {
        return tx.dsl().insertInto(OBJECTION).set(OBJECTION.PERSON_ID, personId).set(OBJECTION.OBJECTED_AT, utc(at))
                .set(OBJECTION.CHANNEL, channel).set(OBJECTION.RECORDED_BY, userId)
                .returningResult(OBJECTION.ID).fetchOne().value1();
    }

    public List<Objection> objections(Tx tx, Collection<Long> personIds) {
        Condition c = personIds == null ? DSL.trueCondition() : OBJECTION.PERSON_ID.in(personIds);
        return tx.dsl().select(OBJECTION.fields()).select(APP_USER.USERNAME).from(OBJECTION)
                .join(APP_USER).on(APP_USER.ID.eq(OBJECTION.RECORDED_BY)).where(c).orderBy(OBJECTION.ID)
                .fetch().map(r -> new Objection(r.get(OBJECTION.ID), r.get(OBJECTION.PERSON_ID),
                        r.get(OBJECTION.OBJECTED_AT).toInstant(), r.get(OBJECTION.CHANNEL), r.get(APP_USER.USERNAME)));
    }

    public long insertInformation(Tx tx, long personId, String noticeVersion, String how, Instant at, long userId) {
        return tx.dsl().insertInto(INFORMATION_NOTICE).set(INFORMATION_NOTICE.PERSON_ID, personId)
                .set(INFORMATION_NOTICE.NOTICE_VERSION, noticeVersion).set(INFORMATION_NOTICE.HOW, how)
                .set(INFORMATION_NOTICE.INFORMED_AT, utc(at)).set(INFORMATION_NOTICE.RECORDED_BY, userId)
                .returningResult(INFORMATION_NOTICE.ID).fetchOne().value1();
    }

    public List<InformationRecord> information(Tx tx, Collection<Long> personIds) {
        Condition c = personIds == null ? DSL.trueCondition() : INFORMATION_NOTICE.PERSON_ID.in(personIds);
        return tx.dsl().select(INFORMATION_NOTICE.fields()).select(APP_USER.USERNAME).from(INFORMATION_NOTICE)
                .join(APP_USER).on(APP_USER.ID.eq(INFORMATION_NOTICE.RECORDED_BY)).where(c).orderBy(INFORMATION_NOTICE.ID)
                .fetch().map(r -> new InformationRecord(r.get(INFORMATION_NOTICE.ID), r.get(INFORMATION_NOTICE.PERSON_ID),
                        r.get(INFORMATION_NOTICE.NOTICE_VERSION), r.get(INFORMATION_NOTICE.HOW),
                        r.get(INFORMATION_NOTICE.INFORMED_AT).toInstant(), r.get(APP_USER.USERNAME)));
    }

    /** A person from one of the given sources with no information record yet (Art. 14 still due). */
    public record Uninformed(long personId, SourceKind source, Instant capturedAt) {}

    /** People captured from {@code sources} who have no information record, oldest capture first. */
    public List<Uninformed> uninformed(Tx tx, Collection<SourceKind> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(PERSON.ID, PERSON.SOURCE_KIND, PERSON.CAPTURED_AT).from(PERSON)
                .where(PERSON.SOURCE_KIND.in(sources.stream().map(SourceKind::key).toList()))
                .andNotExists(DSL.selectOne().from(INFORMATION_NOTICE).where(INFORMATION_NOTICE.PERSON_ID.eq(PERSON.ID)))
                .orderBy(PERSON.CAPTURED_AT, PERSON.ID)
                .fetch(r -> new Uninformed(r.value1(), SourceKind.fromKey(r.value2()).orElse(SourceKind.OTHER),
                        r.value3().toInstant()));
    }

    // ---- documents -------------------------------------------------------------------------

    public long insertDocument(Tx tx, Long personId, String fileName, String mediaType, byte[] content, String sha256,
            long userId, Instant now) {
        return Binary.insert(tx, "INSERT INTO document (person_id, file_name, media_type, byte_size, sha256, content,"
                + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", personId, fileName, mediaType,
                (long) content.length, sha256, content, utc(now), userId);
    }

    public Optional<byte[]> documentContent(Tx tx, long id) {
        return tx.dsl().select(Binary.read(DOCUMENT.CONTENT)).from(DOCUMENT).where(DOCUMENT.ID.eq(id)).fetchOptional()
                .map(r -> r.value1());
    }

    // ---- mapping ---------------------------------------------------------------------------

    private static BasisRecord toBasis(Record r) {
        return new BasisRecord(r.get(LAWFUL_BASIS.ID), r.get(LAWFUL_BASIS.PERSON_ID), r.get(PURPOSE.PURPOSE_KEY),
                Keyed.fromKey(LawfulBasis.class, r.get(LAWFUL_BASIS.BASIS)).orElseThrow(),
                r.get(LAWFUL_BASIS.VALID_FROM), r.get(LAWFUL_BASIS.VALID_UNTIL), r.get(LAWFUL_BASIS.EVIDENCE),
                r.get(LAWFUL_BASIS.BALANCING_NOTE), r.get(LAWFUL_BASIS.RECORDED_AT).toInstant(), r.get(APP_USER.USERNAME));
    }

    private static Consent toConsent(Record r) {
        return new Consent(r.get(CONSENT.ID), r.get(CONSENT.PERSON_ID), r.get(PURPOSE.PURPOSE_KEY),
                Keyed.fromKey(ConsentStatus.class, r.get(CONSENT.STATUS)).orElseThrow(),
                Keyed.fromKey(ConsentMethod.class, r.get(CONSENT.METHOD)).orElse(ConsentMethod.OTHER),
                r.get(CONSENT_TEXT.VERSION_LABEL), r.get(CONSENT_TEXT.SHA256), instant(r.get(CONSENT.REQUESTED_AT)),
                instant(r.get(CONSENT.GIVEN_AT)), instant(r.get(CONSENT.WITHDRAWN_AT)), instant(r.get(CONSENT.EXPIRED_AT)),
                r.get(CONSENT.EXPIRES_ON), r.get(CONSENT.WITHDRAWAL_CHANNEL), r.get(CONSENT.EVIDENCE_ID),
                r.get(APP_USER.USERNAME), r.get(CONSENT.VERSION));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** The documents stored for a person (metadata only), oldest first. */
    /** The documents of many people, per person in id order, in one query. */
    public java.util.Map<Long, java.util.List<de.kontor.domain.request.DocumentInfo>> documents(Tx tx,
            Collection<Long> personIds) {
        java.util.Map<Long, java.util.List<de.kontor.domain.request.DocumentInfo>> out = new java.util.HashMap<>();
        tx.dsl().select(DOCUMENT.ID, DOCUMENT.FILE_NAME, DOCUMENT.MEDIA_TYPE, DOCUMENT.BYTE_SIZE, DOCUMENT.SHA256,
                DOCUMENT.CREATED_AT, DOCUMENT.CATEGORY_KEY, DOCUMENT.PERSON_ID).from(DOCUMENT)
                .where(DOCUMENT.PERSON_ID.in(personIds)).orderBy(DOCUMENT.ID)
                .forEach(r -> out.computeIfAbsent(r.value8(), k -> new java.util.ArrayList<>())
                        .add(new de.kontor.domain.request.DocumentInfo(r.value1(), r.value2(), r.value3(), r.value4(),
                                r.value5(), r.value6().toInstant(), r.value7())));
        return out;
    }

    public java.util.List<de.kontor.domain.request.DocumentInfo> documents(Tx tx, long personId) {
        return tx.dsl().select(DOCUMENT.ID, DOCUMENT.FILE_NAME, DOCUMENT.MEDIA_TYPE, DOCUMENT.BYTE_SIZE, DOCUMENT.SHA256,
                DOCUMENT.CREATED_AT, DOCUMENT.CATEGORY_KEY).from(DOCUMENT).where(DOCUMENT.PERSON_ID.eq(personId))
                .orderBy(DOCUMENT.ID).fetch(r -> new de.kontor.domain.request.DocumentInfo(r.value1(), r.value2(),
                        r.value3(), r.value4(), r.value5(), r.value6().toInstant(), r.value7()));
    }
}
