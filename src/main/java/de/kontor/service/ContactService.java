package de.kontor.service;

import de.kontor.domain.ContactRules;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.OrganisationData;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonFields;
import de.kontor.domain.Principal;
import de.kontor.domain.Provenance;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.OrganisationStore;
import de.kontor.store.PersonStore;
import de.kontor.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating, editing, finding and deleting people. Every write validates with
 * {@link ContactRules}, checks the principal's role, writes its audit entries in the same
 * transaction and then updates the search index.
 */
public final class ContactService {
    private final Database db;
    private final PersonStore persons;
    private final OrganisationStore organisations;
    private final AuditStore audit;
    private final ContactRules rules;
    private final SearchIndex index;
    private final Permissions permissions;
    private final ReEntryGuard reEntry;
    private final RestrictionGuard restrictions;
    private final Clock clock;

    public ContactService(Database db, PersonStore persons, OrganisationStore organisations, AuditStore audit,
            ContactRules rules, SearchIndex index, Permissions permissions, ReEntryGuard reEntry,
            RestrictionGuard restrictions, Clock clock) {
        this.reEntry = reEntry;
        this.restrictions = restrictions;
        this.db = db;
        this.persons = persons;
        this.organisations = organisations;
        this.audit = audit;
        this.rules = rules;
        this.index = index;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** One person to create, with where the data came from. */
    public record NewPerson(PersonData data, ProvenanceInput source) {}

    /** A change to an existing person that must be saved together with new people (an import that merges). */
    public record Amendment(long id, int expectedVersion, PersonData data) {}

    /**
     * Every validation error of {@code data} (after normalisation), without saving anything:
     * lets an import name all bad rows before it calls {@link #createAll}.
     */
    public List<de.kontor.domain.FieldError> validate(PersonData data) {
        return rules.validate(rules.normalise(data), LocalDate.now(clock));
    }

    public Person create(Principal by, PersonData data, ProvenanceInput source) {
        return createAll(by, List.of(new NewPerson(data, source))).get(0);
    }

    /**
     * Creates all the people in one transaction: if any is invalid nothing is saved and the
     * exception names it (its position in the list, from 0, is the {@code row} of the
     * {@link BatchValidationException}).
     */
    public List<Person> createAll(Principal by, List<NewPerson> people) {
        return createAll(by, people, List.of());
    }

    /**
     * Creates the people and saves the amendments to existing people in one transaction, all
     * or nothing. An invalid amendment is named as row {@code people.size() + its position};
     * a stale or restricted one refuses everything. Returns the created people.
     */
    public List<Person> createAll(Principal by, List<NewPerson> people, List<Amendment> amendments) {
        permissions.requireWriteContacts(by);
        // measured: about 3 KB per person with audit entries and indexes (298 MB at 100 000)
        db.requireFreeSpace(4096L * (people.size() + amendments.size()));
        List<PersonData> amended = new ArrayList<>(amendments.size());
        for (int i = 0; i < amendments.size(); i++) {
            Amendment a = amendments.get(i);
            restrictions.requireWritable(a.id());
            try {
                amended.add(rules.check(a.data(), LocalDate.now(clock)));
            } catch (de.kontor.domain.ValidationException e) {
                throw new BatchValidationException(people.size() + i, e.errors());
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<PersonData> checked = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            try {
                checked.add(rules.check(people.get(i).data(), today));
            } catch (de.kontor.domain.ValidationException e) {
                throw new BatchValidationException(i, e.errors());
            }
        }
        reEntry.check(checked);
        Instant now = clock.instant();
        List<Person> created = db.inTransaction(tx -> {
            // Bulk: one query for all organisation names instead of a lookup (a scan) per new name.
            boolean bulk = checked.size() > 20;
            Map<String, Long> orgIds = bulk ? organisations.idsByLowerName(tx) : new LinkedHashMap<>();
            List<AuditChange> changes = new ArrayList<>();
            List<Person> result = new ArrayList<>(checked.size());
            List<PersonStore.NewRow> rows = new ArrayList<>(checked.size());
            if (bulk) {
                // New organisations first, in one prepared statement, then every person refers to its id.
                List<String> newNames = new ArrayList<>();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (PersonData d : checked) {
                    String name = d.organisation();
                    if (name != null && !orgIds.containsKey(name.toLowerCase(java.util.Locale.ROOT))
                            && seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                        newNames.add(name);
                    }
                }
                long[] newIds = organisations.insertNamed(tx, newNames, now);
                for (int i = 0; i < newIds.length; i++) {
                    orgIds.put(newNames.get(i).toLowerCase(java.util.Locale.ROOT), newIds[i]);
                    changes.add(new AuditChange(AuditAction.CREATE, OrganisationStore.ENTITY, newIds[i], null, "name",
                            null, newNames.get(i)));
                }
            }
            for (int i = 0; i < checked.size(); i++) {
                PersonData d = checked.get(i);
                ProvenanceInput in = people.get(i).source();
                Provenance p = new Provenance(in.kind(), in.detail(), in.fileName(), in.sourceRecordId(), now,
                        by.username());
                Long orgId = organisationId(tx, by, d.organisation(), orgIds, bulk, changes, now);
                rows.add(new PersonStore.NewRow(d, orgId, p));
            }
            long[] ids = rows.isEmpty() ? new long[0] : persons.insertAll(tx, rows, by.userId(), now);
            for (int i = 0; i < rows.size(); i++) {
                PersonStore.NewRow r = rows.get(i);
                long id = ids[i];
                Map<String, String> fields = PersonFields.of(r.data());
                fields.put("source", sourceText(r.provenance()));
                if (bulk) {
                    // A bulk create (import, demo) records one entry per person holding every field.
                    changes.add(PersonFields.createdAll(AuditAction.IMPORT, PersonStore.ENTITY, id, id, fields));
                } else {
                    changes.addAll(PersonFields.created(PersonStore.ENTITY, id, id, fields));
                }
                result.add(new Person(id, 1, r.data(), r.organisationId(), r.provenance(), now, now));
                if (changes.size() > 5000) {
                    audit.append(tx, by, now, changes);
                    changes.clear();
                }
            }
            for (int i = 0; i < amendments.size(); i++) {
                long id = amendments.get(i).id();
                PersonData d = amended.get(i);
                Person before = persons.find(tx, id).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, id));
                Long orgId = organisationId(tx, by, d.organisation(), new LinkedHashMap<>(), false, changes, now);
                persons.update(tx, id, amendments.get(i).expectedVersion(), d, orgId, now);
                changes.addAll(PersonFields.diff(AuditAction.UPDATE, PersonStore.ENTITY, id, id,
                        PersonFields.of(before.data()), PersonFields.of(d)));
            }
            audit.append(tx, by, now, changes);
            return result;
        });
        index.putAll(created);
        if (!amendments.isEmpty()) {
            db.read(tx -> {
                amendments.forEach(a -> persons.find(tx, a.id()).ifPresent(index::put));
                return null;
            });
        }
        return created;
    }

    /**
     * Which of these people (positions from 0, normalised first) are blocked from re-entry,
     * with the identifier that matched: for import previews and the entry form.
     */
    public java.util.Map<Integer, String> blockedRows(List<PersonData> people) {
        // Normalised only when asked for: with an empty suppression list nothing is computed.
        return reEntry.blocked(new java.util.AbstractList<PersonData>() {
            @Override
            public PersonData get(int index) {
                return rules.normalise(people.get(index));
            }

            @Override
            public int size() {
                return people.size();
            }
        });
    }

    public Person update(Principal by, long id, int expectedVersion, PersonData data) {
        permissions.requireWriteContacts(by);
        restrictions.requireWritable(id);
        PersonData d = rules.check(data, LocalDate.now(clock));
        reEntry.check(List.of(added(get(by, id).data(), d)));
        Instant now = clock.instant();
        Person saved = db.inTransaction(tx -> {
            Person before = persons.find(tx, id).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, id));
            List<AuditChange> changes = new ArrayList<>();
            Long orgId = organisationId(tx, by, d.organisation(), new LinkedHashMap<>(), false, changes, now);
            persons.update(tx, id, expectedVersion, d, orgId, now);
            changes.addAll(PersonFields.diff(AuditAction.UPDATE, PersonStore.ENTITY, id, id,
                    PersonFields.of(before.data()), PersonFields.of(d)));
            audit.append(tx, by, now, changes);
            return persons.find(tx, id).orElseThrow();
        });
        index.put(saved);
        return saved;
    }

    public Person get(Principal by, long id) {
        // A merged-away id leads to the person it was merged into.
        return db.read(tx -> persons.find(tx, id).or(() -> persons.redirect(tx, id).flatMap(n -> persons.find(tx, n))))
                .orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, id));
    }

    /** Search as you type; restricted people (Art. 18) are left out. */
    public SearchIndex.Result search(Principal by, String query, int limit) {
        return search(by, query, limit, false);
    }

    /** Search, with restricted people included when {@code includeRestricted} (the filter switch). */
    public SearchIndex.Result search(Principal by, String query, int limit, boolean includeRestricted) {
        ensureIndex();
        java.util.Set<Long> hidden = includeRestricted ? java.util.Set.of() : restrictions.restrictedIds();
        return index.search(query, limit, hidden);
    }

    public boolean isRestricted(long personId) {
        return restrictions.isRestricted(personId);
    }

    public int count(Principal by) {
        ensureIndex();
        return index.size();
    }

    private volatile boolean indexed;

    /** Builds the search index on first use (the window does it in the background after login). */
    public void ensureIndex() {
        if (!indexed) {
            synchronized (this) {
                if (!indexed) {
                    rebuildIndex();
                }
            }
        }
    }

    /** Reloads the search index from the database (on open; after a bulk import). */
    public void rebuildIndex() {
        List<Person> all = new ArrayList<>();
        long seq = db.read(tx -> {
            long head = audit.headSeq(tx);
            persons.forEach(tx, all::add);
            return head;
        });
        index.rebuild(all);
        indexedSeq = seq;
        indexed = true;
    }

    private volatile long indexedSeq;

    /**
     * After a restore into a database that had no people: the index becomes exactly the
     * restored people, without reading them back; {@code auditHead} is the audit position the
     * restore's transaction ended at, so later changes (also by another process) are caught up
     * by {@link #refreshIndex()}.
     */
    public synchronized void indexRestored(java.util.Collection<Person> people, long auditHead) {
        restrictions.reload();
        index.rebuild(people);
        indexedSeq = auditHead;
        indexed = true;
    }

    /**
     * Brings the search index up to date with changes saved since it was built, also by
     * another Kontor sharing the database file: every change leaves audit entries naming the
     * person, so only those people are reloaded. Returns how many were refreshed. An index
     * not built yet is left so: it is built from the database when first searched (a command
     * that erases one person and exits spent 3 s building it at 100 000 people).
     */
    public synchronized int refreshIndex() {
        restrictions.reload();
        if (!indexed) {
            return 0;
        }
        long since = indexedSeq;
        record Delta(long head, List<Long> ids, List<Person> found) {}
        Delta d = db.read(tx -> {
            long head = audit.headSeq(tx);
            if (head == since) {
                return new Delta(head, List.of(), List.of());
            }
            List<Long> ids = audit.personIdsSince(tx, since);
            List<Person> found = ids.stream().map(id -> persons.find(tx, id)).flatMap(java.util.Optional::stream).toList();
            return new Delta(head, ids, found);
        });
        if (d.ids().isEmpty()) {
            indexedSeq = d.head();
            return 0;
        }
        java.util.Set<Long> present = new java.util.HashSet<>();
        d.found().forEach(p -> present.add(p.id()));
        d.ids().stream().filter(id -> !present.contains(id)).forEach(index::remove);
        index.putAll(d.found());
        indexedSeq = d.head();
        return d.ids().size();
    }

    /** Only what an edit adds: new e-mails, new phones, a changed name or birth date. */
    private static PersonData added(PersonData before, PersonData after) {
        List<de.kontor.domain.EmailAddress> emails = after.emails().stream()
                .filter(e -> before.emails().stream().noneMatch(b -> b.address().equalsIgnoreCase(e.address()))).toList();
        List<de.kontor.domain.PhoneNumber> phones = after.phones().stream()
                .filter(p -> before.phones().stream().noneMatch(b -> b.key().equals(p.key()))).toList();
        boolean nameChanged = !java.util.Objects.equals(before.givenName(), after.givenName())
                || !java.util.Objects.equals(before.familyName(), after.familyName())
                || !java.util.Objects.equals(before.birthDate(), after.birthDate());
        PersonData d = nameChanged ? PersonData.named(after.givenName(), after.familyName()).withBirthDate(after.birthDate())
                : PersonData.named(null, null);
        return d.withEmails(emails).withPhones(phones);
    }

    /** {@code complete}: the cache holds every organisation, so a miss means "new" without a lookup. */
    private Long organisationId(Tx tx, Principal by, String name, Map<String, Long> cache, boolean complete,
            List<AuditChange> changes, Instant now) {
        if (name == null) {
            return null;
        }
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Long cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        java.util.Optional<Long> existing = complete ? java.util.Optional.empty()
                : organisations.findByName(tx, name).map(o -> o.id());
        long id = existing.orElseGet(() -> {
            OrganisationData o = OrganisationData.named(name);
            long newId = organisations.insert(tx, o, now);
            changes.add(new AuditChange(AuditAction.CREATE, OrganisationStore.ENTITY, newId, null, "name", null, name));
            return newId;
        });
        cache.put(key, id);
        return id;
    }

    private static String sourceText(Provenance p) {
        StringBuilder sb = new StringBuilder(p.kind().key());
        if (p.detail() != null) {
            sb.append(": ").append(p.detail());
        }
        if (p.fileName() != null) {
            sb.append(" [").append(p.fileName());
            if (p.sourceRecordId() != null) {
                sb.append(" #").append(p.sourceRecordId());
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
