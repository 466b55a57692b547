package de.kontor.exchange;

import de.kontor.dedupe.DedupeService;
import de.kontor.domain.KontorException;
import de.kontor.domain.Principal;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.request.SubjectData;
import de.kontor.service.ContactService;
import de.kontor.service.ContactService.NewPerson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports people from a file: CSV (own, Outlook, Google Contacts layouts), vCard 2.1/3.0/4.0
 * and Kontor JSON. The command line runs it with one duplicates mode for the whole file; the
 * import screen first asks for a {@link #preview} (nothing written) and then imports with a
 * decision per duplicate row. Either way all or nothing, with provenance (file name, format,
 * source record id) on every person.
 */
public final class FileImport {
    /** The fields of a person in a Kontor JSON export and the import field (or record) each restores. */
    private static final Map<String, String> JSON_FIELDS = jsonFields();

    private final PeopleImport people;
    private final SubjectDataService subjectData;

    /**
     * {@code dedupe} null: no duplicate check (the benchmark's bulk import);
     * {@code subjectData} null: no Kontor JSON.
     */
    public FileImport(ContactService contacts, DedupeService dedupe, SubjectDataService subjectData) {
        this.people = new PeopleImport(contacts, dedupe);
        this.subjectData = subjectData;
    }

    /**
     * Reads, checks and (unless dry run) imports a CSV or vCard file; {@code mode} says what
     * happens to rows with a certain duplicate in the database (duplicates within the file are
     * only reported).
     *
     * @throws ImportRefusedException if any row is bad or blocked and skip-invalid is not set; nothing is written
     * @throws KontorException for a file that cannot be read at all
     */
    public ImportResult run(Principal by, Path file, ImportFormat format, ImportOptions options, DuplicateMode mode) {
        ImportSource source;
        try (ImportInput input = ImportInput.open(file)) {
            source = read(format, file, input, options);
        }
        return people.run(by, source, source.rows().size(), options.skipInvalid(), options.dryRun(), mode::decide,
                found -> { });
    }

    /** Everything the import would do, without writing anything. */
    public ImportPreview preview(Principal by, Path file, ImportFormat format, ImportOptions options) {
        try (ImportInput input = ImportInput.open(file)) {
            if (format == ImportFormat.JSON) {
                return previewJson(by, file, input, options);
            }
            ImportSource source = read(format, file, input, options);
            String sha256 = input.sha256(); // of the bytes just read: the import compares it
            return people.preview(by, source, file, options, sha256, source.rows().size());
        }
    }

    /**
     * Imports the previewed file with a decision per duplicate row (rows without one are
     * imported). Refuses, writing nothing, when the file changed since the preview or the
     * duplicates found are no longer those of the preview.
     */
    public ImportResult run(Principal by, ImportPreview preview, boolean skipInvalid,
            Map<Long, DuplicateDecision> decisions) {
        if (preview.format() == ImportFormat.JSON) {
            // Hashed while it is restored: a file changed since the preview rolls the restore back.
            SubjectDataService.ImportSummary s = json().importJson(by, preview.file(), preview.fileName(),
                    preview.sha256());
            return new ImportResult(s.people(), preview.rows(), List.of(), preview.ignored(), preview.columnFields(),
                    false, List.of());
        }
        ImportSource source;
        try (ImportInput input = ImportInput.open(preview.file())) {
            source = read(preview.format(), preview.file(), input, preview.options());
            if (!input.sha256().equals(preview.sha256())) {
                throw new KontorException("import.preview.changed", preview.fileName());
            }
        }
        Set<String> expected = new HashSet<>();
        preview.duplicates().forEach(d -> expected.add(d.line() + ":" + d.personId() + ":" + d.otherLine()));
        Function<ImportDuplicate, DuplicateDecision> decide = d -> decisions.getOrDefault(d.line(), DuplicateDecision.IMPORT);
        return people.run(by, source, source.rows().size(), skipInvalid, false, decide, found -> {
            Set<String> now = new HashSet<>();
            found.primary().values().forEach(d -> now.add(d.line() + ":" + d.personId() + ":" + d.otherLine()));
            if (!now.equals(expected)) {
                throw new KontorException("import.preview.stale", preview.fileName());
            }
        });
    }

    private static ImportSource read(ImportFormat format, Path file, ImportInput input, ImportOptions options) {
        String name = file.getFileName().toString();
        return switch (format) {
            case CSV -> new CsvReader().read(name, input, options);
            case VCARD -> new VcardReader().read(name, input, options);
            case JSON -> throw new IllegalArgumentException("JSON is restored, not read into rows");
        };
    }

    private SubjectDataService json() {
        if (subjectData == null) {
            throw new IllegalStateException("no Kontor JSON without the subject data service");
        }
        return subjectData;
    }

    /**
     * A Kontor JSON export is restored exactly (see {@link SubjectDataService#importJson}): the
     * preview lists what it restores, the people blocked by the suppression list (a restore
     * refuses them) and duplicates within the file; the database must be empty.
     */
    private ImportPreview previewJson(Principal by, Path file, ImportInput input, ImportOptions options) {
        String name = file.getFileName().toString();
        List<Long> lines = new ArrayList<>();
        JsonImport.Parsed parsed = new JsonImport().parse(input.stream(), name, lines);
        String sha256 = input.sha256();
        json().requireRestorable(by);
        List<SourceRow> rows = new ArrayList<>();
        boolean documents = false;
        for (int i = 0; i < parsed.people().size(); i++) {
            SubjectData s = parsed.people().get(i);
            var p = s.person().provenance();
            rows.add(new SourceRow(i < lines.size() ? lines.get(i) : i + 1L, new NewPerson(s.person().data(),
                    new ProvenanceInput(p.kind(), p.detail(), p.fileName(), p.sourceRecordId())), List.of()));
            documents |= !s.documents().isEmpty();
        }
        ImportSource source = new ImportSource(ImportFormat.JSON, "Kontor JSON", name, rows, JSON_FIELDS,
                documents ? List.of("documents") : List.of());
        // The rows are restored as exported, not validated again: only the suppression list and duplicates count.
        PeopleImport.Checked c = people.checkRestore(source);
        return people.preview(by, source, c, file, options, sha256, rows.size());
    }

    private static Map<String, String> jsonFields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("salutation", "title", "givenName", "familyName", "birthDate", "language", "organisation",
                "jobTitle")) {
            m.put(f, f);
        }
        m.put("emails", "email");
        m.put("phones", "phone");
        m.put("addresses", "street, houseNumber, addressLine2, postcode, city, region, country");
        m.put("tags", "tags");
        m.put("notes", "notes");
        for (String f : List.of("id", "category", "provenance", "restriction", "bases", "consents", "objections",
                "information", "activities")) {
            m.put(f, f);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
