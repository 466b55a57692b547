package de.kontor.dedupe;

import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonFields;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Principal;
import de.kontor.domain.StaleDataException;
import de.kontor.privacy.ErasureService;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.service.ContactService;
import de.kontor.service.Permissions;
import de.kontor.service.RestrictionGuard;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.DedupeStore;
import de.kontor.store.OrganisationStore;
import de.kontor.store.PersonStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The duplicate check on the database: scan, check one person before it is saved, remember
 * pairs that are not duplicates, and merge two people without losing consent history.
 */
public final class DedupeService {
    /** Fields whose winner can be chosen in a merge; lists are always united. */
    public static final List<String> CHOOSABLE = List.of("salutation", "title", "givenName", "familyName", "birthDate",
            "language", "organisation", "jobTitle");

    private final Database db;
    private final PersonStore persons;
    private final OrganisationStore organisations;
    private final DedupeStore store;
    private final AuditStore audit;
    private final ContactService contacts;
    private final ErasureService erasure;
    private final RestrictionGuard restrictions;
    private final Permissions permissions;
    private final Matcher matcher;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(long seq, Matcher.Index index, int size) {}

    public DedupeService(Database db, PersonStore persons, OrganisationStore organisations, DedupeStore store,
            AuditStore audit, ContactService contacts, ErasureService erasure, RestrictionGuard restrictions,
            Permissions permissions, Matcher matcher, Clock clock) {
        this.erasure = erasure;
        this.db = db;
        this.persons = persons;
        this.organisations = organisations;
        this.store = store;
        this.audit = audit;
        this.contacts = contacts;
        this.restrictions = restrictions;
        this.permissions = permissions;
        this.matcher = matcher;
        this.clock = clock;
    }

    public DedupeSettings settings() {
        return matcher.settings();
    }

    /** The person as the matcher sees it. */
    public static DedupeRecord record(long key, PersonData d, String sourceRecordId) {
        PostalAddress a = d.addresses().isEmpty() ? null : d.addresses().get(0);
        return new DedupeRecord(key, sourceRecordId, d.givenName(), d.familyName(),
                d.birthDate() == null ? 0 : d.birthDate().getYear(), d.birthDate() == null ? 0 : d.birthDate().getMonthValue(),
                d.birthDate() == null ? 0 : d.birthDate().getDayOfMonth(),
                d.emails().stream().map(EmailAddress::address).toList(),
                d.phones().stream().map(p -> p.e164().isEmpty() ? p.raw() : p.e164()).toList(),
                a == null ? null : a.street(), a == null ? null : a.houseNumber(), a == null ? null : a.postcode(),
                a == null ? null : a.city());
    }

    /** A person as the matcher sees it, from the narrow rows of a whole-database load. */
    static DedupeRecord record(PersonStore.MatchRow r) {
        LocalDate d = r.birthDate();
        return new DedupeRecord(r.id(), r.sourceRecordId() == null ? Long.toString(r.id()) : r.sourceRecordId(),
                r.givenName(), r.familyName(), d == null ? 0 : d.getYear(), d == null ? 0 : d.getMonthValue(),
                d == null ? 0 : d.getDayOfMonth(), r.emails(), r.phones(), r.street(), r.houseNumber(), r.postcode(),
                r.city());
    }

    /** The index over the current database, rebuilt when anything changed since. */
    public Matcher.Index index() {
        long head = db.read(audit::headSeq);
        Cached c = cached;
        if (c != null && c.seq() == head) {
            return c.index();
        }
        List<DedupeRecord> records = new ArrayList<>();
        db.read(tx -> {
            persons.forEachMatchRow(tx, r -> records.add(record(r)));
            return null;
        });
        Matcher.Index index = matcher.index(records);
        cached = new Cached(head, index, records.size());
        return index;
    }

    /** Every pair from {@code threshold}, best first, without pairs marked "not a duplicate". */
    public List<Match> scan(Principal by, double threshold, DoubleConsumer progress, BooleanSupplier cancelled) {
        Matcher.Index index = index();
        Set<String> distinct = db.read(store::distinctPairs);
        return matcher.scan(index, threshold, progress, cancelled).stream()
                .filter(m -> !distinct.contains(Math.min(m.a().key(), m.b().key()) + ":" + Math.max(m.a().key(), m.b().key())))
                .toList();
    }

    /** Possible duplicates of a person not yet saved (or being edited: {@code selfId} is left out). */
    public List<Match> check(Principal by, PersonData candidate, Long selfId) {
        Matcher.Index index = index();
        return matcher.check(index, record(-1, candidate, null), settings().possible()).stream()
                .filter(m -> selfId == null || m.b().key() != selfId).toList();
    }

    /** Remembers that two people are not the same; the pair is never proposed again. */
    public void distinct(Principal by, long a, long b) {
        permissions.requireWriteContacts(by);
        if (a == b) {
            throw new KontorException("dedupe.samePerson", a);
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            for (long id : new long[] {a, b}) {
                if (!persons.exists(tx, id)) {
                    throw new NotFoundException(PersonStore.ENTITY, id);
                }
            }
            store.markDistinct(tx, a, b, by.userId(), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, "dedupe", Math.min(a, b), null,
                    "distinct", null, a + " ≠ " + b)));
            return null;
        });
    }

    /**
     * Merges {@code mergeId} into {@code keepId}: per field the kept person's value wins unless
     * {@code prefer} names the other id for it; e-mails, phones, addresses, tags, activities,
     * documents, consents, bases and restrictions are united; the merged id redirects to the
     * survivor. All or nothing; stale versions are refused.
     */
    public Person merge(Principal by, long keepId, int keepVersion, long mergeId, int mergeVersion,
            Map<String, Long> prefer) {
        permissions.requireWriteContacts(by);
        if (keepId == mergeId) {
            throw new KontorException("dedupe.samePerson", keepId);
        }
        for (long id : new long[] {keepId, mergeId}) {
            if (restrictions.isRestricted(id)) {
                throw new KontorException("restriction.restricted", id, "");
            }
        }
        for (String field : prefer.keySet()) {
            if (!CHOOSABLE.contains(field)) {
                throw new KontorException("dedupe.unknownField", field, String.join(", ", CHOOSABLE));
            }
        }
        Instant now = clock.instant();
        Person merged = db.inTransaction(tx -> {
            Person keep = persons.find(tx, keepId).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, keepId));
            Person other = persons.find(tx, mergeId).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, mergeId));
            if (keep.version() != keepVersion) {
                throw new StaleDataException(PersonStore.ENTITY, keepId);
            }
            if (other.version() != mergeVersion) {
                throw new StaleDataException(PersonStore.ENTITY, mergeId);
            }
            PersonData d = combine(keep.data(), other.data(), prefer, mergeId);
            Long orgId = d.organisation() == null ? null
                    : organisations.findByName(tx, d.organisation()).map(o -> o.id()).orElse(keep.organisationId());
            persons.update(tx, keepId, keepVersion, d, orgId, now);
            store.moveAndRedirect(tx, mergeId, keepId, now);
            // the merged person's row and the values of its audit entries go through the
            // erasure path (decision 0013); what the kept person took over is in its own entries
            erasure.removeMerged(tx, by, mergeId, keepId);
            List<AuditChange> changes = new ArrayList<>();
            changes.add(new AuditChange(AuditAction.MERGE, PersonStore.ENTITY, keepId, keepId, "merged", Long.toString(mergeId),
                    Long.toString(keepId)));
            changes.addAll(PersonFields.diff(AuditAction.UPDATE, PersonStore.ENTITY, keepId, keepId,
                    PersonFields.of(keep.data()), PersonFields.of(d)));
            changes.add(new AuditChange(AuditAction.MERGE, PersonStore.ENTITY, mergeId, mergeId, "mergedInto", null,
                    Long.toString(keepId)));
            audit.append(tx, by, now, changes);
            return persons.find(tx, keepId).orElseThrow();
        });
        contacts.refreshIndex();
        return merged;
    }

    /**
     * {@code keep} with the e-mails, phones and addresses of {@code added} that it does not
     * have yet (compared in canonical form); everything else stays as in {@code keep}. Both
     * should be normalised. For "merge instead" on entry and for imports that merge.
     */
    public static PersonData addContacts(PersonData keep, PersonData added) {
        PersonData u = combine(keep, new PersonData(null, null, null, null, null, null, null, null,
                added.emails(), added.phones(), added.addresses(), List.of(), null), Map.of(), Long.MIN_VALUE);
        return new PersonData(keep.salutation(), keep.title(), keep.givenName(), keep.familyName(), keep.birthDate(),
                keep.language(), keep.organisation(), keep.jobTitle(), u.emails(), u.phones(), u.addresses(),
                keep.tags(), keep.notes());
    }

    private static PersonData combine(PersonData keep, PersonData other, Map<String, Long> prefer, long otherId) {
        Map<String, Boolean> fromOther = new LinkedHashMap<>();
        for (String f : CHOOSABLE) {
            fromOther.put(f, prefer.getOrDefault(f, -1L) == otherId);
        }
        List<EmailAddress> emails = new ArrayList<>(keep.emails());
        other.emails().stream().filter(e -> emails.stream().noneMatch(k -> Normalizer.email(k.address())
                .equals(Normalizer.email(e.address())))).forEach(emails::add);
        List<PhoneNumber> phones = new ArrayList<>(keep.phones());
        other.phones().stream().filter(p -> phones.stream().noneMatch(k -> k.key().equals(p.key()))).forEach(phones::add);
        List<PostalAddress> addresses = new ArrayList<>(keep.addresses());
        other.addresses().stream().filter(a -> addresses.stream().noneMatch(k -> Normalizer.street(k.street())
                .equals(Normalizer.street(a.street())) && Normalizer.digits(k.postcode()).equals(Normalizer.digits(a.postcode()))))
                .forEach(addresses::add);
        List<String> tags = new ArrayList<>(keep.tags());
        other.tags().stream().filter(t -> tags.stream().noneMatch(t::equalsIgnoreCase)).forEach(tags::add);
        String notes = keep.notes() == null ? other.notes()
                : other.notes() == null || other.notes().equals(keep.notes()) ? keep.notes() : keep.notes() + "\n\n" + other.notes();
        return new PersonData(
                pick(fromOther, "salutation", keep.salutation(), other.salutation()),
                pick(fromOther, "title", keep.title(), other.title()),
                pick(fromOther, "givenName", keep.givenName(), other.givenName()),
                pick(fromOther, "familyName", keep.familyName(), other.familyName()),
                pick(fromOther, "birthDate", keep.birthDate(), other.birthDate()),
                pick(fromOther, "language", keep.language(), other.language()),
                pick(fromOther, "organisation", keep.organisation(), other.organisation()),
                pick(fromOther, "jobTitle", keep.jobTitle(), other.jobTitle()),
                emails, phones, addresses, tags, notes);
    }

    /** The chosen side's value; an empty value on the winning side is filled from the other. */
    private static <T> T pick(Map<String, Boolean> fromOther, String field, T keep, T other) {
        T first = fromOther.get(field) ? other : keep;
        T second = fromOther.get(field) ? keep : other;
        return first == null || (first instanceof String s && s.isBlank()) ? second : first;
    }
}
