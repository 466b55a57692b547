package de.kontor.store;

import static de.kontor.store.jooq.Tables.CONSENT_TEXT;
import static de.kontor.store.jooq.Tables.PURPOSE;

import de.kontor.domain.NotFoundException;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.Keyed;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.privacy.PurposeData;
import de.kontor.store.jooq.tables.records.PurposeRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The purpose catalogue and the versioned consent texts. */
public final class PurposeStore {
    public static final String ENTITY = "purpose";

    public List<Purpose> all(Tx tx) {
        return tx.dsl().selectFrom(PURPOSE).orderBy(PURPOSE.ID).fetch().map(PurposeStore::toPurpose);
    }

    public Optional<Purpose> findByKey(Tx tx, String key) {
        return tx.dsl().selectFrom(PURPOSE).where(PURPOSE.PURPOSE_KEY.eq(key)).fetchOptional().map(PurposeStore::toPurpose);
    }

    public long insert(Tx tx, PurposeData d, Instant now) {
        OffsetDateTime t = now.atOffset(ZoneOffset.UTC);
        return tx.dsl().insertInto(PURPOSE)
                .set(PURPOSE.PURPOSE_KEY, d.key())
                .set(PURPOSE.NAME_DE, d.nameDe())
                .set(PURPOSE.NAME_EN, d.nameEn())
                .set(PURPOSE.DESCRIPTION_DE, d.descriptionDe())
                .set(PURPOSE.DESCRIPTION_EN, d.descriptionEn())
                .set(PURPOSE.DEFAULT_BASIS, d.defaultBasis().key())
                .set(PURPOSE.DATA_CATEGORIES, d.dataCategories())
                .set(PURPOSE.RECIPIENTS, d.recipients())
                .set(PURPOSE.THIRD_COUNTRY, d.thirdCountry())
                .set(PURPOSE.MARKETING, d.marketing())
                .set(PURPOSE.NOTES, d.notes())
                .set(PURPOSE.VERSION, 1)
                .set(PURPOSE.CREATED_AT, t)
                .set(PURPOSE.UPDATED_AT, t)
                .returningResult(PURPOSE.ID).fetchOne().value1();
    }

    /** Retires (or reactivates with {@code at} null) a purpose; purposes are never deleted. */
    public void setRetired(Tx tx, long id, int expectedVersion, Instant at, Instant now) {
        int rows = tx.dsl().update(PURPOSE)
                .set(PURPOSE.RETIRED_AT, at == null ? null : at.atOffset(ZoneOffset.UTC))
                .set(PURPOSE.VERSION, expectedVersion + 1)
                .set(PURPOSE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PURPOSE.ID.eq(id).and(PURPOSE.VERSION.eq(expectedVersion))).execute();
        if (rows != 1) {
            if (tx.dsl().fetchExists(PURPOSE, PURPOSE.ID.eq(id))) {
                throw new StaleDataException(ENTITY, id);
            }
            throw new NotFoundException(ENTITY, id);
        }
    }

    public long insertText(Tx tx, long purposeId, String version, String body, String sha256, long userId, Instant now) {
        return tx.dsl().insertInto(CONSENT_TEXT)
                .set(CONSENT_TEXT.PURPOSE_ID, purposeId)
                .set(CONSENT_TEXT.VERSION_LABEL, version)
                .set(CONSENT_TEXT.BODY, body)
                .set(CONSENT_TEXT.SHA256, sha256)
                .set(CONSENT_TEXT.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(CONSENT_TEXT.CREATED_BY, userId)
                .returningResult(CONSENT_TEXT.ID).fetchOne().value1();
    }

    public Optional<ConsentText> findText(Tx tx, String purposeKey, String version) {
        return tx.dsl().select(CONSENT_TEXT.fields()).select(PURPOSE.PURPOSE_KEY).from(CONSENT_TEXT)
                .join(PURPOSE).on(PURPOSE.ID.eq(CONSENT_TEXT.PURPOSE_ID))
                .where(PURPOSE.PURPOSE_KEY.eq(purposeKey).and(CONSENT_TEXT.VERSION_LABEL.eq(version)))
                .fetchOptional().map(r -> new ConsentText(r.get(CONSENT_TEXT.ID), r.get(PURPOSE.PURPOSE_KEY),
                        r.get(CONSENT_TEXT.VERSION_LABEL), r.get(CONSENT_TEXT.BODY), r.get(CONSENT_TEXT.SHA256),
                        r.get(CONSENT_TEXT.CREATED_AT).toInstant()));
    }

    public List<ConsentText> texts(Tx tx, String purposeKey) {
        return tx.dsl().select(CONSENT_TEXT.fields()).select(PURPOSE.PURPOSE_KEY).from(CONSENT_TEXT)
                .join(PURPOSE).on(PURPOSE.ID.eq(CONSENT_TEXT.PURPOSE_ID))
                .where(PURPOSE.PURPOSE_KEY.eq(purposeKey)).orderBy(CONSENT_TEXT.ID)
                .fetch().map(r -> new ConsentText(r.get(CONSENT_TEXT.ID), r.get(PURPOSE.PURPOSE_KEY),
                        r.get(CONSENT_TEXT.VERSION_LABEL), r.get(CONSENT_TEXT.BODY), r.get(CONSENT_TEXT.SHA256),
                        r.get(CONSENT_TEXT.CREATED_AT).toInstant()));
    }

    private static Purpose toPurpose(PurposeRecord r) {
        PurposeData d = new PurposeData(r.getPurposeKey(), r.getNameDe(), r.getNameEn(), r.getDescriptionDe(),
                r.getDescriptionEn(), Keyed.fromKey(LawfulBasis.class, r.getDefaultBasis()).orElse(LawfulBasis.CONSENT),
                r.getDataCategories(), r.getRecipients(), r.getThirdCountry(), r.getMarketing(), r.getNotes());
        return new Purpose(r.getId(), r.getVersion(), d, r.getRetiredAt() == null ? null : r.getRetiredAt().toInstant());
    }
}
