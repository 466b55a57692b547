package de.kontor.dedupe;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.ColognePhonetic;

/**
 * German-aware normalisation: case and diacritics (ä = ae = a, ß = ss), name particles and
 * academic titles dropped, street abbreviations expanded, house-number suffixes split off,
 * e-mail canonical forms. Pure functions, safe to share between threads.
 */
public final class Normalizer {
    private static final Set<String> PARTICLES = Set.of("von", "van", "de", "der", "den", "zu", "vom", "zum", "zur",
            "di", "da", "la", "le", "du", "del", "ter", "ten", "mc", "al", "el");
    private static final Set<String> TITLES = Set.of("dr", "prof", "dipl", "ing", "med", "mag", "phd", "msc", "bsc",
            "herr", "frau", "mr", "mrs", "ms", "jr", "sr", "rer", "nat", "habil");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final ColognePhonetic cologne = new ColognePhonetic();

    /** Lower case ASCII letters and digits with single spaces: "Müller-Lüdenscheidt" gives "muller ludenscheidt". */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return foldAny(s);
            }
        }
        // Plain ASCII (most values): the same in one pass.
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.append(c);
                if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < s.length()
                        && Character.toLowerCase(s.charAt(i + 1)) == 'e') {
                    i++;
                }
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    /** {@link #fold} for any text: diacritics decomposed and dropped. */
    static String foldAny(String s) {
        String t = s.toLowerCase(Locale.GERMAN).replace("ß", "ss").replace("æ", "ae").replace("ø", "o");
        t = MARKS.matcher(java.text.Normalizer.normalize(t, Form.NFD)).replaceAll("");
        // Transliterated umlauts (ae, oe, ue) read like the plain vowel, as ä, ö, ü do after folding.
        t = t.replace("ae", "a").replace("oe", "o").replace("ue", "u");
        return NON_ALNUM.matcher(t).replaceAll(" ").strip();
    }

    /** A name without particles and titles, words joined: "Dr. Hans von der Heide" gives "hansheide". */
    public static String name(String s) {
        List<String> words = nameWords(s);
        return String.join("", words);
    }

    public static List<String> nameWords(String s) {
        List<String> words = new ArrayList<>();
        for (String w : fold(s).split(" ")) {
            if (!w.isEmpty() && !PARTICLES.contains(w) && !TITLES.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** Kölner Phonetik of the (normalised) name. */
    public String phonetic(String normalisedName) {
        return normalisedName.isEmpty() ? "" : cologne.colognePhonetic(normalisedName);
    }

    private static final List<Pattern> STREET_FROM = List.of(Pattern.compile("\\b(str|strasse|strase|strabe)\\b"),
        Pattern.compile("(?<=\\w)str\\b"), Pattern.compile("(?<=\\w)strase\\b"), Pattern.compile("\\bpl\\b"),
        Pattern.compile("\\bst\\b"), Pattern.compile("\\brd\\b"), Pattern.compile("\\bave\\b"));
    private static final List<String> STREET_TO = List.of("strasse", "strasse", "strasse", "platz", "street", "road", "avenue");
    private static final Pattern HOUSE_IN_STREET = Pattern.compile("\\d+\\s*[a-z]?\\b");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NON_DIGIT = Pattern.compile("\\D");
    private static final Pattern NON_LETTER = Pattern.compile("[^a-z]");

    /** "Hauptstr. 5a" and "Hauptstraße" give "hauptstrasse"; the number goes to {@link #houseNumber}. */
    public static String street(String s) {
        String t = fold(s);
        for (int i = 0; i < STREET_FROM.size(); i++) {
            t = STREET_FROM.get(i).matcher(t).replaceAll(STREET_TO.get(i));
        }
        t = HOUSE_IN_STREET.matcher(t).replaceAll(" ").strip();
        return t.replace(" ", "");
    }

    /** The digits of a house number: "12 a", "12a", "12-14" give "12". */
    public static String houseNumber(String s) {
        if (s == null) {
            return "";
        }
        var m = DIGITS.matcher(s);
        return m.find() ? m.group() : "";
    }

    /** Lower case, trimmed; for Gmail-style addresses without dots and +tags. */
    public static String email(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        int at = t.lastIndexOf('@');
        if (at <= 0) {
            return t;
        }
        String local = t.substring(0, at);
        String domain = t.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    public static String digits(String s) {
        return s == null ? "" : NON_DIGIT.matcher(s).replaceAll("");
    }

    /** Only the letters a to z (of an already folded or lower-case value). */
    public static String letters(String s) {
        return NON_LETTER.matcher(s).replaceAll("");
    }
}
