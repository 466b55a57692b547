package de.kontor.privacy;

import de.kontor.domain.Activity;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.StaleDataException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.DueList;
import de.kontor.service.ContactService;
import de.kontor.service.Permissions;
import de.kontor.store.ActivityStore;
import de.kontor.store.AuditStore;
import de.kontor.store.ConsentStore;
import de.kontor.store.Database;
import de.kontor.store.ErasureStore;
import de.kontor.store.PersonStore;
import de.kontor.store.RestrictionStore;
import de.kontor.store.RetentionStore;
import de.kontor.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Erasure (Art. 17) and anonymisation. Irreversible: the person's rows go, the values leave
 * the audit trail (the chain still verifies), the search index forgets the person, the
 * identifiers enter the suppression list, the journal records ids and dates, a certificate
 * is stored, and the database file is compacted so the values are gone from its bytes.
 * Records under statutory retention are kept, restricted until their period ends.
 */
public final class ErasureService {
    public static final String ERASED = "erased";
    public static final String RESTRICTED = "restricted";
    public static final String ANONYMISED = "anonymised";
    /** The reason a plain delete leaves in the audit trail (decision 0013). */
    public static final String DELETED_BY_USER = "deleted by user";

    private final Database db;
    private final PersonStore persons;
    private final ActivityStore activities;
    private final ConsentStore consents;
    private final RetentionStore retention;
    private final ErasureStore erasure;
    private final RestrictionStore restrictions;
    private final AuditStore audit;
    private final SuppressionService suppression;
    private final ContactService contacts;
    private final ErasureCertificate certificates;
    private final Permissions permissions;
    private final Clock clock;

    public ErasureService(Database db, PersonStore persons, ActivityStore activities, ConsentStore consents,
            RetentionStore retention, ErasureStore erasure, RestrictionStore restrictions, AuditStore audit,
            SuppressionService suppression, ContactService contacts, ErasureCertificate certificates,
            Permissions permissions, Clock clock) {
        this.db = db;
        this.persons = persons;
        this.activities = activities;
        this.consents = consents;
        this.retention = retention;
        this.erasure = erasure;
        this.restrictions = restrictions;
        this.audit = audit;
        this.suppression = suppression;
        this.contacts = contacts;
        this.certificates = certificates;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Why a person is erased: on request (blocks re-entry), by the deletion concept, replayed,
     * or deleted by a user from the contact list (decision 0013).
     */
    enum Mode { REQUEST, RETENTION, REPLAY, DELETE }

    /** Erases a person; {@code keepDocuments} keeps documents marked free of personal data. */
    public ErasureResult erase(Principal by, long personId, boolean keepDocuments, Long requestId, Locale locale) {
        permissions.requirePrivacy(by);
        ErasureResult result = db.inTransaction(tx -> eraseIn(tx, by, personId, keepDocuments, requestId, locale,
                Mode.REQUEST));
        finish();
        return result;
    }

    /**
     * A plain delete from the contact list (decision 0013): what an erasure removes goes (the
     * rows, the values in the audit trail, the bytes in the file), records under statutory
     * retention stay restricted as in an erasure. Unlike an erasure on request it needs only
     * the right to edit contacts, blocks no re-entry, and writes no journal entry or
     * certificate: a restore of an older backup brings the person back. The audit trail keeps
     * who deleted which id when. Refused for a restricted person and for a stale version.
     */
    public ErasureResult delete(Principal by, long personId, int expectedVersion) {
        permissions.requireWriteContacts(by);
        ErasureResult result = db.inTransaction(tx -> {
            Person person = existing(tx, personId);
            if (person.version() != expectedVersion) {
                throw new StaleDataException(PersonStore.ENTITY, personId);
            }
            restrictions.active(tx, personId).ifPresent(r -> {
                throw new KontorException("restriction.restricted", personId, r.reason());
            });
            return eraseIn(tx, by, personId, true, null, Locale.ROOT, Mode.DELETE);
        });
        finish();
        return result;
    }

    /**
     * Removes a person merged into another (decision 0013), inside the merge's transaction:
     * the caller has moved everything that hangs on the person to the kept one; the person's
     * row and contact details go, and the values leave the person's audit entries (what the
     * kept person took over stands in the kept person's entries). No journal, no suppression.
     */
    public void removeMerged(Tx tx, Principal by, long mergedId, long keptId) {
        permissions.requireWriteContacts(by);
        erasure.eraseAuditValues(tx, mergedId);
        erasure.deletePerson(tx, mergedId, false);
    }

    /** Erases a person whose period under the deletion concept ran out (no re-entry block). */
    ErasureResult eraseDue(Tx tx, Principal by, long personId, Locale locale) {
        return eraseIn(tx, by, personId, true, null, locale, Mode.RETENTION);
    }

    /** Anonymises inside the caller's transaction (deletion concept action "anonymise"). */
    void anonymiseDue(Tx tx, Principal by, long personId) {
        Instant now = clock.instant();
        erasure.anonymise(tx, personId, "—");
        erasure.eraseAuditValues(tx, personId);
        erasure.journal(tx, personId, ANONYMISED, now, null, by.userId());
        audit.append(tx, by, now, List.of(new AuditChange(AuditAction.ANONYMISE, PersonStore.ENTITY, personId, personId,
                null, null, "deletion concept")));
    }

    /** Anonymises a person: statistics stay (year of birth, postcode area, activity kinds and dates). */
    public ErasureResult anonymise(Principal by, long personId, Locale locale) {
        permissions.requirePrivacy(by);
        Instant now = clock.instant();
        ErasureResult result = db.inTransaction(tx -> {
            Person person = existing(tx, personId);
            Map<String, Integer> counts = counts(tx, person, List.of());
            erasure.anonymise(tx, personId, "—");
            erasure.eraseAuditValues(tx, personId);
            suppression.suppress(tx, person.data(), SuppressionService.REASON_ERASURE);
            long journalId = erasure.journal(tx, personId, ANONYMISED, now, null, by.userId());
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.ANONYMISE, PersonStore.ENTITY, personId,
                    personId, null, null, null)));
            byte[] pdf = certificates.render(locale, journalId, personId, ANONYMISED, now, by, null, counts, List.of());
            erasure.storeCertificate(tx, journalId, pdf, now);
            return new ErasureResult(journalId, personId, ANONYMISED, counts, List.of(), pdf);
        });
        finish();
        return result;
    }

    /**
     * Erases again everyone in the journal who is back (after a restore of an older backup).
     * Returns how many people were erased again.
     */
    public int replayJournal(Principal by, Locale locale) {
        List<ErasureStore.JournalEntry> journal = db.read(erasure::journal);
        int n = 0;
        for (ErasureStore.JournalEntry e : journal) {
            boolean back = db.read(tx -> persons.exists(tx, e.personId()));
            if (!back) {
                continue;
            }
            Person p = db.read(tx -> persons.find(tx, e.personId())).orElseThrow();
            boolean restrictedOnly = RESTRICTED.equals(e.kind()) && db.read(tx -> restrictions.active(tx, p.id()))
                    .map(r -> r.retention()).orElse(false);
            if (restrictedOnly || (ANONYMISED.equals(e.kind()) && "—".equals(p.data().familyName()))) {
                continue;
            }
            db.inTransaction(tx -> ANONYMISED.equals(e.kind())
                    ? anonymiseAgain(tx, by, p) : eraseIn(tx, by, e.personId(), true, e.requestId(), locale, Mode.REPLAY));
            n++;
        }
        if (n > 0) {
            finish();
        }
        return n;
    }

    private ErasureResult anonymiseAgain(Tx tx, Principal by, Person person) {
        Instant now = clock.instant();
        erasure.anonymise(tx, person.id(), "—");
        erasure.eraseAuditValues(tx, person.id());
        audit.append(tx, by, now, List.of(new AuditChange(AuditAction.ANONYMISE, PersonStore.ENTITY, person.id(),
                person.id(), null, null, "replayed")));
        return null;
    }

    private ErasureResult eraseIn(Tx tx, Principal by, long personId, boolean keepDocuments, Long requestId,
            Locale locale, Mode mode) {
        boolean replay = mode == Mode.REPLAY;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Person person = existing(tx, personId);
        Map<String, DataCategory> categories = retention.categories(tx).stream()
                .collect(Collectors.toMap(DataCategory::key, Function.identity()));
        List<ErasureResult.Retained> retained = new ArrayList<>();
        for (Activity a : activities.ofPerson(tx, personId)) {
            DataCategory c = categories.get(DueList.categoryOfKind(a.data().kind().key()));
            LocalDate until = c.dueDate(LocalDate.ofInstant(a.data().occurredAt(), clock.getZone()));
            if (c.statutoryRetention() && until.isAfter(today)) {
                retained.add(new ErasureResult.Retained("activity", a.id(), c.key(), c.statutory(), until));
            }
        }
        Map<String, Integer> counts = counts(tx, person, retained);
        String kind;
        if (retained.isEmpty()) {
            erasure.deletePerson(tx, personId, keepDocuments);
            kind = ERASED;
        } else {
            erasure.deleteAllBut(tx, personId, retained.stream().map(ErasureResult.Retained::id).toList());
            LocalDate until = retained.stream().map(ErasureResult.Retained::until).max(LocalDate::compareTo).orElseThrow();
            restrictions.lift(tx, personId, "superseded by statutory retention", now);
            restrictions.restrict(tx, personId, "statutory retention after erasure request", until, true, by.userId(), now);
            kind = RESTRICTED;
        }
        erasure.eraseAuditValues(tx, personId);
        if (mode == Mode.REQUEST) {
            suppression.suppress(tx, person.data(), SuppressionService.REASON_ERASURE);
        }
        if (mode == Mode.DELETE) {
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.DELETE, PersonStore.ENTITY, personId, personId,
                    null, null, DELETED_BY_USER)));
            return new ErasureResult(0, personId, kind, counts, retained, null);
        }
        long journalId = replay ? 0 : erasure.journal(tx, personId, kind, now, requestId, by.userId());
        audit.append(tx, by, now, List.of(new AuditChange(AuditAction.ERASE, PersonStore.ENTITY, personId, personId, null,
                null, mode.name().toLowerCase(Locale.ROOT))));
        if (replay) {
            return null;
        }
        byte[] pdf = certificates.render(locale, journalId, personId, kind, now, by, requestId, counts, retained);
        erasure.storeCertificate(tx, journalId, pdf, now);
        return new ErasureResult(journalId, personId, kind, counts, retained, pdf);
    }

    /**
     * Adds journal entries that a replaced database had and this one lacks (after a restore of
     * an older backup), so that they keep being replayed. Returns how many were added.
     */
    public int mergeJournal(Principal by, List<ErasureStore.JournalEntry> entries) {
        permissions.requirePrivacy(by);
        return db.inTransaction(tx -> {
            List<ErasureStore.JournalEntry> known = erasure.journal(tx);
            int added = 0;
            for (ErasureStore.JournalEntry e : entries) {
                boolean present = known.stream().anyMatch(k -> k.personId() == e.personId()
                        && k.erasedAt().equals(e.erasedAt()) && k.kind().equals(e.kind()));
                if (!present) {
                    erasure.journal(tx, e.personId(), e.kind(), e.erasedAt(), e.requestId(), by.userId());
                    added++;
                }
            }
            return added;
        });
    }

    /** The stored certificate of a journal entry. */
    public byte[] certificate(Principal by, long journalId) {
        return db.read(tx -> erasure.certificate(tx, journalId))
                .orElseThrow(() -> new NotFoundException("erasure_certificate", journalId));
    }

    public List<ErasureStore.JournalEntry> journal(Principal by) {
        return db.read(erasure::journal);
    }

    private Person existing(Tx tx, long personId) {
        return persons.find(tx, personId).orElseThrow(() -> erasure.lastJournalEntry(tx, personId)
                .<KontorException>map(e -> new KontorException("erasure.alreadyErased", personId, e.erasedAt().toString()))
                .orElseGet(() -> new NotFoundException(PersonStore.ENTITY, personId)));
    }

    /** What goes, counted per data category (no values). */
    private Map<String, Integer> counts(Tx tx, Person p, List<ErasureResult.Retained> retained) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("master-data", 1);
        m.put("email", p.data().emails().size());
        m.put("phone", p.data().phones().size());
        m.put("address", retained.isEmpty() ? p.data().addresses().size() : 0);
        for (Activity a : activities.ofPerson(tx, p.id())) {
            if (retained.stream().noneMatch(r -> r.id() == a.id())) {
                m.merge(DueList.categoryOfKind(a.data().kind().key()), 1, Integer::sum);
            }
        }
        m.put(DueList.MARKETING_CONSENT, consents.consents(tx, List.of(p.id())).size());
        m.put("basis", consents.bases(tx, List.of(p.id())).size());
        m.values().removeIf(v -> v == 0);
        return m;
    }

    /** After the commit: forget the person in the search index and compact the file. */
    void finish() {
        contacts.refreshIndex();
        db.compact();
    }
}
