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
    record Column(int index, String header, String field, String group, ContactKind kind) {}

    /**
     * Reads the whole file.
     *
     * @throws ImportRefusedException when the file cannot be split into lines reliably (broken
     *     quoting) or is not in the encoding at all
     * @throws KontorException for an empty file, an unknown field or column in the mapping, an
     *     unknown date pattern
     */
    ImportSource read(String fileName, byte[] bytes, ImportOptions options) {
        List<DateTimeFormatter> dates = ImportText.dateFormats(options.datePattern());
        String datesText = dates.size() == 2 ? "yyyy-MM-dd, dd.MM.yyyy" : options.datePattern();
        if (ImportText.blank(bytes)) {
            throw new KontorException("import.empty", fileName);
        }
        if (ImportText.binary(bytes, options.encoding())) {
            throw new KontorException("import.binary", fileName, "CSV");
        }
        TreeSet<Long> badEncoding = ImportText.badlyEncodedLines(bytes, options.encoding());
        if (badEncoding.contains(1L)) {
            throw new ImportRefusedException(List.of(LineProblem.of(1, null, "import.encoding",
                    options.encoding().name())));
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(bytes, options.encoding());
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();

        List<SourceRow> rows = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, String> columnFields = new LinkedHashMap<>();
        String text = ImportText.decodeLeniently(bytes, options.encoding());
        ImportText.Lines lines = new ImportText.Lines(text);
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new KontorException("import.empty", fileName);
            }
            CSVRecord header = it.next();
            List<Column> columns = columns(header, options.mapping(), ignored, columnFields);
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
                NavigableSet<Long> bad = badEncoding.subSet(start, true, Math.max(start, end), true);
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
                NewPerson p = toPerson(record, columns, start, fileName, dates, datesText, rowProblems);
                rows.add(new SourceRow(start, rowProblems.isEmpty() ? p : null, rowProblems));
            }
        } catch (IOException e) {
            throw new KontorException(e, "error.io", fileName, e.getMessage());
        }
        return new ImportSource(ImportFormat.CSV, DETAIL, fileName, rows, columnFields, ignored);
    }

    /** The valid field names, for messages. */
    static String fieldList() {
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
                    tags.addAll(tags(v));
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
                    a.get("postcode"), a.get("city"), a.get("region"), ImportText.country(a.get("country"))));
        }
        LocalDate birth = null;
        String birthText = scalar.get("birthDate");
        if (birthText != null) {
            birth = ImportText.parseDate(birthText, dates);
            if (birth == null) {
                problems.add(LineProblem.of(line, "birthDate", "import.date", birthText, datesText));
            }
        }
        PersonData d = new PersonData(scalar.get("salutation"), scalar.get("title"), scalar.get("givenName"),
                scalar.get("familyName"), birth, scalar.get("language"), scalar.get("organisation"),
                scalar.get("jobTitle"), emails, phones, addresses, tags, scalar.get("notes"));
        String recordId = scalar.getOrDefault("sourceRecordId", Long.toString(line));
        return new NewPerson(d, new ProvenanceInput(SourceKind.IMPORT, DETAIL, fileName, recordId));
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
