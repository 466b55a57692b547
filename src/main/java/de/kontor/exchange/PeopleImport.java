package de.kontor.exchange;

import de.kontor.dedupe.DedupeRecord;
import de.kontor.dedupe.DedupeService;
import de.kontor.dedupe.Match;
import de.kontor.dedupe.Matcher;
import de.kontor.domain.ContactRules;
import de.kontor.domain.FieldError;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.Principal;
import de.kontor.service.BatchValidationException;
import de.kontor.service.ContactService;
import de.kontor.service.ContactService.NewPerson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The import of people read from a file, whatever its format (CSV, vCard): validation,
 * suppression check (people who asked to be erased or objected are blocked from re-entry),
 * duplicates in the database and within the file, and the write, all or nothing. Without
 * skip-invalid any bad or blocked row refuses the whole file with every bad row and its
 * reason; with it those rows are skipped and listed. {@link #preview} does everything but
 * the write.
 */
final class PeopleImport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PeopleImport.class);
    private static final ContactRules RULES = new ContactRules();
    private static final ImportCleanup CLEANUP = new ImportCleanup(RULES);

    private final ContactService contacts;
    private final DedupeService dedupe;

    /** {@code dedupe} null: no duplicate check (the benchmark's bulk import). */
    PeopleImport(ContactService contacts, DedupeService dedupe) {
        this.contacts = contacts;
        this.dedupe = dedupe;
    }

    /**
     * The rows that passed validation and the suppression check (with their lines), the others'
     * problems, and the notes on values left out or kept unchecked in the rows that passed.
     */
    record Checked(List<NewPerson> people, List<Long> lines, List<LineProblem> invalid, List<LineProblem> blocked,
            List<LineProblem> notes) {
        Checked(List<NewPerson> people, List<Long> lines, List<LineProblem> invalid, List<LineProblem> blocked) {
            this(people, lines, invalid, blocked, List.of());
        }

        List<LineProblem> problems() {
            List<LineProblem> all = new ArrayList<>(invalid);
            all.addAll(blocked);
            all.sort(Comparator.comparingLong(LineProblem::line));
            return all;
        }
    }

    /**
     * Every duplicate found (the best match in the database per row, and each pair within the
     * file once, the later line named as duplicate of the earlier one), and per line the one a
     * decision acts on: the database match first, else the closest earlier line.
     */
    record Found(List<ImportDuplicate> all, Map<Long, ImportDuplicate> primary, Map<Long, String> rowNames,
            Map<Long, String> personNames) {
        static final Found NONE = new Found(List.of(), Map.of(), Map.of(), Map.of());
    }

    /** Rows of an exact restore (Kontor JSON): not validated again, only checked against the suppression list. */
    Checked checkRestore(ImportSource source) {
        List<NewPerson> people = source.rows().stream().map(SourceRow::person).toList();
        List<Long> lines = source.rows().stream().map(SourceRow::line).toList();
        return blocked(people, lines, List.of());
    }

    Checked check(ImportSource source) {
        List<LineProblem> invalid = new ArrayList<>();
        List<NewPerson> people = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<Long, List<LineProblem>> notes = new HashMap<>();
        for (SourceRow row : source.rows()) {
            if (row.person() == null || !row.problems().isEmpty()) {
                invalid.addAll(row.problems());
                continue;
            }
            ImportCleanup.Cleaned cleaned = CLEANUP.clean(row.line(), row.person().data());
            List<FieldError> errors = contacts.validate(cleaned.data());
            if (errors.isEmpty()) {
                people.add(new NewPerson(cleaned.data(), row.person().source()));
                lines.add(row.line());
                if (!cleaned.notes().isEmpty()) {
                    notes.put(row.line(), cleaned.notes());
                }
            } else {
                errors.forEach(f -> invalid.add(new LineProblem(row.line(), f.field(), f.messageKey(), f.args())));
            }
        }
        Checked c = blocked(people, lines, invalid);
        List<LineProblem> kept = new ArrayList<>();
        c.lines().forEach(l -> kept.addAll(notes.getOrDefault(l, List.of())));
        return new Checked(c.people(), c.lines(), c.invalid(), c.blocked(), kept);
    }

    /** People who asked to be erased or objected must not come back through an import. */
    private Checked blocked(List<NewPerson> people, List<Long> lines, List<LineProblem> invalid) {
        Map<Integer, String> blockedAt = contacts.blockedRows(people.stream().map(NewPerson::data).toList());
        List<LineProblem> blocked = new ArrayList<>();
        if (!blockedAt.isEmpty()) {
            List<NewPerson> kept = new ArrayList<>();
            List<Long> keptLines = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                String identifier = blockedAt.get(i);
                if (identifier != null) {
                    blocked.add(new LineProblem(lines.get(i), identifier, "suppression.blocked", List.of(identifier, "")));
                } else {
                    kept.add(people.get(i));
                    keptLines.add(lines.get(i));
                }
            }
            people = kept;
            lines = keptLines;
        }
        return new Checked(people, lines, invalid, blocked);
    }

    Found duplicates(Principal by, Checked c) {
        if (dedupe == null || c.people().isEmpty()) {
            return Found.NONE;
        }
        List<PersonData> normalised = c.people().stream().map(p -> RULES.normalise(p.data())).toList();
        List<ImportDuplicate> found = new ArrayList<>();
        Map<Long, String> personNames = new HashMap<>();
        for (int i = 0; i < normalised.size(); i++) {
            List<Match> matches = dedupe.check(by, normalised.get(i), null);
            if (!matches.isEmpty()) {
                Match best = matches.get(0);
                found.add(new ImportDuplicate(c.lines().get(i), best.b().key(), null, best.score(), best.level(),
                        ImportDuplicate.Action.REPORTED));
                personNames.put(best.b().key(), best.b().displayName());
            }
        }
        // Within the file: each pair once, the later line named as duplicate of the earlier one.
        Matcher matcher = new Matcher(dedupe.settings());
        List<DedupeRecord> records = new ArrayList<>(normalised.size());
        for (int i = 0; i < normalised.size(); i++) {
            long line = c.lines().get(i);
            records.add(DedupeService.record(line, normalised.get(i), Long.toString(line)));
        }
        for (Match m : matcher.scan(matcher.index(records), dedupe.settings().possible(), p -> { }, () -> false)) {
            long a = m.a().key();
            long b = m.b().key();
            found.add(new ImportDuplicate(Math.max(a, b), null, Math.min(a, b), m.score(), m.level(),
                    ImportDuplicate.Action.REPORTED));
        }
        found.sort(Comparator.comparingLong(ImportDuplicate::line).thenComparing(d -> d.otherLine() == null ? 0 : 1)
                .thenComparing(Comparator.comparingDouble(ImportDuplicate::score).reversed())
                .thenComparing(d -> d.otherLine() == null ? 0 : d.otherLine()));
        Map<Long, Integer> at = new HashMap<>();
        for (int i = 0; i < c.lines().size(); i++) {
            at.put(c.lines().get(i), i);
        }
        Map<Long, ImportDuplicate> primary = new LinkedHashMap<>();
        Map<Long, String> rowNames = new HashMap<>();
        for (ImportDuplicate d : found) {
            primary.putIfAbsent(d.line(), d);
            rowNames.put(d.line(), normalised.get(at.get(d.line())).displayName());
            if (!d.inDatabase()) {
                rowNames.put(d.otherLine(), normalised.get(at.get(d.otherLine())).displayName());
            }
        }
        return new Found(found, primary, rowNames, personNames);
    }

    /** Checks everything, writes nothing. */
    ImportPreview preview(Principal by, ImportSource source, java.nio.file.Path file, ImportOptions options,
            String sha256, int rows) {
        return preview(by, source, check(source), file, options, sha256, rows);
    }

    ImportPreview preview(Principal by, ImportSource source, Checked c, java.nio.file.Path file, ImportOptions options,
            String sha256, int rows) {
        Found f = duplicates(by, c);
        List<ImportPreview.Duplicate> dups = new ArrayList<>();
        for (ImportDuplicate d : f.primary().values()) {
            dups.add(new ImportPreview.Duplicate(d.line(), f.rowNames().get(d.line()), d.personId(), d.otherLine(),
                    d.inDatabase() ? f.personNames().get(d.personId()) : f.rowNames().get(d.otherLine()), d.score(),
                    d.level()));
        }
        return new ImportPreview(file, source.format(), options, source.detail(), sha256, rows, source.columnFields(),
                source.ignored(), c.invalid(), c.blocked(), dups, c.people().size(), c.notes());
    }

    /**
     * Checks, then (unless dry run) writes in one transaction. {@code decide} says per row
     * what happens with its duplicate; {@code verify} may refuse what was found (a preview
     * that no longer holds).
     */
    ImportResult run(Principal by, ImportSource source, int rows, boolean skipInvalid, boolean dryRun,
            Function<ImportDuplicate, DuplicateDecision> decide, java.util.function.Consumer<Found> verify) {
        Checked c = check(source);
        List<LineProblem> problems = c.problems();
        if (!problems.isEmpty() && !skipInvalid) {
            throw new ImportRefusedException(problems);
        }
        Found found = duplicates(by, c);
        verify.accept(found);
        Plan plan = plan(by, c, found, decide);
        // Counts only: no names, addresses or file contents in the log.
        LOG.info("import {} ({}): {} records, {} to create, {} to amend, {} invalid, {} blocked, {} notes{}",
                source.format().key(), source.detail(), rows, plan.create().size(), plan.amendments().size(),
                c.invalid().stream().mapToLong(LineProblem::line).distinct().count(), c.blocked().size(),
                c.notes().size(), dryRun ? " (dry run)" : "");
        if (dryRun || (plan.create().isEmpty() && plan.amendments().isEmpty())) {
            return new ImportResult(dryRun ? plan.create().size() : 0, rows, problems, source.ignored(),
                    source.columnFields(), dryRun, plan.duplicates(), notesOf(c, plan));
        }
        try {
            contacts.createAll(by, plan.create(), plan.amendments());
        } catch (BatchValidationException e) {
            long line = e.row() < plan.createLines().size() ? plan.createLines().get(e.row())
                    : plan.amendedLines().get(e.row() - plan.createLines().size());
            throw new ImportRefusedException(e.errors().stream()
                    .map(f -> new LineProblem(line, f.field(), f.messageKey(), f.args())).toList());
        }
        return new ImportResult(plan.create().size(), rows, problems, source.ignored(), source.columnFields(), false,
                plan.duplicates(), notesOf(c, plan));
    }

    /** The notes of the rows that are created or merged (not of those skipped as duplicates). */
    private static List<LineProblem> notesOf(Checked c, Plan plan) {
        java.util.Set<Long> skipped = new java.util.HashSet<>();
        plan.duplicates().stream().filter(d -> d.action() == ImportDuplicate.Action.SKIPPED)
                .forEach(d -> skipped.add(d.line()));
        return c.notes().stream().filter(n -> !skipped.contains(n.line())).toList();
    }

    /** What will be written: the people to create, the amendments of existing people, every duplicate with its action. */
    private record Plan(List<NewPerson> create, List<Long> createLines, List<ContactService.Amendment> amendments,
            List<Long> amendedLines, List<ImportDuplicate> duplicates) {}

    private Plan plan(Principal by, Checked c, Found found, Function<ImportDuplicate, DuplicateDecision> decide) {
        List<NewPerson> create = new ArrayList<>();
        List<Long> createLines = new ArrayList<>();
        Map<Long, Integer> createdAt = new HashMap<>(); // line -> position in create
        Map<Long, Long> mergedInto = new HashMap<>(); // line -> existing person
        Map<Long, ImportDuplicate.Action> actions = new HashMap<>();
        Map<Long, Person> merging = new LinkedHashMap<>();
        Map<Long, PersonData> mergedData = new LinkedHashMap<>();
        Map<Long, Long> firstLineOf = new LinkedHashMap<>();
        for (int i = 0; i < c.people().size(); i++) {
            long line = c.lines().get(i);
            NewPerson row = c.people().get(i);
            ImportDuplicate dup = found.primary().get(line);
            DuplicateDecision decision = dup == null ? DuplicateDecision.IMPORT : decide.apply(dup);
            if (decision == DuplicateDecision.MERGE && !dup.inDatabase()) {
                Integer k = createdAt.get(dup.otherLine());
                Long into = mergedInto.get(dup.otherLine());
                if (k != null) {
                    NewPerson earlier = create.get(k);
                    create.set(k, new NewPerson(DedupeService.addContacts(RULES.normalise(earlier.data()),
                            RULES.normalise(row.data())), earlier.source()));
                    actions.put(line, ImportDuplicate.Action.MERGED);
                    continue;
                }
                if (into != null) {
                    dup = new ImportDuplicate(line, into, null, dup.score(), dup.level(), dup.action());
                } else {
                    decision = DuplicateDecision.IMPORT; // the earlier row is skipped: this one takes its place
                }
            }
            switch (decision) {
                case IMPORT -> {
                    createdAt.put(line, create.size());
                    create.add(row);
                    createLines.add(line);
                }
                case SKIP -> actions.put(line, ImportDuplicate.Action.SKIPPED);
                case MERGE -> {
                    long id = dup.personId();
                    Person existing = merging.computeIfAbsent(id, x -> contacts.get(by, x));
                    mergedData.put(id, DedupeService.addContacts(mergedData.getOrDefault(id, existing.data()),
                            RULES.normalise(row.data())));
                    firstLineOf.putIfAbsent(id, line);
                    mergedInto.put(line, id);
                    actions.put(line, ImportDuplicate.Action.MERGED);
                }
            }
        }
        List<ImportDuplicate> duplicates = new ArrayList<>(found.all().size());
        for (ImportDuplicate d : found.all()) {
            ImportDuplicate.Action a = actions.get(d.line());
            boolean acted = a != null && found.primary().get(d.line()) == d;
            duplicates.add(acted ? new ImportDuplicate(d.line(), d.personId(), d.otherLine(), d.score(), d.level(), a) : d);
        }
        List<ContactService.Amendment> amendments = new ArrayList<>();
        List<Long> amendedLines = new ArrayList<>();
        mergedData.forEach((id, data) -> {
            if (data.equals(merging.get(id).data())) {
                return; // nothing new for this person
            }
            amendments.add(new ContactService.Amendment(id, merging.get(id).version(), data));
            amendedLines.add(firstLineOf.get(id));
        });
        return new Plan(create, createLines, amendments, amendedLines, duplicates);
    }
}
