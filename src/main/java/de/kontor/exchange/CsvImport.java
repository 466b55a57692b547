package de.kontor.exchange;

import de.kontor.dedupe.DedupeRecord;
import de.kontor.dedupe.DedupeService;
import de.kontor.dedupe.Match;
import de.kontor.dedupe.Matcher;
import de.kontor.domain.ContactKind;
import de.kontor.domain.Person;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Principal;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.Text;
import de.kontor.service.BatchValidationException;
import de.kontor.service.ContactService;
import de.kontor.service.ContactService.NewPerson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports people from a CSV file (own exports, Excel, Outlook, Google Contacts), all or
 * nothing: every line is decoded, parsed and validated before anything is written, and one
 * transaction ({@link ContactService#createAll}) saves them. Any bad line refuses the whole
 * file with every bad line and its reason, unless skip-invalid is set (then the bad lines are
 * skipped and listed). Columns that map to no field are not read and are listed (data
 * minimisation). Each person's provenance records the file name and the source record id
 * (the mapped column, or the line number).
 */
public final class CsvImport {
    /** The import field names, as the command line and the column mapping use them. */
    public static final List<String> FIELDS = List.of("sourceRecordId", "salutation", "title", "givenName",
            "familyName", "organisation", "jobTitle", "email", "phone", "street", "houseNumber", "addressLine2",
            "postcode", "city", "region", "country", "birthDate", "language", "tags", "notes");

    private static final List<String> ADDRESS_FIELDS = List.of("street", "houseNumber", "addressLine2", "postcode",
            "city", "region", "country");

    /** Common header names (folded: lower case, no spaces, dashes, dots or underscores). */
    private static final Map<String, String> ALIASES = aliases();

    private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("deutschland", "DE"), Map.entry("germany", "DE"), Map.entry("bundesrepublikdeutschland", "DE"),
            Map.entry("österreich", "AT"), Map.entry("oesterreich", "AT"), Map.entry("austria", "AT"),
            Map.entry("schweiz", "CH"), Map.entry("switzerland", "CH"), Map.entry("suisse", "CH"),
            Map.entry("svizzera", "CH"), Map.entry("liechtenstein", "LI"), Map.entry("luxemburg", "LU"),
            Map.entry("frankreich", "FR"), Map.entry("france", "FR"), Map.entry("italien", "IT"),
            Map.entry("italy", "IT"), Map.entry("niederlande", "NL"), Map.entry("netherlands", "NL"));

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final de.kontor.domain.ContactRules RULES = new de.kontor.domain.ContactRules();

    private final ContactService contacts;
    private final DedupeService dedupe;

    public CsvImport(ContactService contacts) {
        this(contacts, null);
    }

    /** With the duplicate check: every row against the database and within the file. */
    public CsvImport(ContactService contacts, DedupeService dedupe) {
        this.contacts = contacts;
        this.dedupe = dedupe;
    }

    /** Which field a column feeds; {@code group} keeps Outlook's business and home addresses apart. */
    record Column(int index, String header, String field, String group, ContactKind kind) {}

    /**
     * Reads, checks and (unless dry run) imports the file.
     *
     * @throws ImportRefusedException if any line is bad and skip-invalid is not set; nothing is written
     * @throws KontorException for a file that cannot be read at all, an unknown field in the mapping,
     *     an unknown encoding or date pattern
     */
    public ImportResult run(Principal by, Path file, ImportOptions options) {
        return run(by, file, options, DuplicateMode.REPORT);
    }

    /**
     * As {@link #run(Principal, Path, ImportOptions)}, and (with a duplicate check) checks
     * every row before writing: against the database and within the file; {@code mode} says
     * what happens to rows with a certain duplicate in the database. Still all or nothing.
     */
    public ImportResult run(Principal by, Path file, ImportOptions options, DuplicateMode mode) {
        // Parsing in its own method lets the file's bytes be collected before the big insert.
        Parsed parsed = parse(file, options);
        List<LineProblem> problems = parsed.problems();
        List<NewPerson> people = parsed.people();
        List<Long> lineOfPerson = parsed.lineOfPerson();
        List<String> ignored = parsed.ignored();
        Map<String, String> columnFields = parsed.columnFields();
        int rows = parsed.rows();
        // People who asked to be erased or objected must not come back through an import.
        Map<Integer, String> blocked = contacts.blockedRows(people.stream().map(NewPerson::data).toList());
        if (!blocked.isEmpty()) {
            problems = new java.util.ArrayList<>(problems);
            List<NewPerson> kept = new java.util.ArrayList<>();
            List<Long> keptLines = new java.util.ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                if (blocked.containsKey(i)) {
                    problems.add(new LineProblem(lineOfPerson.get(i), blocked.get(i), "suppression.blocked",
                            List.of(blocked.get(i), "")));
                } else {
                    kept.add(people.get(i));
                    keptLines.add(lineOfPerson.get(i));
                }
            }
            problems.sort(java.util.Comparator.comparingLong(LineProblem::line));
            people = kept;
            lineOfPerson = keptLines;
        }
        if (!problems.isEmpty() && !options.skipInvalid()) {
            throw new ImportRefusedException(problems);
        }
        Duplicates dups = dedupe == null || people.isEmpty() ? new Duplicates(people, lineOfPerson, List.of(),
                List.of(), List.of()) : duplicates(by, people, lineOfPerson, mode);
        people = dups.people();
        lineOfPerson = dups.lines();
        if (options.dryRun() || (people.isEmpty() && dups.amendments().isEmpty())) {
            return new ImportResult(options.dryRun() ? people.size() : 0, rows, problems, ignored, columnFields,
                    options.dryRun(), dups.found());
        }
        try {
            contacts.createAll(by, people, dups.amendments());
        } catch (BatchValidationException e) {
            long line = e.row() < lineOfPerson.size() ? lineOfPerson.get(e.row())
                    : dups.amendedLines().get(e.row() - lineOfPerson.size());
            throw new ImportRefusedException(e.errors().stream()
                    .map(f -> new LineProblem(line, f.field(), f.messageKey(), f.args())).toList());
        }
        return new ImportResult(people.size(), rows, problems, ignored, columnFields, false, dups.found());
    }

    /** The rows left to create, the amendments of existing people (merge), and every duplicate found. */
    private record Duplicates(List<NewPerson> people, List<Long> lines, List<ContactService.Amendment> amendments,
            List<Long> amendedLines, List<ImportDuplicate> found) {}

    private Duplicates duplicates(Principal by, List<NewPerson> people, List<Long> lines, DuplicateMode mode) {
        List<PersonData> normalised = people.stream().map(p -> RULES.normalise(p.data())).toList();
        List<ImportDuplicate> found = new ArrayList<>();
        List<NewPerson> kept = new ArrayList<>();
        List<Long> keptLines = new ArrayList<>();
        Map<Long, Person> merging = new LinkedHashMap<>();
        Map<Long, PersonData> mergedData = new LinkedHashMap<>();
        Map<Long, Long> firstLineOf = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            List<Match> matches = dedupe.check(by, normalised.get(i), null);
            Match best = matches.isEmpty() ? null : matches.get(0);
            long line = lines.get(i);
            boolean certain = best != null && best.level() == Match.Level.CERTAIN;
            if (best == null || !certain || mode == DuplicateMode.REPORT) {
                if (best != null) {
                    found.add(new ImportDuplicate(line, best.b().key(), null, best.score(), best.level(),
                            ImportDuplicate.Action.REPORTED));
                }
                kept.add(people.get(i));
                keptLines.add(line);
                continue;
            }
            long id = best.b().key();
            if (mode == DuplicateMode.SKIP) {
                found.add(new ImportDuplicate(line, id, null, best.score(), best.level(), ImportDuplicate.Action.SKIPPED));
                continue;
            }
            Person existing = merging.computeIfAbsent(id, x -> contacts.get(by, x));
            mergedData.put(id, DedupeService.addContacts(mergedData.getOrDefault(id, existing.data()), normalised.get(i)));
            firstLineOf.putIfAbsent(id, line);
            found.add(new ImportDuplicate(line, id, null, best.score(), best.level(), ImportDuplicate.Action.MERGED));
        }
        // Within the file: each pair once, the later line named as duplicate of the earlier one.
        Matcher matcher = new Matcher(dedupe.settings());
        List<DedupeRecord> records = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            records.add(DedupeService.record(lines.get(i), normalised.get(i), Long.toString(lines.get(i))));
        }
        for (Match m : matcher.scan(matcher.index(records), dedupe.settings().possible(), p -> { }, () -> false)) {
            long a = m.a().key();
            long b = m.b().key();
            found.add(new ImportDuplicate(Math.max(a, b), null, Math.min(a, b), m.score(), m.level(),
                    ImportDuplicate.Action.REPORTED));
        }
        found.sort(java.util.Comparator.comparingLong(ImportDuplicate::line)
                .thenComparing(d -> d.otherLine() == null ? 0 : 1));
        List<ContactService.Amendment> amendments = new ArrayList<>();
        List<Long> amendedLines = new ArrayList<>();
        mergedData.forEach((id, data) -> {
            if (data.equals(merging.get(id).data())) {
                return; // nothing new for this person
            }
            amendments.add(new ContactService.Amendment(id, merging.get(id).version(), data));
            amendedLines.add(firstLineOf.get(id));
        });
        return new Duplicates(kept, keptLines, amendments, amendedLines, found);
    }

    /** Everything read from the file, before anything is written. */
    private record Parsed(List<NewPerson> people, List<Long> lineOfPerson, List<LineProblem> problems,
            List<String> ignored, Map<String, String> columnFields, int rows) {}

    private Parsed parse(Path file, ImportOptions options) {
        List<DateTimeFormatter> dates = dateFormats(options.datePattern());
        String datesText = dates.size() == 2 ? "yyyy-MM-dd, dd.MM.yyyy" : options.datePattern();
        String fileName = file.getFileName().toString();
        byte[] bytes = readAll(file);
        TreeSet<Long> badEncoding = badlyEncodedLines(bytes, options.encoding());
        if (badEncoding.contains(1L)) {
            throw new ImportRefusedException(List.of(LineProblem.of(1, null, "import.encoding",
                    options.encoding().name())));
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(bytes, options.encoding());
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();

        List<LineProblem> problems = new ArrayList<>();
        List<NewPerson> people = new ArrayList<>();
        List<Long> lineOfPerson = new ArrayList<>();
        List<Column> columns;
        List<String> ignored = new ArrayList<>();
        Map<String, String> columnFields = new LinkedHashMap<>();
        int rows = 0;
        String text = decodeLeniently(bytes, options.encoding());
        Lines lines = new Lines(text);
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new KontorException("import.empty", fileName);
            }
            CSVRecord header = it.next();
            columns = columns(header, options.mapping(), ignored, columnFields);
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // Broken quoting: what follows cannot be split into lines reliably.
                    long start = lines.firstNonEmpty(previousEnd + 1);
                    long at = Math.max(start, parser.getCurrentLineNumber());
                    problems.add(LineProblem.of(start, null, "import.quoting", Long.toString(at)));
                    throw new ImportRefusedException(problems);
                }
                // The physical line the record starts on (empty lines before it are skipped by the parser)
                // and the one it ends on (a quoted value can span lines).
                long start = lines.firstNonEmpty(lines.lineOf(record.getCharacterPosition()));
                long end = Math.max(start, parser.getCurrentLineNumber());
                previousEnd = parser.getCurrentLineNumber();
                rows++;
                NavigableSet<Long> bad = badEncoding.subSet(start, true, Math.max(start, end), true);
                if (!bad.isEmpty()) {
                    problems.add(LineProblem.of(bad.first(), null, "import.encoding", options.encoding().name()));
                    continue;
                }
                if (record.size() != header.size()) {
                    problems.add(LineProblem.of(start, null, "import.columnCount", Integer.toString(header.size()),
                            Integer.toString(record.size())));
                    continue;
                }
                List<LineProblem> rowProblems = new ArrayList<>();
                NewPerson p = toPerson(record, columns, start, fileName, dates, datesText, rowProblems);
                if (rowProblems.isEmpty()) {
                    for (FieldError f : contacts.validate(p.data())) {
                        rowProblems.add(new LineProblem(start, f.field(), f.messageKey(), f.args()));
                    }
                }
                if (rowProblems.isEmpty()) {
                    people.add(p);
                    lineOfPerson.add(start);
                } else {
                    problems.addAll(rowProblems);
                }
            }
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
        return new Parsed(people, lineOfPerson, problems, ignored, columnFields, rows);
    }

    /** The valid field names, for messages. */
    public static String fieldList() {
        return String.join(", ", FIELDS);
    }

    private static List<Column> columns(CSVRecord header, Map<String, String> mapping, List<String> ignored,
            Map<String, String> columnFields) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            String field = canonicalField(m.getValue());
            if (field == null) {
                throw new KontorException("import.unknownField", Text.nullToEmpty(m.getValue()), fieldList());
            }
            String col = Text.nullToEmpty(Text.clean(m.getKey())).toLowerCase(Locale.ROOT);
            boolean present = false;
            for (String h : header) {
                present |= cleanHeader(h).toLowerCase(Locale.ROOT).equals(col);
            }
            if (!present) {
                throw new KontorException("import.unknownColumn", m.getKey(), String.join(", ", header.toList()));
            }
            byColumn.put(col, field);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = cleanHeader(header.get(i));
            String mapped = byColumn.get(name.toLowerCase(Locale.ROOT));
            String folded = fold(name);
            String field = mapped != null ? mapped : autoField(folded);
            if (field == null) {
                ignored.add(name);
                continue;
            }
            String group = mapped == null && ADDRESS_FIELDS.contains(field) ? addressGroup(folded) : "";
            columns.add(new Column(i, name, field, group, kindOf(folded, field)));
            columnFields.put(name, field);
        }
        return columns;
    }

    private static String cleanHeader(String h) {
        String s = h == null ? "" : h.strip();
        return s.startsWith("\uFEFF") ? s.substring(1).strip() : s;
    }

    private static String canonicalField(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        for (String f : FIELDS) {
            if (f.equalsIgnoreCase(n)) {
                return f;
            }
        }
        return null;
    }

    static String fold(String header) {
        return header.toLowerCase(Locale.GERMAN).replace("ß", "ss").replaceAll("[\\s._\\-/:()]", "");
    }

    /** The field a header names by itself (field name, German, English, Outlook, Google), or null. */
    static String autoField(String folded) {
        for (String f : FIELDS) {
            if (f.toLowerCase(Locale.ROOT).equals(folded)) {
                return f;
            }
        }
        String alias = ALIASES.get(folded);
        if (alias != null) {
            return alias;
        }
        // Outlook and Google: "E-mail 2 Address", "E-mail 1 - Value", "Business Phone", "Home Street" ...
        String rest = folded.replaceFirst("^(business|home|other|geschaftlich|geschäftlich|privat|work|primary)", "");
        if (rest.matches("e?mail\\d*(address|adresse|value)?") || rest.matches("email\\d*(address|adresse|value)?")) {
            return "email";
        }
        if (rest.matches("(phone|telefon|tel|mobile?phone|mobil|handy|mobiltelefon)\\d*(value|nummer)?")
                || rest.matches("phone\\d*value")) {
            return "phone";
        }
        // German exports: "Telefon geschäftlich", "Handy privat", "E-Mail-Adresse 2"
        if (folded.startsWith("telefon") || folded.startsWith("handy") || folded.startsWith("mobiltelefon")) {
            return "phone";
        }
        if (folded.startsWith("email")) {
            return "email";
        }
        if (!rest.equals(folded)) {
            String f = ALIASES.get(rest);
            if (f != null && (ADDRESS_FIELDS.contains(f) || f.equals("email") || f.equals("phone"))) {
                return f;
            }
        }
        return null;
    }

    private static String addressGroup(String folded) {
        if (folded.startsWith("business") || folded.startsWith("geschaftlich") || folded.startsWith("geschäftlich")
                || folded.startsWith("work")) {
            return "work";
        }
        if (folded.startsWith("home") || folded.startsWith("privat")) {
            return "private";
        }
        if (folded.startsWith("other")) {
            return "other";
        }
        return "";
    }

    private static ContactKind kindOf(String folded, String field) {
        if (folded.contains("mobil") || folded.contains("handy")) {
            return ContactKind.MOBILE;
        }
        if (folded.startsWith("home") || folded.contains("privat") || folded.startsWith("personal")) {
            return ContactKind.PRIVATE;
        }
        if (folded.startsWith("other")) {
            return ContactKind.OTHER;
        }
        return ContactKind.WORK;
    }

    private static Map<String, String> aliases() {
        Map<String, String> m = new LinkedHashMap<>();
        alias(m, "sourceRecordId", "id", "recordid", "kundennummer", "kundennr", "customerid", "customernumber",
                "nummer", "datensatz", "datensatznummer");
        alias(m, "salutation", "anrede", "prefix", "nameprefix");
        alias(m, "title", "titel", "akademischertitel");
        alias(m, "givenName", "vorname", "firstname", "first", "givenname", "forename");
        alias(m, "familyName", "nachname", "lastname", "last", "surname", "familienname", "familyname", "zuname");
        alias(m, "organisation", "organization", "company", "firma", "unternehmen", "organizationname",
                "organization1name", "firmenname", "arbeitgeber");
        alias(m, "jobTitle", "jobtitle", "position", "funktion", "berufsbezeichnung", "organization1title", "beruf");
        alias(m, "email", "email", "mail", "emailadresse", "emailaddress");
        alias(m, "phone", "phone", "telefon", "tel", "telefonnummer", "mobile", "mobilephone", "mobil", "handy",
                "mobiltelefon", "phonenumber");
        alias(m, "street", "street", "strasse", "str", "strassehausnummer", "adresse", "address", "streetaddress");
        alias(m, "houseNumber", "hausnummer", "hausnr", "nr", "housenumber");
        alias(m, "addressLine2", "adresszusatz", "zusatz", "addressline2", "street2");
        alias(m, "postcode", "plz", "postleitzahl", "zip", "zipcode", "postalcode", "postcode");
        alias(m, "city", "ort", "stadt", "wohnort", "city", "town");
        alias(m, "region", "bundesland", "kanton", "state", "province", "region");
        alias(m, "country", "land", "country", "countryregion", "staat");
        alias(m, "birthDate", "geburtsdatum", "geburtstag", "birthday", "birthdate", "dateofbirth");
        alias(m, "language", "sprache", "language", "korrespondenzsprache");
        alias(m, "tags", "schlagworte", "schlagwörter", "kategorien", "categories", "gruppen", "groupmembership");
        alias(m, "notes", "notizen", "notiz", "bemerkung", "bemerkungen", "anmerkungen", "kommentar", "note");
        return Map.copyOf(m);
    }

    private static void alias(Map<String, String> m, String field, String... names) {
        for (String n : names) {
            m.put(n, field);
        }
    }

    private NewPerson toPerson(CSVRecord r, List<Column> columns, long line, String fileName,
            List<DateTimeFormatter> dates, String datesText, List<LineProblem> problems) {
        Map<String, String> scalar = new LinkedHashMap<>();
        List<EmailAddress> emails = new ArrayList<>();
        List<PhoneNumber> phones = new ArrayList<>();
        Map<String, Map<String, String>> addressGroups = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        for (Column c : columns) {
            String v = Text.clean(r.get(c.index()));
            if (v == null) {
                continue;
            }
            switch (c.field()) {
                case "email" -> emails.add(new EmailAddress(c.kind(), v));
                case "phone" -> phones.add(PhoneNumber.of(c.kind(), v));
                case "tags" -> {
                    for (String t : v.split("[;,]")) {
                        if (!t.isBlank()) {
                            tags.add(t.strip());
                        }
                    }
                }
                default -> {
                    if (ADDRESS_FIELDS.contains(c.field())) {
                        addressGroups.computeIfAbsent(c.group(), g -> new LinkedHashMap<>()).putIfAbsent(c.field(), v);
                    } else {
                        scalar.putIfAbsent(c.field(), v);
                    }
                }
            }
        }
        List<PostalAddress> addresses = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> g : addressGroups.entrySet()) {
            Map<String, String> a = g.getValue();
            ContactKind kind = switch (g.getKey()) {
                case "private" -> ContactKind.PRIVATE;
                case "other" -> ContactKind.OTHER;
                default -> ContactKind.WORK;
            };
            addresses.add(new PostalAddress(kind, a.get("street"), a.get("houseNumber"), a.get("addressLine2"),
                    a.get("postcode"), a.get("city"), a.get("region"), country(a.get("country"))));
        }
        LocalDate birth = null;
        String birthText = scalar.get("birthDate");
        if (birthText != null) {
            birth = parseDate(birthText, dates);
            if (birth == null) {
                problems.add(LineProblem.of(line, "birthDate", "import.date", birthText, datesText));
            }
        }
        PersonData d = new PersonData(scalar.get("salutation"), scalar.get("title"), scalar.get("givenName"),
                scalar.get("familyName"), birth, scalar.get("language"), scalar.get("organisation"),
                scalar.get("jobTitle"), emails, phones, addresses, tags, scalar.get("notes"));
        String recordId = scalar.getOrDefault("sourceRecordId", Long.toString(line));
        return new NewPerson(d, new ProvenanceInput(SourceKind.IMPORT, null, fileName, recordId));
    }

    private static String country(String value) {
        if (value == null) {
            return null;
        }
        String code = COUNTRY_NAMES.get(value.toLowerCase(Locale.GERMAN).replaceAll("[\\s.-]", ""));
        return code != null ? code : value;
    }

    private static LocalDate parseDate(String text, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter f : formats) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next one
            }
        }
        return null;
    }

    private static List<DateTimeFormatter> dateFormats(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return List.of(ISO, GERMAN);
        }
        try {
            // STRICT rejects 31.02.; with STRICT, 'yyyy' (year of era) would also need an era.
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'))
                    .withResolverStyle(ResolverStyle.STRICT);
            return List.of(f);
        } catch (IllegalArgumentException e) {
            throw new KontorException("import.datePattern", pattern);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KontorException(e, "import.fileMissing", file.toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
    }

    /**
     * Decodes line by line, strictly ({@link CodingErrorAction#REPORT}), and returns the numbers
     * of the lines that are not valid in the encoding. Those lines are refused, never imported
     * as mojibake.
     */
    static TreeSet<Long> badlyEncodedLines(byte[] bytes, Charset charset) {
        TreeSet<Long> bad = new TreeSet<>();
        if (!asciiCompatible(charset)) {
            try {
                strict(charset).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                bad.add(1L); // cannot split lines without decoding: refuse the file
            }
            return bad;
        }
        CharsetDecoder decoder = strict(charset);
        long line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start) {
                    try {
                        decoder.reset();
                        decoder.decode(ByteBuffer.wrap(bytes, start, i - start));
                    } catch (CharacterCodingException e) {
                        bad.add(line);
                    }
                }
                line++;
                start = i + 1;
            }
        }
        return bad;
    }

    private static boolean asciiCompatible(Charset charset) {
        String n = charset.name().toUpperCase(Locale.ROOT);
        return !(n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("UTF16") || n.startsWith("UTF32"));
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Lines with bad bytes are already known and refused; decoding them leniently keeps the line count right. */
    private static String decodeLeniently(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE never reports", e);
        }
    }

    /** Where each physical line starts in the decoded text, to name lines by number. */
    static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[k++] = i + 1;
                }
            }
        }

        /** 1-based line of a character position. */
        long lineOf(long position) {
            int i = java.util.Arrays.binarySearch(starts, (int) position);
            return (i >= 0 ? i : -i - 2) + 1L;
        }

        /** The first line from {@code line} on that is not empty (the parser skips empty lines). */
        long firstNonEmpty(long line) {
            long l = line;
            while (l < starts.length && isEmpty(l)) {
                l++;
            }
            return l;
        }

        private boolean isEmpty(long line) {
            int from = starts[(int) line - 1];
            int to = line < starts.length ? starts[(int) line] - 1 : text.length();
            String s = text.substring(from, Math.max(from, to));
            return s.isEmpty() || s.equals("\r");
        }
    }

    private static char detectDelimiter(byte[] bytes, Charset charset) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && end < 65536) {
            end++;
        }
        String header = new String(bytes, 0, end, charset.equals(StandardCharsets.UTF_8) ? StandardCharsets.UTF_8
                : charset);
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

}
