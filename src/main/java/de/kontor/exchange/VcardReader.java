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
import ezvcard.VCard;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a vCard file (2.1, 3.0, 4.0, as Google Contacts, Outlook, Thunderbird and Apple
 * Contacts write them) into rows of people for the import pipeline ({@link PeopleImport}).
 * The file is split into cards by their BEGIN/END lines first, so every card is named by the
 * line it starts on and a broken card (cut off, bad bytes) is one bad row, not a broken file.
 * Properties that feed no field (photos, URLs, nicknames ...) are not read and are listed.
 */
final class VcardReader {
    private static final String BEGIN = "BEGIN:VCARD";
    private static final String END = "END:VCARD";

    /** What each property feeds, in the order the mapping is shown. */
    private static final Map<String, String> FIELDS = fields();

    /** Properties that only describe the card itself (not the person): neither mapped nor "ignored". */
    private static final Set<String> STRUCTURAL = Set.of("VERSION", "PRODID", "REV", "X-ABLABEL", "X-ABSHOWAS");

    /** A date without a year, as vCard 4.0 (--MMDD, --MM-DD) and some 3.0 writers put it. */
    private static final Pattern NO_YEAR = Pattern.compile("^--\\d{2}-?\\d{2}$");

    private final ScribeIndex scribes = new ScribeIndex();

    /**
     * Reads the file as a stream, card by card: only the card being read is in memory.
     *
     * @throws KontorException for an empty file, a binary file, a file that is no vCard at all,
     *     or a file not in the encoding when its lines cannot be told apart
     */
    ImportSource read(String fileName, ImportInput input, ImportOptions options) {
        if (input.whole() && ImportText.blank(input.head())) {
            throw new KontorException("import.empty", fileName);
        }
        if (ImportText.binary(input.head(), options.encoding())) {
            throw new KontorException("import.binary", fileName, "vCard");
        }
        Cards cards = new Cards(fileName, options);
        ImportInput.Lines lines = new ImportInput.Lines(input.stream(), options.encoding());
        try {
            String s;
            while ((s = lines.next()) != null) {
                if (lines.number() == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                cards.line(lines.number(), s, lines.terminator(), lines.bad());
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportRefusedException(List.of(LineProblem.of(1, null, "import.encoding",
                    options.encoding().name())));
        } catch (IOException e) {
            throw new KontorException(e, "error.io", fileName, e.getMessage());
        }
        cards.end(lines.number());
        if (cards.count == 0) {
            throw new KontorException("import.vcard.none", fileName);
        }
        List<SourceRow> rows = cards.rows;
        rows.sort(java.util.Comparator.comparingLong(SourceRow::line));
        Map<String, String> columnFields = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : FIELDS.entrySet()) {
            if (cards.used.contains(f.getKey())) {
                columnFields.put(f.getKey(), f.getValue());
            }
        }
        String detail = cards.versions.size() == 1 ? "vCard " + cards.versions.iterator().next() : "vCard";
        return new ImportSource(ImportFormat.VCARD, detail, fileName, rows, columnFields, List.copyOf(cards.ignored));
    }

    /**
     * The cards of the file by their BEGIN and END lines, as the lines come (folded lines start
     * with a blank, so a line starting with BEGIN:VCARD always begins a card); each card is read
     * as soon as it ends. Text outside of cards is a bad row; a file whose first text is not a
     * card is no vCard file.
     */
    private final class Cards {
        private final String fileName;
        private final ImportOptions options;
        final List<SourceRow> rows = new ArrayList<>();
        final Set<String> used = new LinkedHashSet<>();
        final Set<String> ignored = new LinkedHashSet<>();
        final Set<String> versions = new TreeSet<>();
        int count;
        private long begin = -1;
        private long firstBad = -1;
        private final StringBuilder text = new StringBuilder();

        Cards(String fileName, ImportOptions options) {
            this.fileName = fileName;
            this.options = options;
        }

        void line(long l, String s, String terminator, boolean bad) {
            String t = s.strip().toUpperCase(Locale.ROOT);
            boolean startsAtColumn0 = !s.isEmpty() && !Character.isWhitespace(s.charAt(0));
            if (begin < 0) {
                if (t.isEmpty()) {
                    return;
                }
                if (t.equals(BEGIN)) {
                    start(l);
                } else if (count == 0 && rows.isEmpty()) {
                    throw new KontorException("import.vcard.notVcard", fileName, Long.toString(l));
                } else {
                    rows.add(SourceRow.bad(l, LineProblem.of(l, null, "import.vcard.outside")));
                    return;
                }
            } else if (startsAtColumn0 && t.equals(BEGIN)) {
                cutOff(); // the previous card never ended
                start(l);
            }
            text.append(s).append(terminator.isEmpty() ? "\r\n" : terminator);
            if (bad && firstBad < 0) {
                firstBad = l;
            }
            if (startsAtColumn0 && t.equals(END) && l != begin) {
                card();
            }
        }

        /** The end of the file: a card still open was cut off. */
        void end(long lastLine) {
            if (begin >= 0) {
                cutOff();
            }
        }

        private void start(long l) {
            begin = l;
            firstBad = -1;
            text.setLength(0);
        }

        private void cutOff() {
            count++;
            rows.add(SourceRow.bad(begin, LineProblem.of(begin, null, "import.vcard.truncated")));
            begin = -1;
            text.setLength(0);
        }

        private void card() {
            count++;
            long at = begin;
            begin = -1;
            if (firstBad >= 0) {
                rows.add(SourceRow.bad(at, LineProblem.of(firstBad, null, "import.encoding", options.encoding().name())));
                text.setLength(0);
                return;
            }
            VCard card;
            try (VCardReader reader = new VCardReader(text.toString())) {
                reader.setDefaultQuotedPrintableCharset(options.encoding());
                card = reader.readNext();
            } catch (IOException | RuntimeException e) {
                card = null;
            }
            text.setLength(0);
            if (card == null) {
                rows.add(SourceRow.bad(at, LineProblem.of(at, null, "import.vcard.unreadable")));
                return;
            }
            String version = card.getVersion() == null ? "3.0" : card.getVersion().getVersion();
            versions.add(version);
            List<LineProblem> problems = new ArrayList<>();
            NewPerson p = toPerson(card, at, fileName, "vCard " + version, used, ignored, problems);
            rows.add(new SourceRow(at, problems.isEmpty() ? p : null, problems));
        }
    }

    private NewPerson toPerson(VCard card, long line, String fileName, String detail, Set<String> used,
            Set<String> ignored, List<LineProblem> problems) {
        Map<String, String> labels = labels(card);
        for (VCardProperty p : card.getProperties()) {
            String name = name(p);
            if (!FIELDS.containsKey(name) && !STRUCTURAL.contains(name)) {
                ignored.add(name);
            }
        }
        // Name: N first; FN only when N gives no name.
        String salutation = null;
        String title = null;
        String given = null;
        String family = null;
        StructuredName n = card.getStructuredName();
        if (n != null) {
            String[] prefix = ImportText.salutationAndTitle(String.join(" ", n.getPrefixes()));
            salutation = prefix[0];
            title = Text.clean(Text.join(", ", prefix[1], Text.join(", ", n.getSuffixes().toArray(String[]::new))));
            List<String> givenParts = new ArrayList<>();
            givenParts.add(n.getGiven());
            givenParts.addAll(n.getAdditionalNames());
            given = Text.clean(Text.join(" ", givenParts.toArray(String[]::new)));
            family = Text.clean(n.getFamily());
            used.add("N");
        }
        String organisation = null;
        if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
            organisation = Text.clean(card.getOrganization().getValues().get(0));
            used.add("ORG");
        }
        if (given == null && family == null && card.getFormattedName() != null) {
            String fn = Text.clean(card.getFormattedName().getValue());
            // A company's card (Apple: X-ABShowAs:COMPANY; Android, Outlook: FN = ORG) has no person's name, nor
            // has a card whose FN is its e-mail address (Gmail).
            String shown = fn;
            if (fn != null && (fn.equalsIgnoreCase(Text.nullToEmpty(organisation)) || company(card)
                    || card.getEmails().stream().anyMatch(e -> shown.equalsIgnoreCase(Text.clean(e.getValue()))))) {
                fn = null;
            }
            if (fn != null) {
                int space = fn.lastIndexOf(' ');
                given = space < 0 ? null : fn.substring(0, space).strip();
                family = space < 0 ? fn : fn.substring(space + 1);
                used.add("FN");
            }
        }
        String jobTitle = card.getTitles().isEmpty() ? null : Text.clean(card.getTitles().get(0).getValue());
        if (!card.getTitles().isEmpty()) {
            used.add("TITLE");
        }
        List<EmailAddress> emails = new ArrayList<>();
        for (Email e : card.getEmails()) {
            String v = Text.clean(e.getValue());
            if (v != null) {
                emails.add(new EmailAddress(emailKind(e, labels), v.startsWith("mailto:") ? v.substring(7) : v));
                used.add("EMAIL");
            }
        }
        List<PhoneNumber> phones = new ArrayList<>();
        for (Telephone t : card.getTelephoneNumbers()) {
            String v = Text.clean(t.getText() != null ? t.getText() : t.getUri() == null ? null : t.getUri().getNumber());
            if (v == null) {
                continue;
            }
            if (t.getTypes().contains(TelephoneType.FAX)) {
                ignored.add("TEL;TYPE=FAX");
                continue;
            }
            phones.add(PhoneNumber.of(phoneKind(t, labels), v));
            used.add("TEL");
        }
        List<PostalAddress> addresses = new ArrayList<>();
        for (Address a : card.getAddresses()) {
            PostalAddress pa = address(a, kind(a.getTypes().stream().map(AddressType::getValue).toList(),
                    labels.get(a.getGroup())));
            if (!pa.isEmpty()) {
                addresses.add(pa);
                used.add("ADR");
            }
        }
        LocalDate birth = birthDate(card.getBirthday(), line, problems, ignored);
        if (card.getBirthday() != null) {
            used.add("BDAY");
        }
        List<String> notes = card.getNotes().stream().map(x -> Text.clean(x.getValue())).filter(x -> x != null).toList();
        if (!notes.isEmpty()) {
            used.add("NOTE");
        }
        List<String> tags = new ArrayList<>();
        card.getCategoriesList().forEach(c -> c.getValues().forEach(v -> tags.addAll(CsvReader.tags(v))));
        if (!card.getCategoriesList().isEmpty()) {
            used.add("CATEGORIES");
        }
        String language = card.getLanguages().isEmpty() ? null : Text.clean(card.getLanguages().get(0).getValue());
        if (language != null) {
            language = ImportText.language(language);
            used.add("LANG");
        }
        String uid = card.getUid() == null ? null : Text.clean(card.getUid().getValue());
        if (uid != null) {
            used.add("UID");
        }
        PersonData d = new PersonData(salutation, title, given, family, birth, language, organisation, jobTitle, emails,
                phones, addresses, tags, notes.isEmpty() ? null : String.join("\n\n", notes));
        return new NewPerson(d, new ProvenanceInput(SourceKind.IMPORT, detail, fileName,
                uid != null ? uid : Long.toString(line)));
    }

    /** Apple marks a company's card with X-ABShowAs:COMPANY. */
    private static boolean company(VCard card) {
        return card.getExtendedProperties().stream().anyMatch(r -> r.getPropertyName().equalsIgnoreCase("X-ABSHOWAS")
                && "COMPANY".equalsIgnoreCase(Text.clean(r.getValue())));
    }

    private String name(VCardProperty p) {
        if (p instanceof RawProperty r) {
            return r.getPropertyName().toUpperCase(Locale.ROOT);
        }
        var scribe = scribes.getPropertyScribe(p);
        return scribe == null ? p.getClass().getSimpleName().toUpperCase(Locale.ROOT)
                : scribe.getPropertyName().toUpperCase(Locale.ROOT);
    }

    /** Apple and Google name a value's kind in a grouped X-ABLabel ("item1.X-ABLabel:_$!<Home>!$_"). */
    private static Map<String, String> labels(VCard card) {
        Map<String, String> m = new LinkedHashMap<>();
        for (RawProperty r : card.getExtendedProperties()) {
            if (r.getPropertyName().equalsIgnoreCase("X-ABLABEL") && r.getGroup() != null && r.getValue() != null) {
                m.put(r.getGroup(), r.getValue());
            }
        }
        return m;
    }

    private static ContactKind emailKind(Email e, Map<String, String> labels) {
        return kind(e.getTypes().stream().map(EmailType::getValue).toList(), labels.get(e.getGroup()));
    }

    private static ContactKind phoneKind(Telephone t, Map<String, String> labels) {
        List<String> types = t.getTypes().stream().map(TelephoneType::getValue).toList();
        if (types.stream().anyMatch(x -> x.equalsIgnoreCase("cell") || x.equalsIgnoreCase("iphone"))) {
            return ContactKind.MOBILE;
        }
        return kind(types, labels.get(t.getGroup()));
    }

    /** The kind from TYPE parameters (work, home, cell), else from the label, else "other". */
    private static ContactKind kind(List<String> types, String label) {
        for (String t : types) {
            String x = t.toLowerCase(Locale.ROOT);
            if (x.equals("work")) {
                return ContactKind.WORK;
            }
            if (x.equals("home")) {
                return ContactKind.PRIVATE;
            }
            if (x.equals("cell") || x.equals("mobile")) {
                return ContactKind.MOBILE;
            }
        }
        return ImportText.kindOfLabel(label, ContactKind.OTHER);
    }

    /**
     * ADR's street is "street house-number" in one value (and Apple puts further lines after a
     * line break): the house number is split off where it ends the first line; P.O. box,
     * extended address and further lines go to the second address line.
     */
    private static PostalAddress address(Address a, ContactKind kind) {
        String streetValue = Text.nullToEmpty(a.getStreetAddressFull()).replace("\r", "");
        String[] streetLines = streetValue.split("\n");
        String[] street = ImportText.splitStreet(Text.clean(streetLines[0]));
        List<String> second = new ArrayList<>();
        for (int i = 1; i < streetLines.length; i++) {
            second.add(streetLines[i]);
        }
        second.add(a.getExtendedAddressFull());
        second.add(a.getPoBox());
        String line2 = Text.clean(Text.join(", ", second.toArray(String[]::new)));
        return new PostalAddress(kind, street[0], street[1], line2, Text.clean(a.getPostalCode()),
                Text.clean(a.getLocality()), Text.clean(a.getRegion()), ImportText.country(Text.clean(a.getCountry())));
    }

    /**
     * A full date becomes the birth date; a date without a year (vCard 4.0 "--0315", Apple's
     * X-APPLE-OMIT-YEAR) cannot be one and is listed as ignored; anything else is a bad value.
     */
    private static LocalDate birthDate(Birthday b, long line, List<LineProblem> problems, Set<String> ignored) {
        if (b == null) {
            return null;
        }
        Temporal t = b.getDate();
        if (t != null) {
            if (!t.isSupported(ChronoField.YEAR) || !t.isSupported(ChronoField.MONTH_OF_YEAR)
                    || !t.isSupported(ChronoField.DAY_OF_MONTH)) {
                ignored.add("BDAY (--MM-DD)");
                return null;
            }
            LocalDate d = LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR),
                    t.get(ChronoField.DAY_OF_MONTH));
            String omit = b.getParameter("X-APPLE-OMIT-YEAR");
            if (omit != null && omit.strip().equals(Integer.toString(d.getYear()))) {
                ignored.add("BDAY (--MM-DD)");
                return null;
            }
            return d;
        }
        PartialDate partial = b.getPartialDate();
        if (partial != null) {
            if (partial.getYear() == null && partial.getMonth() != null) {
                ignored.add("BDAY (--MM-DD)");
                return null;
            }
            if (partial.getYear() != null && partial.getMonth() != null && partial.getDate() != null) {
                try {
                    return LocalDate.of(partial.getYear(), partial.getMonth(), partial.getDate());
                } catch (java.time.DateTimeException e) {
                    // named below as not imported
                    org.slf4j.LoggerFactory.getLogger(VcardReader.class)
                            .debug("A vCard birthday is not a date: {}", e.getClass().getSimpleName());
                }
            }
        }
        String text = Text.clean(b.getText());
        if (text != null && NO_YEAR.matcher(text).matches()) {
            ignored.add("BDAY (--MM-DD)");
            return null;
        }
        if (text != null) {
            LocalDate d = ImportText.parseDate(text, ImportText.dateFormats(null));
            if (d != null) {
                return d;
            }
        }
        String shown = text != null ? text : partial != null ? partial.toString() : "";
        problems.add(LineProblem.of(line, "birthDate", "import.date", shown, "yyyy-MM-dd, --MM-dd"));
        return null;
    }

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("N", "salutation, title, givenName, familyName");
        m.put("FN", "givenName, familyName");
        m.put("ORG", "organisation");
        m.put("TITLE", "jobTitle");
        m.put("EMAIL", "email");
        m.put("TEL", "phone");
        m.put("ADR", "street, houseNumber, addressLine2, postcode, city, region, country");
        m.put("BDAY", "birthDate");
        m.put("LANG", "language");
        m.put("CATEGORIES", "tags");
        m.put("NOTE", "notes");
        m.put("UID", "sourceRecordId");
        return java.util.Collections.unmodifiableMap(m);
    }
}
