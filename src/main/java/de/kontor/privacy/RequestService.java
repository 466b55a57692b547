package de.kontor.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SentFile;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.service.Permissions;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.PersonStore;
import de.kontor.store.RequestStore;
import de.kontor.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The register of data subject requests (Art. 12 GDPR): what was asked, by whom, how the
 * identity was checked, the deadline (one month, extendable once by up to two months with a
 * reason), what was sent (SHA-256 of each file) and when the request was closed. Every change
 * is written to the audit trail in the same transaction.
 */
public final class RequestService {
    /** Days ahead the dashboard warns of a deadline. */
    public static final int DUE_SOON_DAYS = 7;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Database db;
    private final RequestStore store;
    private final PersonStore persons;
    private final AuditStore audit;
    private final Permissions permissions;
    private final Clock clock;

    public RequestService(Database db, RequestStore store, PersonStore persons, AuditStore audit,
            Permissions permissions, Clock clock) {
        this.db = db;
        this.store = store;
        this.persons = persons;
        this.audit = audit;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** What the owner records when a request comes in. */
    public record NewRequest(RequestType type, Long personId, String requester, LocalDate receivedOn, String channel,
            String identityVerified) {}

    /** Registers a request; the received date defaults to today and must not lie in the future. */
    public SubjectRequest register(Principal by, NewRequest in) {
        permissions.requirePrivacy(by);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (in.type() == null) {
            errors.add(FieldError.of("type", "validation.required"));
        }
        String requester = limited(errors, "requester", in.requester(), 500);
        String channel = limited(errors, "channel", in.channel(), 100);
        String identity = limited(errors, "identityVerified", in.identityVerified(), 1000);
        if (in.personId() == null && requester == null) {
            errors.add(FieldError.of("person", "request.personOrRequester"));
        }
        LocalDate received = in.receivedOn() == null ? today : in.receivedOn();
        if (received.isAfter(today)) {
            errors.add(FieldError.of("received", "request.receivedInFuture", received.toString()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            if (in.personId() != null && !persons.exists(tx, in.personId())) {
                throw new NotFoundException(PersonStore.ENTITY, in.personId());
            }
            LocalDate due = SubjectRequest.dueFor(received);
            long id = store.insert(tx, in.type(), in.personId(), requester, received, channel, identity, due,
                    by.userId(), now);
            List<AuditChange> changes = new ArrayList<>();
            changes.add(change(AuditAction.CREATE, id, in.personId(), "type", null, in.type().key()));
            changes.add(change(AuditAction.CREATE, id, in.personId(), "received", null, received.toString()));
            changes.add(change(AuditAction.CREATE, id, in.personId(), "due", null, due.toString()));
            if (channel != null) {
                changes.add(change(AuditAction.CREATE, id, in.personId(), "channel", null, channel));
            }
            if (identity != null) {
                changes.add(change(AuditAction.CREATE, id, in.personId(), "identityVerified", null, identity));
            }
            if (requester != null) {
                changes.add(change(AuditAction.CREATE, id, in.personId(), "requester", null, requester));
            }
            audit.append(tx, by, now, changes);
            return store.get(tx, id);
        });
    }

    public SubjectRequest get(Principal by, long id) {
        permissions.requirePrivacy(by);
        return db.read(tx -> store.get(tx, id));
    }

    /** Every request (or only the open ones), the nearest deadline first. */
    public List<SubjectRequest> list(Principal by, boolean openOnly) {
        permissions.requirePrivacy(by);
        return db.read(tx -> store.list(tx, openOnly));
    }

    public List<SubjectRequest> forPerson(Principal by, long personId) {
        permissions.requirePrivacy(by);
        return db.read(tx -> store.forPerson(tx, personId));
    }

    /** Open requests past their deadline (dashboard). */
    public List<SubjectRequest> overdue(Principal by) {
        permissions.requirePrivacy(by);
        LocalDate today = LocalDate.now(clock);
        return db.read(tx -> store.openDueBy(tx, today.minusDays(1)));
    }

    /** Open requests due today or within the next {@link #DUE_SOON_DAYS} days (dashboard). */
    public List<SubjectRequest> dueSoon(Principal by) {
        permissions.requirePrivacy(by);
        LocalDate today = LocalDate.now(clock);
        return db.read(tx -> store.openDueBy(tx, today.plusDays(DUE_SOON_DAYS))).stream()
                .filter(r -> r.isDueWithin(today, DUE_SOON_DAYS)).toList();
    }

    /**
     * Extends the deadline once, by one or two further months, with a documented reason (Art. 12(3):
     * complexity and number of requests). The new deadline counts the whole period from receipt
     * ({@link SubjectRequest#extendedFor}).
     */
    public SubjectRequest extend(Principal by, long id, String reason, int months) {
        permissions.requirePrivacy(by);
        String r = Text.clean(reason);
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(FieldError.of("reason", "validation.required"));
        } else if (r.length() > 1000) {
            errors.add(FieldError.of("reason", "validation.tooLong", "1000"));
        }
        if (months < 1 || months > SubjectRequest.MAX_EXTENSION_MONTHS) {
            errors.add(FieldError.of("months", "request.extensionMonths",
                    Integer.toString(SubjectRequest.MAX_EXTENSION_MONTHS)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            SubjectRequest req = open(tx, id);
            if (req.isExtended()) {
                throw new KontorException("request.alreadyExtended", id, req.extendedTo().toString());
            }
            LocalDate to = SubjectRequest.extendedFor(req.receivedOn(), months);
            store.extend(tx, id, to, r);
            audit.append(tx, by, now, List.of(
                    change(AuditAction.UPDATE, id, req.personId(), "extendedTo", null, to.toString()),
                    change(AuditAction.UPDATE, id, req.personId(), "extensionReason", null, r)));
            return store.get(tx, id);
        });
    }

    /** Closes an open request (answered or otherwise settled). */
    public SubjectRequest close(Principal by, long id) {
        permissions.requirePrivacy(by);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            SubjectRequest req = open(tx, id);
            store.close(tx, id, now);
            audit.append(tx, by, now, List.of(change(AuditAction.UPDATE, id, req.personId(), "status",
                    req.status().key(), "closed")));
            return store.get(tx, id);
        });
    }

    /** Links a request from an unmatched requester to the person once found. */
    public SubjectRequest linkPerson(Principal by, long id, long personId) {
        permissions.requirePrivacy(by);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            SubjectRequest req = store.get(tx, id);
            if (!persons.exists(tx, personId)) {
                throw new NotFoundException(PersonStore.ENTITY, personId);
            }
            if (req.personId() != null) {
                throw new KontorException("request.alreadyLinked", id, req.personId());
            }
            store.linkPerson(tx, id, personId);
            audit.append(tx, by, now, List.of(change(AuditAction.UPDATE, id, personId, "person", null,
                    Long.toString(personId))));
            return store.get(tx, id);
        });
    }

    /**
     * Records a file sent to answer the request: its name and SHA-256 (lower-case hex). Runs in
     * the caller's transaction, so the file and the action that made it are recorded together.
     */
    public SentFile recordSent(Tx tx, Principal by, long id, String fileName, String sha256, Instant at) {
        permissions.requirePrivacy(by);
        SubjectRequest req = store.get(tx, id);
        String hash = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new ValidationException(List.of(FieldError.of("sha256", "request.badHash", String.valueOf(sha256))));
        }
        String name = Text.clean(fileName);
        if (name == null) {
            throw new ValidationException(List.of(FieldError.of("file", "validation.required")));
        }
        long fileId = store.addFile(tx, id, name.length() > 500 ? name.substring(name.length() - 500) : name, hash,
                by.userId(), at);
        audit.append(tx, by, at, List.of(change(AuditAction.EXPORT, id, req.personId(), "sent", null,
                name + " sha256:" + hash)));
        return store.get(tx, id).files().stream().filter(f -> f.id() == fileId).findFirst().orElseThrow();
    }

    /** Records a sent file in its own transaction. */
    public SentFile recordSent(Principal by, long id, String fileName, String sha256) {
        Instant now = clock.instant();
        return db.inTransaction(tx -> recordSent(tx, by, id, fileName, sha256, now));
    }

    /** Throws unless the request exists (used before a report or export names it). */
    public SubjectRequest requireOpen(Principal by, long id) {
        permissions.requirePrivacy(by);
        return db.read(tx -> open(tx, id));
    }

    private SubjectRequest open(Tx tx, long id) {
        SubjectRequest req = store.get(tx, id);
        if (!req.isOpen()) {
            throw new KontorException("request.closed", id);
        }
        return req;
    }

    private static AuditChange change(AuditAction action, long id, Long personId, String field, String oldValue,
            String newValue) {
        return new AuditChange(action, RequestStore.ENTITY, id, personId, field, oldValue, newValue);
    }

    private static String limited(List<FieldError> errors, String field, String value, int max) {
        String v = Text.clean(value);
        if (v != null && v.length() > max) {
            errors.add(FieldError.of(field, "validation.tooLong", Integer.toString(max)));
        }
        return v;
    }
}
