package de.kontor.exchange;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.domain.request.SubjectData;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.privacy.ConsentService;
import de.kontor.privacy.PrivacyOverview;
import de.kontor.privacy.RequestService;
import de.kontor.report.AccessReport;
import de.kontor.service.Permissions;
import de.kontor.service.RestrictionGuard;
import de.kontor.store.ActivityStore;
import de.kontor.store.AuditStore;
import de.kontor.store.ConsentStore;
import de.kontor.store.Database;
import de.kontor.store.PersonStore;
import de.kontor.store.PurposeStore;
import de.kontor.store.RestrictionStore;
import de.kontor.store.RestoreStore;
import de.kontor.store.RetentionStore;
import de.kontor.store.SettingsStore;
import de.kontor.store.Tx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers data subject requests with files: the Art. 15 access report (PDF/A-3 with the JSON
 * embedded) and Art. 20 exports (JSON, CSV, vCard) of one person or everyone. Restricted people
 * are included in access reports but left out of exports of everyone. Files are written
 * completely or not at all; each one is recorded in the audit trail and, when it answers a
 * request, as sent on that request with its SHA-256, in the same transaction.
 */
public final class SubjectDataService {
    private static final List<String> CONTROLLER_KEYS = List.of("name", "address", "email", "dpo", "authority");
    private static final int BATCH = 500;
    private static final int RE_ENTRY_BATCH = 1000;

    private final Database db;
    private final PersonStore persons;
    private final ActivityStore activities;
    private final ConsentStore consents;
    private final PurposeStore purposes;
    private final RestrictionStore restrictions;
    private final RetentionStore retention;
    private final SettingsStore settings;
    private final AuditStore audit;
    private final ConsentService consentService;
    private final RequestService requests;
    private final RestrictionGuard restricted;
    private final de.kontor.service.ReEntryGuard reEntry;
    private final de.kontor.service.ContactService contacts;
    private final de.kontor.store.RestoreStore restore = new de.kontor.store.RestoreStore();
    private final Permissions permissions;
    private final Clock clock;

    public SubjectDataService(Database db, PersonStore persons, ActivityStore activities, ConsentStore consents,
            PurposeStore purposes, RestrictionStore restrictions, RetentionStore retention, SettingsStore settings,
            AuditStore audit, ConsentService consentService, RequestService requests, RestrictionGuard restricted,
            de.kontor.service.ReEntryGuard reEntry, de.kontor.service.ContactService contacts, Permissions permissions,
            Clock clock) {
        this.db = db;
        this.persons = persons;
        this.activities = activities;
        this.consents = consents;
        this.purposes = purposes;
        this.restrictions = restrictions;
        this.retention = retention;
        this.settings = settings;
        this.audit = audit;
        this.consentService = consentService;
        this.requests = requests;
        this.restricted = restricted;
        this.reEntry = reEntry;
        this.contacts = contacts;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** What was written: the file, its SHA-256, how many people, the request it answers. */
    public record Result(Path file, String sha256, long size, int people, Long requestId) {}

    // --- controller details (settings) ---

    public ControllerDetails controller(Principal by) {
        Map<String, String> m = db.read(tx -> settings.withPrefix(tx, ControllerDetails.PREFIX));
        return new ControllerDetails(m.get("controller.name"), m.get("controller.address"), m.get("controller.email"),
                m.get("controller.dpo"), m.get("controller.authority"));
    }

    /** Sets the given details; null leaves a value unchanged, blank removes it. */
    public ControllerDetails setController(Principal by, ControllerDetails in) {
        permissions.requireAdminister(by);
        String[] values = {in.name(), in.address(), in.email(), in.dpo(), in.authority()};
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && values[i].length() > 1000) {
                errors.add(FieldError.of(CONTROLLER_KEYS.get(i), "validation.tooLong", "1000"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            List<AuditChange> changes = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                String key = ControllerDetails.PREFIX + CONTROLLER_KEYS.get(i);
                String old = settings.get(tx, key).orElse(null);
                String value = Text.clean(values[i]);
                settings.put(tx, key, value);
                if (!java.util.Objects.equals(old, value)) {
                    changes.add(new AuditChange(AuditAction.UPDATE, "setting", 0, null, key, old, value));
                }
            }
            audit.append(tx, by, now, changes);
            return null;
        });
        return controller(by);
    }

    // --- collecting ---

    /** Everything stored about one person (restricted people too). */
    public SubjectData collect(Principal by, long personId) {
        permissions.requirePrivacy(by);
        PrivacyOverview overview = consentService.overview(by, personId);
        return db.read(tx -> {
            Person p = persons.find(tx, personId).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, personId));
            List<AuditEntry> trail = new ArrayList<>(audit.log(tx, personId, Integer.MAX_VALUE));
            Collections.reverse(trail);
            return new SubjectData(p, category(tx, personId), restrictions.active(tx, personId).orElse(null),
                    overview.decisions(), overview.bases(), overview.consents(), overview.objections(),
                    overview.information(), chronological(activities.ofPerson(tx, personId)),
                    consents.documents(tx, personId), trail, requestsOf(by, personId));
        });
    }

    private List<SubjectRequest> requestsOf(Principal by, long personId) {
        return requests.forPerson(by, personId);
    }

    private String category(Tx tx, long personId) {
        return retention.personFact(tx, personId, clock.getZone()).map(f -> f.category()).orElse(null);
    }

    private static <T> List<T> chronological(List<T> newestFirst) {
        List<T> l = new ArrayList<>(newestFirst);
        Collections.reverse(l);
        return l;
    }

    /** Everyone who may be exported (restricted people left out), with their records. */
    List<SubjectData> collectAll(Principal by) {
        permissions.requirePrivacy(by);
        Set<Long> skip = restricted.restrictedIds();
        return db.read(tx -> {
            List<Person> all = new ArrayList<>();
            persons.forEach(tx, p -> {
                if (!skip.contains(p.id())) {
                    all.add(p);
                }
            });
            List<SubjectData> out = new ArrayList<>(all.size());
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Person> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                List<Long> ids = batch.stream().map(Person::id).toList();
                Map<Long, List<BasisRecord>> bases = byPerson(consents.bases(tx, ids),
                        BasisRecord::personId);
                Map<Long, List<Consent>> cons = byPerson(consents.consents(tx, ids),
                        Consent::personId);
                Map<Long, List<Objection>> objections = byPerson(consents.objections(tx, ids),
                        Objection::personId);
                Map<Long, List<InformationRecord>> info = byPerson(
                        consents.information(tx, ids), InformationRecord::personId);
                Map<Long, String> categories = retention.categories(tx, ids);
                var acts = activities.ofPersons(tx, ids);
                var docs = consents.documents(tx, ids);
                for (Person p : batch) {
                    long id = p.id();
                    out.add(new SubjectData(p, categories.get(id), null, List.of(),
                            bases.getOrDefault(id, List.of()), cons.getOrDefault(id, List.of()),
                            objections.getOrDefault(id, List.of()), info.getOrDefault(id, List.of()),
                            acts.getOrDefault(id, List.of()), docs.getOrDefault(id, List.of()), List.of(), List.of()));
                }
            }
            return out;
        });
    }

    private static <T> Map<Long, List<T>> byPerson(List<T> rows, java.util.function.ToLongFunction<T> person) {
        Map<Long, List<T>> out = new java.util.HashMap<>();
        for (T row : rows) {
            out.computeIfAbsent(person.applyAsLong(row), k -> new ArrayList<>()).add(row);
        }
        return out;
    }

    // --- Art. 15 access report ---

    /**
     * Writes the access report of a person to {@code out} in {@code language} (null: the
     * person's language), records it in the audit trail and, with a request, as sent on it.
     */
    public Result accessReport(Principal by, long personId, Locale language, Long requestId, Path out) {
        permissions.requirePrivacy(by);
        SubjectRequest request = requestId == null ? null : requests.requireOpen(by, requestId);
        SubjectData data = collect(by, personId);
        Locale locale = language == null ? AccessReport.languageOf(data.person()) : language;
        Instant now = clock.instant();
        byte[] json = new JsonExport().toBytes(List.of(data), now);
        List<Purpose> catalogue = db.read(purposes::all);
        List<ConsentText> texts = db.read(tx -> {
            List<ConsentText> l = new ArrayList<>();
            data.consents().stream().map(c -> c.purposeKey()).distinct().forEach(k -> l.addAll(purposes.texts(tx, k)));
            return l;
        });
        var categories = db.read(retention::categories);
        String jsonName = "kontor-" + personId + ".json";
        byte[] pdf = new AccessReport().render(new AccessReport.Input(data, catalogue, texts, categories,
                controller(by), request, json, jsonName, now, zone(), locale));
        return record(by, request, out, pdf, now, List.of(personId), "accessReport",
                locale.getLanguage());
    }

    // --- Art. 30 records of processing activities ---

    /** Writes the records of processing activities (Art. 30) as PDF and records it in the audit trail. */
    public Result processingRecords(Principal by, Locale locale, Path out) {
        permissions.requireAdminister(by);
        Instant now = clock.instant();
        byte[] pdf = new de.kontor.report.RopaReport().render(db.read(purposes::all), db.read(retention::categories),
                controller(by), now, zone(), locale);
        return db.inTransaction(tx -> {
            OutputFile.Written w = OutputFile.write(out, pdf);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.EXPORT, "report", 0, null, "ropa", null,
                    w.path().getFileName() + " sha256:" + w.sha256())));
            return new Result(w.path(), w.sha256(), w.size(), 0, null);
        });
    }

    // --- Art. 20 exports ---

    /**
     * Exports one person ({@code personId}) or everyone ({@code null}; restricted people left
     * out) in the format; {@code delimiter} is the CSV separator (comma or semicolon).
     */
    public Result export(Principal by, Long personId, ExportFormat format, char delimiter, Long requestId, Path out) {
        permissions.requirePrivacy(by);
        if (format == ExportFormat.CSV && delimiter != ',' && delimiter != ';') {
            throw new ValidationException(List.of(FieldError.of("delimiter", "export.delimiter", String.valueOf(delimiter))));
        }
        SubjectRequest request = requestId == null ? null : requests.requireOpen(by, requestId);
        List<SubjectData> people = personId == null ? collectAll(by) : List.of(collect(by, personId));
        Instant now = clock.instant();
        OutputFile.Body body = switch (format) {
            case JSON -> o -> new JsonExport().write(people, now, o);
            case CSV -> o -> new CsvExport().write(people, delimiter, o);
            case VCARD -> o -> new VcardExport().write(people, o);
        };
        return record(by, request, out, body, now, people.stream().map(SubjectData::id).toList(),
                personId == null ? "exportAll" : "export", format.key());
    }

    private Result record(Principal by, SubjectRequest request, Path out, byte[] bytes, Instant now, List<Long> ids,
            String what, String detail) {
        return record(by, request, out, o -> o.write(bytes), now, ids, what, detail);
    }

    private Result record(Principal by, SubjectRequest request, Path out, OutputFile.Body body, Instant now,
            List<Long> ids, String what, String detail) {
        Long requestId = request == null ? null : request.id();
        return db.inTransaction(tx -> {
            OutputFile.Written w = OutputFile.write(out, body);
            String name = w.path().getFileName().toString();
            String value = detail + " " + name + " sha256:" + w.sha256() + (requestId == null ? "" : " request:" + requestId);
            List<AuditChange> changes = new ArrayList<>();
            if ("exportAll".equals(what)) {
                changes.add(new AuditChange(AuditAction.EXPORT, "export", 0, null, what, null,
                        value + " people:" + ids.size()));
            } else {
                for (long id : ids) {
                    changes.add(new AuditChange(AuditAction.EXPORT, PersonStore.ENTITY, id, id, what, null, value));
                }
            }
            audit.append(tx, by, now, changes);
            if (requestId != null) {
                requests.recordSent(tx, by, requestId, name, w.sha256(), now);
            }
            return new Result(w.path(), w.sha256(), w.size(), ids.size(), requestId);
        });
    }

    // --- Kontor JSON import (exact restore) ---

    /** What an import wrote; documents are listed in exports but their contents are not, so they are skipped. */
    public record ImportSummary(int people, int activities, int consents, int skippedDocuments) {}

    /**
     * Refuses, as {@link #importJson} would, a restore by someone who may not administer or
     * into a database that already has people: for the import preview.
     */
    void requireRestorable(Principal by) {
        permissions.requireAdminister(by);
        if (db.read(restore::hasPeople)) {
            throw new KontorException("import.json.notEmpty");
        }
    }

    /**
     * Imports a Kontor JSON export into a database without people, exactly: ids, versions and
     * timestamps are kept, so exporting everything again gives an equal file. All or nothing.
     * Users are matched by name (unknown names become the importing user); purposes and consent
     * texts must exist with the same SHA-256; people on the suppression list are refused.
     */
    public ImportSummary importJson(Principal by, byte[] bytes, String fileName) {
        return importJson(by, fileName, bytes.length, each -> new JsonImport().stream(bytes, fileName, each));
    }

    /**
     * As {@link #importJson(Principal, byte[], String)}, reading the file as a stream (only one
     * person's JSON at a time in memory). {@code expectedSha256} not null: the restore is rolled
     * back when the file's SHA-256 differs (it changed since the preview).
     */
    public ImportSummary importJson(Principal by, java.nio.file.Path file, String fileName, String expectedSha256) {
        permissions.requireAdminister(by);
        try (ImportInput input = ImportInput.open(file)) {
            return importJson(by, fileName, sizeOf(file), each -> {
                new JsonImport().stream(input.stream(), fileName, each, new java.util.ArrayList<>());
                if (expectedSha256 != null && !input.sha256().equals(expectedSha256)) {
                    throw new KontorException("import.preview.changed", fileName);
                }
            });
        }
    }

    private static long sizeOf(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new KontorException(e, "error.io", file.getFileName().toString(), e.getMessage());
        }
    }

    private ImportSummary importJson(Principal by, String fileName, long fileBytes,
            java.util.function.Consumer<java.util.function.Consumer<SubjectData>> people) {
        permissions.requireAdminister(by);
        db.requireFreeSpace(2L * fileBytes); // the rows, their audit entries and H2's chunks: about twice the JSON
        Instant now = clock.instant();
        Restoring restoring = db.inTransaction(tx -> {
            if (restore.hasPeople(tx)) {
                throw new KontorException("import.json.notEmpty");
            }
            Restoring r = new Restoring(tx, by, fileName);
            restore.write(tx, w -> {
                people.accept(s -> r.add(w, s));
                r.flush(w);
            });
            for (SubjectData s : r.restricted) {
                restrictions.restrict(tx, s.person().id(), s.restriction().reason(), s.restriction().until(),
                        s.restriction().retention(), by.userId(), s.restriction().since());
            }
            restore.restartIdentities(tx);
            audit.append(tx, by, now, r.changes);
            r.auditHead = audit.headSeq(tx);
            return r;
        });
        restricted.reload();
        contacts.indexRestored(restoring.restoredPeople, restoring.auditHead);
        return new ImportSummary(restoring.people, restoring.activities, restoring.consents,
                restoring.skippedDocuments);
    }

    /**
     * One JSON restore in progress: people arrive one by one from the file and are written in
     * batches, each checked against the suppression list before any of it is written.
     */
    private final class Restoring {
        private final Tx tx;
        private final Principal by;
        private final String fileName;
        private final Map<String, Long> users;
        private final Set<String> categories;
        private final Map<String, Long> purposeIds = new java.util.HashMap<>();
        private final Map<String, Map.Entry<Long, String>> texts = new java.util.HashMap<>();
        private final List<SubjectData> pending = new ArrayList<>(RE_ENTRY_BATCH);
        final List<AuditChange> changes = new ArrayList<>();
        final List<SubjectData> restricted = new ArrayList<>();
        final List<Person> restoredPeople = new ArrayList<>();
        long auditHead;
        int people;
        int activities;
        int consents;
        int skippedDocuments;

        Restoring(Tx tx, Principal by, String fileName) {
            this.tx = tx;
            this.by = by;
            this.fileName = fileName;
            this.users = restore.users(tx);
            this.categories = restore.categories(tx);
        }

        void add(RestoreStore.Writer writer, SubjectData s) {
            pending.add(s);
            if (pending.size() == RE_ENTRY_BATCH) {
                flush(writer);
            }
        }

        void flush(RestoreStore.Writer writer) {
            reEntry.check(pending.stream().map(x -> x.person().data()).toList());
            for (SubjectData s : pending) {
                write(writer, s);
            }
            pending.clear();
        }

        private void write(RestoreStore.Writer writer, SubjectData s) {
            Person p = s.person();
            if (s.category() != null && !categories.contains(s.category())) {
                throw new KontorException("import.json.unknownCategory", fileName, p.id(), s.category());
            }
            Long org = p.data().organisation() == null ? null
                    : writer.organisation(p.data().organisation(), p.createdAt());
            writer.person(p, org, s.category(), user(users, p.provenance().capturedBy(), by));
            for (var a : s.activities()) {
                writer.activity(a, user(users, a.createdBy(), by));
                activities++;
            }
            for (var b : s.bases()) {
                writer.basis(purpose(tx, purposeIds, b.purposeKey(), fileName, p.id()), b,
                        user(users, b.recordedBy(), by));
            }
            for (var c : s.consents()) {
                long purposeId = purpose(tx, purposeIds, c.purposeKey(), fileName, p.id());
                var text = texts.computeIfAbsent(purposeId + "@" + c.textVersion(),
                        k -> restore.consentText(tx, purposeId, c.textVersion()).orElse(null));
                if (text == null || c.textSha256() != null && !c.textSha256().equals(text.getValue())) {
                    throw new KontorException("import.json.consentText", fileName, p.id(), c.purposeKey(),
                            c.textVersion());
                }
                writer.consent(purposeId, text.getKey(), c, user(users, c.recordedBy(), by));
                consents++;
            }
            for (var o : s.objections()) {
                writer.objection(o, user(users, o.recordedBy(), by));
            }
            for (var i : s.information()) {
                writer.information(i, user(users, i.recordedBy(), by));
            }
            if (s.restriction() != null) {
                restricted.add(s);
            }
            skippedDocuments += s.documents().size();
            changes.add(new AuditChange(AuditAction.IMPORT, PersonStore.ENTITY, p.id(), p.id(), "json", null, fileName));
            restoredPeople.add(p);
            people++;
        }
    }

    private long purpose(Tx tx, Map<String, Long> cache, String key, String fileName, long personId) {
        Long id = cache.get(key);
        if (id == null) {
            id = restore.purposeId(tx, key).orElseThrow(() -> new KontorException("import.json.unknownPurpose", fileName,
                    personId, key));
            cache.put(key, id);
        }
        return id;
    }

    private static long user(Map<String, Long> users, String name, Principal fallback) {
        Long id = name == null ? null : users.get(name);
        return id == null ? fallback.userId() : id;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** Throws unless the folder of {@code out} exists (checked before the work starts). */
    public static void requireFolder(Path out) {
        Path dir = out.toAbsolutePath().normalize().getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new KontorException("export.folderMissing", dir == null ? out.toString() : dir.toString());
        }
    }
}
