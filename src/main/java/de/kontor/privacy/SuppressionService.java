package de.kontor.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.PersonData;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.retention.Identifiers;
import de.kontor.service.Permissions;
import de.kontor.service.ReEntryGuard;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.SuppressionStore;
import de.kontor.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suppression list that blocks re-entry: HMAC-SHA256 (with a secret derived from the
 * database key) of normalised e-mails, phones and name plus birth date; never the values.
 */
public final class SuppressionService implements ReEntryGuard {
    public static final String REASON_ERASURE = "erasure";
    public static final String REASON_OBJECTION = "objection";

    private final Database db;
    private final SuppressionStore store;
    private final AuditStore audit;
    private final Permissions permissions;
    private final byte[] secret;
    private final Clock clock;

    public SuppressionService(Database db, SuppressionStore store, AuditStore audit, Permissions permissions,
            String secretHex, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.permissions = permissions;
        this.secret = HexFormat.of().parseHex(secretHex);
        this.clock = clock;
    }

    /** Adds the person's identifiers inside the caller's transaction. */
    public void suppress(Tx tx, PersonData person, String reason) {
        Instant now = clock.instant();
        for (String id : Identifiers.of(person).keySet()) {
            store.add(tx, id.substring(0, id.indexOf(':')), digest(id), reason, now);
        }
    }

    @Override
    public void check(List<PersonData> people) {
        Map<String, SuppressionStore.Hit> active = db.read(store::allActive);
        if (active.isEmpty()) {
            return;
        }
        for (int i = 0; i < people.size(); i++) {
            for (String id : Identifiers.of(people.get(i)).keySet()) {
                SuppressionStore.Hit hit = active.get(digest(id));
                if (hit != null) {
                    throw new BlockedException(i, hit.kind(), hit.reason());
                }
            }
        }
    }

    @Override
    public Map<Integer, String> blocked(List<PersonData> people) {
        Map<String, SuppressionStore.Hit> active = db.read(store::allActive);
        Map<Integer, String> rows = new java.util.LinkedHashMap<>();
        if (active.isEmpty()) {
            return rows;
        }
        for (int i = 0; i < people.size(); i++) {
            for (String id : Identifiers.of(people.get(i)).keySet()) {
                SuppressionStore.Hit hit = active.get(digest(id));
                if (hit != null) {
                    rows.put(i, hit.kind());
                    break;
                }
            }
        }
        return rows;
    }

    /** Whether an identifier is blocked, for the entry form's live check. */
    public boolean isBlocked(PersonData person) {
        try {
            check(List.of(person));
            return false;
        } catch (BlockedException e) {
            return true;
        }
    }

    /** Lifts the block on an e-mail address or phone (E.164) with a documented reason. */
    public int lift(Principal by, String kind, String value, String reason) {
        permissions.requireAdminister(by);
        String r = Text.clean(reason);
        if (r == null) {
            throw new ValidationException(List.of(FieldError.of("reason", "validation.required")));
        }
        String id = switch (kind) {
            case "email" -> "email:" + Identifiers.email(value);
            case "phone" -> "phone:" + value.strip();
            default -> throw new IllegalArgumentException(kind);
        };
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            int n = store.lift(tx, digest(id), r, by.userId(), now);
            if (n == 0) {
                throw new KontorException("suppression.notBlocked", kind);
            }
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, "suppression", 0, null, kind,
                    "blocked", "lifted: " + r)));
            return n;
        });
    }

    String digest(String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person matched the suppression list; {@code row} is the position in the checked list. */
    public static final class BlockedException extends KontorException {
        private static final long serialVersionUID = 1L;
        private final int row;

        BlockedException(int row, String kind, String reason) {
            super("suppression.blocked", kind, reason);
            this.row = row;
        }

        public int row() {
            return row;
        }

        /** Which identifier matched: email, phone or name-birth. */
        public String kind() {
            return (String) args().get(0);
        }
    }
}
