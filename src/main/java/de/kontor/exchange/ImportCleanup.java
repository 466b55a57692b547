package de.kontor.exchange;

import de.kontor.domain.ContactRules;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What real address books write into optional fields, made safe before validation, so that one
 * odd value never costs the whole person: placeholders are left out (Outlook 2003 writes the
 * field's name, "BusinessPhone", "HOMECOUNTRY", where it has no value), a phone number that
 * does not parse (a foreign or unusual format) is kept as written and marked "not checked", a
 * country that is no known country is kept in the address's region (or second line). Every
 * such change is a note for the preview and the report; nothing is changed silently.
 */
final class ImportCleanup {
    /** Outlook's and vCard's own names that stand where a value should be (folded: lower case, letters only). */
    private static final Set<String> NAMES = Set.of("work", "home", "cell", "voice", "fax", "pref", "internet",
            "pager", "msg", "bbs", "modem", "car", "isdn", "video", "pcs", "x400", "text", "textphone", "main",
            "other", "mobile", "phone", "telephone", "email", "emailaddress", "country", "countryregion", "street",
            "city", "state", "region", "postalcode", "postcode", "zip", "pobox", "telefon", "mobiltelefon", "land",
            "strasse", "ort", "plz", "assistant", "assistantphone", "callback", "companymainphone", "primaryphone",
            "radiophone", "telex", "ttytddphone", "mobilephone");
    /** "BusinessPhone2", "HomeFax", "OtherCountry", "Business2Phone", "HOMECOUNTRY", "WorkPostalCode". */
    private static final Pattern OUTLOOK_NAME = Pattern.compile("^(business|home|other|work|primary|company|car|"
            + "radio|mobile|assistant|callback)\\d*(phone|fax|faxphone|country|countryregion|street|city|state|"
            + "postalcode|postofficebox|pobox|email|emailaddress|address|region)\\d*$");
    private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Za-z]{2}$");

    private final ContactRules rules;

    ImportCleanup(ContactRules rules) {
        this.rules = rules;
    }

    /** The person with placeholders left out and foreign values kept where they fit, and a note for each. */
    record Cleaned(PersonData data, List<LineProblem> notes) {}

    Cleaned clean(long line, PersonData d) {
        List<LineProblem> notes = new ArrayList<>();
        List<PostalAddress> addresses = new ArrayList<>();
        for (PostalAddress a : d.addresses()) {
            String street = keep(line, "street", a.street(), notes);
            String house = keep(line, "houseNumber", a.houseNumber(), notes);
            String line2 = keep(line, "addressLine2", a.addressLine2(), notes);
            String postcode = keep(line, "postcode", a.postcode(), notes);
            String city = keep(line, "city", a.city(), notes);
            String region = keep(line, "region", a.region(), notes);
            String country = keep(line, "country", a.country(), notes);
            if (country != null && !COUNTRY_CODE.matcher(country).matches()) {
                // No known country ("Neverland", "Ostfriesland"): kept as written where free text fits.
                if (region == null) {
                    region = country;
                    notes.add(LineProblem.of(line, "country", "import.note.countryInRegion", country));
                } else {
                    line2 = Text.join(", ", line2, country);
                    notes.add(LineProblem.of(line, "country", "import.note.countryInLine2", country));
                }
                country = null;
            }
            addresses.add(new PostalAddress(a.kind(), street, house, line2, postcode, city, region, country));
        }
        List<EmailAddress> emails = new ArrayList<>();
        for (EmailAddress e : d.emails()) {
            String v = Text.clean(e.address());
            if (v != null && !v.contains("@") && placeholder(v)) {
                notes.add(LineProblem.of(line, "email", "import.note.placeholder", v));
            } else {
                emails.add(e);
            }
        }
        PersonData withAddresses = d.withAddresses(addresses).withEmails(emails);
        String region = rules.phoneRegion(rules.normalise(withAddresses));
        List<PhoneNumber> phones = new ArrayList<>();
        for (PhoneNumber p : d.phones()) {
            String v = Text.clean(p.raw());
            if (v == null) {
                continue;
            }
            if (!ContactRules.hasDigit(v) || placeholder(v)) {
                notes.add(LineProblem.of(line, "phone", "import.note.placeholder", v));
                continue;
            }
            phones.add(p);
            if (rules.toE164(v, region).isEmpty()) {
                notes.add(LineProblem.of(line, "phone", "import.note.unchecked", v, region));
            }
        }
        return new Cleaned(withAddresses.withPhones(phones), notes);
    }

    /** The value, or null with a note when it is a placeholder. */
    private static String keep(long line, String field, String value, List<LineProblem> notes) {
        String v = Text.clean(value);
        if (v != null && placeholder(v)) {
            notes.add(LineProblem.of(line, field, "import.note.placeholder", v));
            return null;
        }
        return v;
    }

    /** A value that is a field or type name, not data: "BusinessPhone", "HOMECOUNTRY", "WORK". */
    static boolean placeholder(String value) {
        String folded = value.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
        if (!folded.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            return false;
        }
        return NAMES.contains(folded) || OUTLOOK_NAME.matcher(folded).matches();
    }
}
