package de.kontor.exchange;

import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.Text;
import de.kontor.service.ContactService.NewPerson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (own exports, Excel, Outlook, Google Contacts) into rows of people for the
 * import pipeline ({@link PeopleImport}). Every line is decoded strictly and parsed; a line
 * that cannot be read (bad bytes, wrong column count, a bad date) becomes a row with its
 * problem. Columns that map to no field are not read and are listed (data minimisation).
 * Each person's provenance records the file name, the format and the source record id (the
 * mapped column, or the line number).
 */
final class CsvReader {
    /** The import field names, as the command line and the column mapping use them. */
    static final List<String> FIELDS = List.of("sourceRecordId", "salutation", "title", "givenName",
            "familyName", "organisation", "jobTitle", "email", "phone", "street", "houseNumber", "addressLine2",
            "postcode", "city", "region", "country", "birthDate", "language", "tags", "notes");

    static final String DETAIL = "CSV";

    private static final List<String> ADDRESS_FIELDS = List.of("street", "houseNumber", "addressLine2", "postcode",
            "city", "region", "country");

    /** Common header names (folded: lower case, no spaces, dashes, dots or underscores). */
    private static final Map<String, String> ALIASES = aliases();

    /** Google's own groups, not tags anyone gave. */
    private static final java.util.Set<String> GOOGLE_SYSTEM_GROUPS = java.util.Set.of("mycontacts", "starred");

    /** Which field a column feeds; {@code group} keeps Outlook's business and home addresses apart. */
    /**
     * Which field a column feeds; {@code group} keeps Outlook's business and home addresses (and
     * Google's address 1 and 2) apart; {@code kindColumn} is the column naming the kind (Google's
     * "E-mail 1 - Type"), or -1.
     */
    record Column(int index, String header, String field, String group, ContactKind kind, int kindColumn) {}

    /**
     * Reads the file as a stream (never whole into memory), line by line.
     *
     * @throws ImportRefusedException when the file cannot be split into lines reliably (broken
     *     quoting) or is not in the encoding at all
     * @throws KontorException for an empty file, an unknown field or column in the mapping, an
     *     unknown date pattern
     */
    ImportSource read(String fileName, ImportInput input, ImportOptions options) {
        List<DateTimeFormatter> formats = ImportText.dateFormats(options.datePattern());
        if (input.whole() && ImportText.blank(input.head())) {
            throw new KontorException("import.empty", fileName);
        }
        if (ImportText.binary(input.head(), options.encoding())) {
            throw new KontorException("import.binary", fileName, "CSV");
        }
        char delimiter = options.delimiter() != null ? options.delimiter()
                : detectDelimiter(input.head(), options.encoding());
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();

        List<SourceRow> rows = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, String> columnFields = new LinkedHashMap<>();
        LinesReader lines = new LinesReader(new ImportInput.Lines(input.stream(), options.encoding()));
        try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new KontorException("import.empty", fileName);
            }
            CSVRecord header = it.next();
            if (lines.bad().contains(1L)) {
                throw new ImportRefusedException(List.of(LineProblem.of(1, null, "import.encoding",
                        options.encoding().name())));
            }
            List<Column> columns = columns(header, options.mapping(), ignored, columnFields);
            Dates dates = dates(options.datePattern(), formats, header);
            // Kontor's own CSV: take away the quotes SafeCsv added against formula injection.
            boolean own = SafeCsv.writtenByKontor(header.stream().map(CsvReader::cleanHeader).toList());
            java.util.Set<String> ignoredValues = new java.util.LinkedHashSet<>();
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw encoding(options); // UTF-16 or UTF-32 with bad bytes: no lines to tell apart
                    }
                    // Broken quoting: what follows cannot be split into lines reliably.
                    long start = lines.firstNonEmpty(previousEnd + 1);
                    long at = Math.max(start, parser.getCurrentLineNumber());
                    List<LineProblem> problems = new ArrayList<>();
                    rows.forEach(r -> problems.addAll(r.problems()));
                    problems.add(LineProblem.of(start, null, "import.quoting", Long.toString(at)));
                    throw new ImportRefusedException(problems);
                }
                // The physical line the record starts on (empty lines before it are skipped by the parser)
                // and the one it ends on (a quoted value can span lines).
                long start = lines.firstNonEmpty(lines.lineOf(record.getCharacterPosition()));
                long end = Math.max(start, parser.getCurrentLineNumber());
                previousEnd = parser.getCurrentLineNumber();
                NavigableSet<Long> bad = lines.bad().subSet(start, true, Math.max(start, end), true);
                if (!bad.isEmpty()) {
                    rows.add(SourceRow.bad(start, LineProblem.of(bad.first(), null, "import.encoding",
                            options.encoding().name())));
                    continue;
                }
                if (record.size() != header.size()) {
                    rows.add(SourceRow.bad(start, LineProblem.of(start, null, "import.columnCount",
                            Integer.toString(header.size()), Integer.toString(record.size()))));
                    continue;
                }
                List<LineProblem> rowProblems = new ArrayList<>();
                NewPerson p = toPerson(record, columns, start, fileName, dates, rowProblems, ignoredValues, own);
                rows.add(new SourceRow(start, rowProblems.isEmpty() ? p : null, rowProblems));
            }
            ignored.addAll(ignoredValues);
        } catch (CharacterCodingException e) {
            throw encoding(options);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw encoding(options);
            }
            throw new KontorException(e, "error.io", fileName, e.getCause().getMessage());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", fileName, e.getMessage());
        }
        return new ImportSource(ImportFormat.CSV, DETAIL, fileName, rows, columnFields, ignored);
    }

    private static ImportRefusedException encoding(ImportOptions options) {
        return new ImportRefusedException(List.of(LineProblem.of(1, null, "import.encoding",
                options.encoding().name())));
    }

    /**
     * The lines of the file as one text for the CSV parser, with their original line breaks;
     * remembers the lines not valid in the encoding, and where the lines not yet passed start,
     * to name records by their line (a few lines at a time, not the whole file).
     */
    private static final class LinesReader extends Reader {
        /** A line read: its number, the position of its first character, whether it is empty. */
        private record Start(long number, long position, boolean empty) {}

        private final ImportInput.Lines lines;
        private final TreeSet<Long> bad = new TreeSet<>();
        private final java.util.ArrayDeque<Start> window = new java.util.ArrayDeque<>();
        private String current = "";
        private int at;
        private long position;

        LinesReader(ImportInput.Lines lines) {
            this.lines = lines;
        }

        TreeSet<Long> bad() {
            return bad;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int copied = 0;
            while (copied < len) {
                if (at == current.length()) {
                    String l = lines.next();
                    if (l == null) {
                        return copied == 0 ? -1 : copied;
                    }
                    window.addLast(new Start(lines.number(), position + copied, l.isEmpty()));
                    if (lines.bad()) {
                        bad.add(lines.number());
                    }
                    current = l + lines.terminator();
                    at = 0;
                    continue;
                }
                int n = Math.min(len - copied, current.length() - at);
                current.getChars(at, at + n, cbuf, off + copied);
                at += n;
                copied += n;
            }
            position += copied;
            return copied;
        }

        /** The line of a character position; lines before it are forgotten (positions only grow). */
        long lineOf(long pos) {
            while (window.size() > 1) {
                Start first = window.pollFirst();
                if (window.peekFirst().position() > pos) {
                    window.addFirst(first);
                    break;
                }
            }
            return window.isEmpty() ? lines.number() : window.peekFirst().number();
        }

        /** The first line from {@code line} on that is not empty (the parser skips empty lines). */
        long firstNonEmpty(long line) {
            long l = line;
            for (Start s : window) {
                if (s.number() < l) {
                    continue;
                }
                if (s.number() > l || !s.empty()) {
                    return l;
                }
                l++;
            }
            return Math.min(l, Math.max(line, lines.number()));
        }

        @Override
        public void close() {
            // the file is closed by its owner (ImportInput), after its digest is complete
        }
    }

    /**
     * ISO and German dates (or the pattern given); an English Outlook export writes the
     * birthday as M/d/yyyy, so its layout adds that.
     */
    private static Dates dates(String pattern, List<DateTimeFormatter> formats, CSVRecord header) {
        if (pattern != null && !pattern.isBlank()) {
            return new Dates(formats, pattern);
        }
        java.util.Set<String> folded = new java.util.HashSet<>();
        header.forEach(h -> folded.add(fold(cleanHeader(h))));
        if (folded.contains("businessstreet") || folded.contains("emaildisplayname")) {
            List<DateTimeFormatter> us = new ArrayList<>(formats);
            us.add(DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT));
            return new Dates(us, "yyyy-MM-dd, dd.MM.yyyy, M/d/yyyy");
        }
        return new Dates(formats, "yyyy-MM-dd, dd.MM.yyyy");
    }

    /** The valid field names, for messages. */
    static String fieldList() {
        return String.join(", ", FIELDS);
    }

    /**
     * What a header says by itself: the field (or the internal {@code middleName},
     * {@code suffix}, or {@code kind} for a column naming another column's kind), the address
     * group, the kind, and for Google's numbered columns the key of the column holding the kind.
     */
    record Auto(String field, String group, ContactKind kind, String kindKey) {}

    /** Google Contacts: "E-mail 1 - Value", "Phone 2 - Type", "Address 1 - Postal Code", "Organization 1 - Name". */
    private static final Pattern GOOGLE = Pattern.compile(
            "^(email|phone|address|organization)(\\d+)(type|label|value|street|city|pobox|region|postalcode|country"
                    + "|extendedaddress|name|title)$");

    /** Outlook's address groups: "Business Street", "Home City", "Weitere Straße", "Straße geschäftlich". */
    private static final List<String> GROUP_PREFIXES = List.of("business", "work", "home", "other", "primary",
            "weiteresr", "weiterer", "weiteres", "weitere");
    private static final List<String> GROUP_SUFFIXES = List.of("geschäftlich", "geschaftlich", "privat");

    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*\\D)(\\d+)$");

    /** Outlook's "no date" ("0/0/00", "0.0.00"). */
    private static final Pattern NO_DATE = Pattern.compile("^0{1,2}[./]0{1,2}[./]0{2,4}$");
    /** A birthday without a year (Google: "--03-15"). */
    private static final Pattern NO_YEAR = Pattern.compile("^--\\d{2}-?\\d{2}$");

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
        List<Auto> autos = new ArrayList<>();
        Map<String, Integer> kindColumns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = cleanHeader(header.get(i));
            String mapped = byColumn.get(name.toLowerCase(Locale.ROOT));
            Auto a = mapped != null ? new Auto(mapped, "", kindOf(fold(name)), null) : auto(name);
            autos.add(a);
            if (a != null && a.field().equals("kind")) {
                kindColumns.put(a.kindKey(), i);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = cleanHeader(header.get(i));
            Auto a = autos.get(i);
            if (a == null) {
                ignored.add(name);
                continue;
            }
            if (a.field().equals("kind")) {
                columnFields.put(name, a.kindKey().replaceAll("\\d+$", "") + " (kind)");
                continue;
            }
            Integer kindColumn = a.kindKey() == null ? null : kindColumns.get(a.kindKey());
            columns.add(new Column(i, name, a.field(), a.group(), a.kind(), kindColumn == null ? -1 : kindColumn));
            columnFields.put(name, switch (a.field()) {
                case "middleName" -> "givenName";
                case "suffix" -> "title";
                default -> a.field();
            });
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

    /**
     * The field a header names by itself: a field name, a German or English name, or the
     * layouts of Outlook (English and German: "Business Street", "Straße geschäftlich 2",
     * "E-Mail 2: Adresse") and Google Contacts ("E-mail 1 - Value" with "E-mail 1 - Type").
     * Null: the column is ignored.
     */
    static Auto auto(String header) {
        String folded = fold(header);
        String exact = exactField(folded);
        if (exact != null) {
            return new Auto(exact, "", kindOf(folded), null);
        }
        Matcher g = GOOGLE.matcher(folded);
        if (g.matches()) {
            return google(g.group(1), g.group(2), g.group(3));
        }
        // Outlook: a group before or after the name, a number at the end.
        String rest = folded;
        String number = "";
        Matcher digits = TRAILING_NUMBER.matcher(rest);
        if (digits.matches()) {
            rest = digits.group(1);
            number = digits.group(2);
        }
        // Try the groups in turn ("weitere|s|r" overlap): the first reading that names a field counts.
        String group = "";
        String field = null;
        List<String[]> readings = new ArrayList<>();
        for (String p : GROUP_PREFIXES) {
            if (rest.startsWith(p) && rest.length() > p.length()) {
                readings.add(new String[] {p, rest.substring(p.length())});
            }
        }
        for (String p : GROUP_SUFFIXES) {
            if (rest.endsWith(p) && rest.length() > p.length()) {
                readings.add(new String[] {p, rest.substring(0, rest.length() - p.length())});
            }
        }
        readings.add(new String[] {"", rest});
        for (String[] r : readings) {
            field = r[1].matches("e?mail\\d*(address|adresse|value)?") ? "email" : exactField(r[1]);
            if (field != null) {
                group = r[0].isEmpty() ? "" : groupOf(r[0]);
                break;
            }
        }
        if (field == null) {
            return null;
        }
        if (field.equals("street") && !number.isEmpty() && !number.equals("1")) {
            // "Business Street 2" is the second address line; "Street 3" has no field.
            field = number.equals("2") ? "addressLine2" : null;
        } else if (!number.isEmpty() && !field.equals("phone") && !field.equals("email")) {
            field = null; // "Region 2" and the like: no field for a second one
        }
        if (field == null) {
            return null;
        }
        boolean address = ADDRESS_FIELDS.contains(field);
        if (!address && !field.equals("phone") && !field.equals("email") && !group.isEmpty()) {
            return null; // "Home Language"? Only addresses, phones and e-mails come in groups.
        }
        return new Auto(field, address ? group : "", kindOf(folded), null);
    }

    /** Google's numbered columns: the value, its parts, or the column holding the kind (type or label). */
    private static Auto google(String what, String n, String attribute) {
        String key = what + n;
        if (attribute.equals("type") || attribute.equals("label")) {
            return what.equals("organization") ? null : new Auto("kind", "", null, key);
        }
        return switch (what) {
            case "email" -> attribute.equals("value") ? new Auto("email", "", ContactKind.OTHER, key) : null;
            case "phone" -> attribute.equals("value") ? new Auto("phone", "", ContactKind.OTHER, key) : null;
            case "organization" -> attribute.equals("name") ? new Auto("organisation", "", null, null)
                    : attribute.equals("title") ? new Auto("jobTitle", "", null, null) : null;
            default -> {
                String field = switch (attribute) {
                    case "street" -> "street";
                    case "city" -> "city";
                    case "region" -> "region";
                    case "postalcode" -> "postcode";
                    case "country" -> "country";
                    case "extendedaddress", "pobox" -> "addressLine2";
                    default -> null;
                };
                yield field == null ? null : new Auto(field, "google" + n, ContactKind.OTHER, key);
            }
        };
    }

    private static String exactField(String folded) {
        for (String f : FIELDS) {
            if (f.toLowerCase(Locale.ROOT).equals(folded)) {
                return f;
            }
        }
        return ALIASES.get(folded);
    }

    private static String groupOf(String word) {
        return switch (word) {
            case "business", "work", "geschäftlich", "geschaftlich" -> "work";
            case "home", "privat" -> "private";
            case "primary" -> "";
            default -> "other";
        };
    }

    private static ContactKind kindOf(String folded) {
        if (folded.contains("mobil") || folded.contains("handy")) {
            return ContactKind.MOBILE;
        }
        if (folded.startsWith("home") || folded.contains("privat") || folded.startsWith("personal")) {
            return ContactKind.PRIVATE;
        }
        if (folded.startsWith("other") || folded.startsWith("weitere")) {
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
        alias(m, "middleName", "middlename", "additionalname", "weiterevornamen", "zweitervorname");
        alias(m, "familyName", "nachname", "lastname", "last", "surname", "familienname", "familyname", "zuname");
        alias(m, "suffix", "suffix", "namesuffix", "namenszusatz");
        alias(m, "organisation", "organization", "company", "firma", "unternehmen", "organizationname",
                "organization1name", "firmenname", "arbeitgeber");
        alias(m, "jobTitle", "jobtitle", "position", "funktion", "berufsbezeichnung", "organization1title",
                "organizationtitle", "beruf");
        alias(m, "email", "email", "mail", "emailadresse", "emailaddress");
        alias(m, "phone", "phone", "telefon", "tel", "telefonnummer", "mobile", "mobilephone", "mobil", "handy",
                "mobiltelefon", "phonenumber", "haupttelefon");
        alias(m, "street", "street", "strasse", "str", "strassehausnummer", "adresse", "address", "streetaddress");
        alias(m, "houseNumber", "hausnummer", "hausnr", "nr", "housenumber");
        alias(m, "addressLine2", "adresszusatz", "zusatz", "addressline2", "street2");
        alias(m, "postcode", "plz", "postleitzahl", "zip", "zipcode", "postalcode", "postcode");
        alias(m, "city", "ort", "stadt", "wohnort", "city", "town");
        alias(m, "region", "bundesland", "kanton", "state", "province", "region", "bundeslandkanton");
        alias(m, "country", "land", "country", "countryregion", "staat", "landregion");
        alias(m, "birthDate", "geburtsdatum", "geburtstag", "birthday", "birthdate", "dateofbirth");
        alias(m, "language", "sprache", "language", "korrespondenzsprache");
        alias(m, "tags", "schlagworte", "schlagwörter", "kategorien", "categories", "gruppen", "groupmembership",
                "labels");
        alias(m, "notes", "notizen", "notiz", "bemerkung", "bemerkungen", "anmerkungen", "kommentar", "note");
        return Map.copyOf(m);
    }

    private static void alias(Map<String, String> m, String field, String... names) {
        for (String n : names) {
            m.put(n, field);
        }
    }

    /** How values are read: the date formats and the text for messages about them. */
    record Dates(List<DateTimeFormatter> formats, String text) {}

    private static NewPerson toPerson(CSVRecord r, List<Column> columns, long line, String fileName, Dates dates,
            List<LineProblem> problems, java.util.Set<String> ignoredValues, boolean own) {
        Map<String, String> scalar = new LinkedHashMap<>();
        List<String> prefixes = new ArrayList<>();
        List<EmailAddress> emails = new ArrayList<>();
        List<PhoneNumber> phones = new ArrayList<>();
        Map<String, Map<String, String>> addressGroups = new LinkedHashMap<>();
        Map<String, ContactKind> groupKinds = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        for (Column c : columns) {
            String v = Text.clean(own ? SafeCsv.restore(r.get(c.index())) : r.get(c.index()));
            if (v == null) {
                continue;
            }
            String label = c.kindColumn() < 0 ? null : Text.clean(r.get(c.kindColumn()));
            ContactKind kind = label == null ? c.kind() : ImportText.kindOfLabel(label, c.kind());
            switch (c.field()) {
                // Several values in one cell: Google "a@x.de ::: b@y.de", Kontor's own export "a@x.de; b@y.de".
                case "email" -> {
                    for (String e : v.split(":::|;")) {
                        if (!e.isBlank()) {
                            emails.add(new EmailAddress(kind, e.strip()));
                        }
                    }
                }
                case "phone" -> {
                    if (label != null && label.toLowerCase(Locale.ROOT).contains("fax")) {
                        ignoredValues.add(c.header() + " (" + label.replace("*", "").strip() + ")");
                        continue;
                    }
                    for (String p : v.split(":::|;")) {
                        if (!p.isBlank()) {
                            phones.add(PhoneNumber.of(kind, p.strip()));
                        }
                    }
                }
                case "tags" -> tags.addAll(tags(v));
                case "salutation", "title" -> prefixes.add(v);
                default -> {
                    if (ADDRESS_FIELDS.contains(c.field())) {
                        addressGroups.computeIfAbsent(c.group(), g -> new LinkedHashMap<>()).putIfAbsent(c.field(), v);
                        if (label != null) {
                            groupKinds.putIfAbsent(c.group(), kind);
                        }
                    } else {
                        scalar.putIfAbsent(c.field(), v);
                    }
                }
            }
        }
        List<PostalAddress> addresses = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> g : addressGroups.entrySet()) {
            Map<String, String> a = g.getValue();
            ContactKind kind = groupKinds.getOrDefault(g.getKey(), switch (g.getKey()) {
                case "private" -> ContactKind.PRIVATE;
                case "other" -> ContactKind.OTHER;
                default -> g.getKey().startsWith("google") ? ContactKind.OTHER : ContactKind.WORK;
            });
            // Outlook and Google keep the house number in the street: split it off where it ends the street.
            String[] street = a.containsKey("houseNumber") ? new String[] {a.get("street"), a.get("houseNumber")}
                    : ImportText.splitStreet(a.get("street"));
            addresses.add(new PostalAddress(kind, street[0], street[1], a.get("addressLine2"),
                    a.get("postcode"), a.get("city"), a.get("region"), ImportText.country(a.get("country"))));
        }
        LocalDate birth = null;
        String birthText = scalar.get("birthDate");
        if (birthText != null && NO_YEAR.matcher(birthText).matches()) {
            ignoredValues.add(columnOf(columns, "birthDate") + " (--MM-DD)");
        } else if (birthText != null && !NO_DATE.matcher(birthText).matches()) {
            birth = ImportText.parseDate(birthText, dates.formats());
            if (birth == null) {
                problems.add(LineProblem.of(line, "birthDate", "import.date", birthText, dates.text()));
            }
        }
        // "Herr Dr." in one column, "Mr." in Outlook's Title: salutation words and academic titles apart.
        String[] prefix = ImportText.salutationAndTitle(String.join(" ", prefixes));
        String title = Text.clean(Text.join(", ", prefix[1], scalar.get("suffix")));
        PersonData d = new PersonData(prefix[0], title,
                Text.clean(Text.join(" ", scalar.get("givenName"), scalar.get("middleName"))),
                scalar.get("familyName"), birth, ImportText.language(scalar.get("language")), scalar.get("organisation"),
                scalar.get("jobTitle"), emails, phones, addresses, tags, scalar.get("notes"));
        String recordId = scalar.getOrDefault("sourceRecordId", Long.toString(line));
        return new NewPerson(d, new ProvenanceInput(SourceKind.IMPORT, DETAIL, fileName, recordId));
    }

    private static String columnOf(List<Column> columns, String field) {
        return columns.stream().filter(c -> c.field().equals(field)).map(Column::header).findFirst().orElse(field);
    }

    /**
     * The tags of one cell: split at ';' and ','; Google's "Group Membership" ("* myContacts :::
     * Kunden") is split at ":::", without its own groups (myContacts, starred).
     */
    static List<String> tags(String value) {
        List<String> tags = new ArrayList<>();
        for (String t : value.split("[;,]|:::")) {
            String s = t.strip();
            if (s.startsWith("* ")) {
                s = s.substring(2).strip();
            }
            if (!s.isEmpty() && !GOOGLE_SYSTEM_GROUPS.contains(s.toLowerCase(Locale.ROOT))) {
                tags.add(s);
            }
        }
        return tags;
    }

    private static char detectDelimiter(byte[] bytes, Charset charset) {
        if (!ImportText.asciiCompatible(charset)) {
            return detectDelimiter(new String(bytes, charset));
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && end < 65536) {
            end++;
        }
        return detectDelimiter(new String(bytes, 0, end, charset.equals(StandardCharsets.UTF_8) ? StandardCharsets.UTF_8
                : charset));
    }

    private static char detectDelimiter(String text) {
        int newline = text.indexOf('\n');
        String header = newline < 0 ? text : text.substring(0, newline);
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
