package de.kontor.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.privacy.PurposeData;
import de.kontor.service.Permissions;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.PurposeStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** The purpose catalogue (Art. 5(1)(b), 30) and its versioned consent texts (Art. 7). */
public final class PurposeService {
    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{1,59}$");
    private final Database db;
    private final PurposeStore purposes;
    private final AuditStore audit;
    private final Permissions permissions;
    private final Clock clock;

    public PurposeService(Database db, PurposeStore purposes, AuditStore audit, Permissions permissions, Clock clock) {
        this.db = db;
        this.purposes = purposes;
        this.audit = audit;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Every purpose, retired ones included, in catalogue order. */
    public List<Purpose> all(Principal by) {
        return db.read(purposes::all);
    }

    public List<Purpose> active(Principal by) {
        return all(by).stream().filter(p -> !p.retired()).toList();
    }

    public Purpose get(Principal by, String key) {
        return db.read(tx -> purposes.findByKey(tx, key)).orElseThrow(() -> unknown(key));
    }

    public Purpose add(Principal by, PurposeData data) {
        permissions.requireAdminister(by);
        String key = Text.clean(data.key());
        String nameDe = Text.clean(data.nameDe());
        String nameEn = Text.clean(data.nameEn());
        nameDe = nameDe == null ? nameEn : nameDe;
        nameEn = nameEn == null ? nameDe : nameEn;
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(FieldError.of("key", "purpose.keyFormat", String.valueOf(key)));
        }
        if (nameDe == null) {
            errors.add(FieldError.of("name", "validation.required"));
        }
        if (data.defaultBasis() == null) {
            errors.add(FieldError.of("basis", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PurposeData d = new PurposeData(key, nameDe, nameEn, Text.clean(data.descriptionDe()),
                Text.clean(data.descriptionEn()), data.defaultBasis(), Text.clean(data.dataCategories()),
                Text.clean(data.recipients()), Text.clean(data.thirdCountry()), data.marketing(), Text.clean(data.notes()));
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            if (purposes.findByKey(tx, key).isPresent()) {
                throw new KontorException("purpose.exists", key);
            }
            long id = purposes.insert(tx, d, now);
            audit.append(tx, by, now, List.of(
                    new AuditChange(AuditAction.CREATE, PurposeStore.ENTITY, id, null, "key", null, key),
                    new AuditChange(AuditAction.CREATE, PurposeStore.ENTITY, id, null, "basis", null,
                            d.defaultBasis().key()),
                    new AuditChange(AuditAction.CREATE, PurposeStore.ENTITY, id, null, "marketing", null,
                            Boolean.toString(d.marketing()))));
            return purposes.findByKey(tx, key).orElseThrow();
        });
    }

    /** Retires a purpose: it stays in the history and reports, but takes no new bases or consents. */
    public Purpose retire(Principal by, String key) {
        permissions.requireAdminister(by);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            Purpose p = purposes.findByKey(tx, key).orElseThrow(() -> unknown(key));
            if (p.retired()) {
                throw new KontorException("purpose.alreadyRetired", key);
            }
            purposes.setRetired(tx, p.id(), p.version(), now, now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, PurposeStore.ENTITY, p.id(), null,
                    "retiredAt", null, now.toString())));
            return purposes.findByKey(tx, key).orElseThrow();
        });
    }

    /** Stores the exact wording of a consent text version; versions are never changed. */
    public ConsentText addText(Principal by, String purposeKey, String version, String body) {
        permissions.requireAdminister(by);
        String v = Text.clean(version);
        List<FieldError> errors = new ArrayList<>();
        if (v == null) {
            errors.add(FieldError.of("version", "validation.required"));
        } else if (v.length() > 50) {
            errors.add(FieldError.of("version", "validation.tooLong", "50"));
        }
        if (body == null || body.isBlank()) {
            errors.add(FieldError.of("text", "validation.required"));
        } else if (body.length() > 20000) {
            errors.add(FieldError.of("text", "validation.tooLong", "20000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        String sha = sha256(body);
        return db.inTransaction(tx -> {
            Purpose p = purposes.findByKey(tx, purposeKey).orElseThrow(() -> unknown(purposeKey));
            if (p.retired()) {
                throw new KontorException("purpose.retired", purposeKey);
            }
            if (purposes.findText(tx, purposeKey, v).isPresent()) {
                throw new KontorException("consentText.exists", purposeKey, v);
            }
            long id = purposes.insertText(tx, p.id(), v, body, sha, by.userId(), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.CREATE, "consent_text", id, null,
                    "version", null, purposeKey + " " + v + " sha256:" + sha)));
            return purposes.findText(tx, purposeKey, v).orElseThrow();
        });
    }

    public List<ConsentText> texts(Principal by, String purposeKey) {
        get(by, purposeKey);
        return db.read(tx -> purposes.texts(tx, purposeKey));
    }

    static KontorException unknown(String key) {
        return new KontorException("purpose.unknown", key);
    }

    static String sha256(String text) {
        return sha256Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Bytes(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
