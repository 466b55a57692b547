package de.kontor.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.retention.Restriction;
import de.kontor.service.Permissions;
import de.kontor.service.RestrictionGuard;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.PersonStore;
import de.kontor.store.RestrictionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Restriction of processing (Art. 18): a restricted person is read-only, hidden from search by
 * default and left out of purpose lists and exports (not of the Art. 15 report).
 */
public final class RestrictionService implements RestrictionGuard {
    private final Database db;
    private final RestrictionStore store;
    private final PersonStore persons;
    private final AuditStore audit;
    private final Permissions permissions;
    private final Clock clock;
    private volatile Set<Long> restricted;

    public RestrictionService(Database db, RestrictionStore store, PersonStore persons, AuditStore audit,
            Permissions permissions, Clock clock) {
        this.db = db;
        this.store = store;
        this.persons = persons;
        this.audit = audit;
        this.permissions = permissions;
        this.clock = clock;
    }

    public Restriction restrict(Principal by, long personId, String reason, LocalDate until) {
        return restrict(by, personId, reason, until, null);
    }

    /**
     * Restricts processing; with {@code requestId} the restriction answers that data subject
     * request (Art. 18), which the audit entry names.
     */
    public Restriction restrict(Principal by, long personId, String reason, LocalDate until, Long requestId) {
        permissions.requirePrivacy(by);
        String r = Text.clean(reason);
        if (r == null) {
            throw new ValidationException(List.of(FieldError.of("reason", "validation.required")));
        }
        if (r.length() > 1000) {
            throw new ValidationException(List.of(FieldError.of("reason", "validation.tooLong", "1000")));
        }
        LocalDate today = LocalDate.now(clock);
        if (until != null && !until.isAfter(today)) {
            throw new ValidationException(List.of(FieldError.of("until", "retention.newDateInPast", until.toString())));
        }
        Instant now = clock.instant();
        Restriction result = db.inTransaction(tx -> {
            if (!persons.exists(tx, personId)) {
                throw new NotFoundException(PersonStore.ENTITY, personId);
            }
            store.lift(tx, personId, "replaced", now);
            store.restrict(tx, personId, r, until, false, by.userId(), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.RESTRICT, "restriction", personId, personId,
                    "restricted", null, r + (until == null ? "" : " until " + until)
                            + (requestId == null ? "" : " request:" + requestId))));
            return store.active(tx, personId).orElseThrow();
        });
        reload();
        return result;
    }

    public void unrestrict(Principal by, long personId, String reason) {
        permissions.requirePrivacy(by);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            Restriction active = store.active(tx, personId)
                    .orElseThrow(() -> new KontorException("restriction.notRestricted", personId));
            if (active.retention()) {
                throw new KontorException("restriction.restricted", personId, active.reason());
            }
            store.lift(tx, personId, Text.clean(reason), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.RESTRICT, "restriction", personId, personId,
                    "restricted", active.reason(), null)));
            return null;
        });
        reload();
    }

    public Optional<Restriction> active(Principal by, long personId) {
        return db.read(tx -> store.active(tx, personId));
    }

    /** Lifts restrictions whose end date has passed (not those kept for statutory retention). */
    public int liftEnded(Principal by) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        int n = db.inTransaction(tx -> {
            List<Long> ended = store.endedBefore(tx, today, false);
            for (long id : ended) {
                store.lift(tx, id, "end date reached", now);
                audit.append(tx, by, now, List.of(new AuditChange(AuditAction.RESTRICT, "restriction", id, id,
                        "restricted", "end date reached", null)));
            }
            return ended.size();
        });
        reload();
        return n;
    }

    @Override
    public boolean isRestricted(long personId) {
        return restrictedIds().contains(personId);
    }

    @Override
    public Set<Long> restrictedIds() {
        Set<Long> r = restricted;
        if (r == null) {
            r = Set.copyOf(db.read(store::restrictedIds));
            restricted = r;
        }
        return r;
    }

    @Override
    public void reload() {
        restricted = null;
    }

    /** Throws when the person is restricted (writes are refused). */
    @Override
    public void requireWritable(long personId) {
        if (isRestricted(personId)) {
            Restriction r = db.read(tx -> store.active(tx, personId)).orElse(null);
            throw new KontorException("restriction.restricted", personId, r == null ? "" : r.reason());
        }
    }
}
