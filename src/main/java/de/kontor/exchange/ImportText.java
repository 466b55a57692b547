package de.kontor.exchange;

import de.kontor.domain.KontorException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the import readers (CSV, vCard) share: a look at the start of the file (binary, blank),
 * dates, names, country and language names. Reading the file itself, as a stream, is
 * {@link ImportInput}.
 */
final class ImportText {
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** 17.05.1980 and 17.5.1980 (German Outlook writes the short form). */
    static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Country names in German and English (and a few usual short forms), folded, to ISO codes. */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    /** Language names in German and English ("Deutsch", "English") to ISO 639-1 codes. */
    private static final Map<String, String> LANGUAGE_NAMES = languageNames();

    /** Words of a name prefix that are a salutation, not an academic title (folded, without dots). */
    private static final java.util.Set<String> SALUTATIONS = java.util.Set.of("herr", "herrn", "frau", "mr", "mrs",
            "ms", "miss", "mx", "monsieur", "madame", "signor", "signora");

    private ImportText() {}

    /** True for a file that holds nothing but white space (or a byte order mark). */
    static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (!(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB
                    || b == (byte) 0xBF)) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes (or many control bytes) in the start of the file: an image, archive or other binary file. */
    static boolean binary(byte[] bytes, Charset charset) {
        if (!asciiCompatible(charset)) {
            return false;
        }
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }

    static boolean asciiCompatible(Charset charset) {
        String n = charset.name().toUpperCase(Locale.ROOT);
        return !(n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("UTF16") || n.startsWith("UTF32"));
    }

    /** The ISO code of a country name ("Deutschland", "Austria", "Schweiz"), or the value as it is. */
    static String country(String value) {
        if (value == null) {
            return null;
        }
        String code = COUNTRY_NAMES.get(foldCountry(value));
        if (code != null) {
            return code;
        }
        return value.strip().length() == 2 ? value.strip().toUpperCase(Locale.ROOT) : value;
    }

    private static String foldCountry(String s) {
        return s.toLowerCase(Locale.GERMAN).replace("ß", "ss").replaceAll("[\\s.\\-]", "");
    }

    private static Map<String, String> countryNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale.Builder().setRegion(code).build();
            m.put(foldCountry(l.getDisplayCountry(Locale.ENGLISH)), code);
            m.put(foldCountry(l.getDisplayCountry(Locale.GERMAN)), code);
        }
        // "D" and "A": the country letters German address lists often use for Germany and Austria.
        String[][] extra = {{"bundesrepublikdeutschland", "DE"}, {"brd", "DE"}, {"d", "DE"}, {"a", "AT"},
            {"oesterreich", "AT"},
            {"suisse", "CH"}, {"svizzera", "CH"}, {"usa", "US"}, {"unitedstatesofamerica", "US"},
            {"vereinigtestaaten", "US"}, {"uk", "GB"}, {"england", "GB"}, {"grossbritannien", "GB"},
            {"niederlande", "NL"}, {"holland", "NL"}};
        for (String[] e : extra) {
            m.put(e[0], e[1]);
        }
        return Map.copyOf(m);
    }

    /** A language as Kontor keeps it (ISO 639-1, "de"): from "de-DE", "Deutsch", "German"; else as it is. */
    static String language(String value) {
        String v = de.kontor.domain.Text.clean(value);
        if (v == null) {
            return null;
        }
        if (v.matches("[A-Za-z]{2}([-_][A-Za-z0-9]+)*")) {
            return v.substring(0, 2).toLowerCase(Locale.ROOT);
        }
        return LANGUAGE_NAMES.getOrDefault(v.toLowerCase(Locale.GERMAN), v);
    }

    private static Map<String, String> languageNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String code : Locale.getISOLanguages()) {
            if (code.length() == 2) {
                Locale l = Locale.forLanguageTag(code);
                m.putIfAbsent(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.GERMAN), code);
                m.putIfAbsent(l.getDisplayLanguage(Locale.GERMAN).toLowerCase(Locale.GERMAN), code);
            }
        }
        return Map.copyOf(m);
    }

    /**
     * A name prefix split into salutation and academic title: "Herr Dr." (or "Dr. Herr", when
     * the title column comes first) gives "Herr" and "Dr."; "Prof. Dr." only a title; "Mrs."
     * only a salutation. Either may be null.
     */
    static String[] salutationAndTitle(String prefix) {
        List<String> salutation = new java.util.ArrayList<>();
        List<String> title = new java.util.ArrayList<>();
        String p = de.kontor.domain.Text.clean(prefix);
        if (p != null) {
            for (String word : p.split("\\s+")) {
                String folded = word.toLowerCase(Locale.ROOT).replace(".", "");
                (SALUTATIONS.contains(folded) ? salutation : title).add(word);
            }
        }
        return new String[] {de.kontor.domain.Text.clean(String.join(" ", salutation)),
            de.kontor.domain.Text.clean(String.join(" ", title))};
    }

    /**
     * The kind a label names (Google's "* Home", Apple's "_$!<Mobile>!$_", "Arbeit", "Privat"),
     * or {@code otherwise}.
     */
    static de.kontor.domain.ContactKind kindOfLabel(String label, de.kontor.domain.ContactKind otherwise) {
        if (label == null) {
            return otherwise;
        }
        String l = label.toLowerCase(Locale.GERMAN);
        if (l.contains("mobil") || l.contains("cell") || l.contains("handy") || l.contains("iphone")) {
            return de.kontor.domain.ContactKind.MOBILE;
        }
        if (l.contains("home") || l.contains("privat") || l.contains("zuhause") || l.contains("zu hause")) {
            return de.kontor.domain.ContactKind.PRIVATE;
        }
        if (l.contains("work") || l.contains("arbeit") || l.contains("büro") || l.contains("geschäft")
                || l.contains("dienst")) {
            return de.kontor.domain.ContactKind.WORK;
        }
        return de.kontor.domain.ContactKind.OTHER;
    }

    /** "Königsallee 12", "Hauptstr. 5a", "Am Markt 3-5", "Weg 7 b": the street and its house number. */
    private static final java.util.regex.Pattern HOUSE_NUMBER = java.util.regex.Pattern.compile(
            "^(.*\\D)\\s+(\\d+(?:\\s?[a-zA-Z])?(?:\\s?[-/]\\s?\\d+(?:\\s?[a-zA-Z])?)?)$");

    /**
     * Street and house number from one value, where the number ends it (German style); a
     * street without (or with a leading) number stays as it is, with a null number.
     */
    static String[] splitStreet(String street) {
        if (street == null) {
            return new String[] {null, null};
        }
        java.util.regex.Matcher m = HOUSE_NUMBER.matcher(street.strip());
        if (!m.matches()) {
            return new String[] {street, null};
        }
        return new String[] {m.group(1).strip(), m.group(2).replace(" ", "")};
    }

    static LocalDate parseDate(String text, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter f : formats) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                continue; // try the next one
            }
        }
        return null;
    }

    /** ISO and German dates, or the pattern given (refused when it is not a pattern). */
    static List<DateTimeFormatter> dateFormats(String pattern) {
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
}
