package de.kontor.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of contact data: the rules that hold whether a person is typed
 * into the window, given on the command line or imported from a file.
 */
public final class ContactRules {
    /** Pragmatic address syntax: local part, one @, a domain with a dot and a 2+ letter TLD. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[\\p{L}0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]*[A-Za-z0-9\\p{L}])?"
                    + "(?:\\.[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]*[A-Za-z0-9\\p{L}])?)*\\.\\p{L}{2,}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Map<String, Pattern> POSTCODES = Map.of(
            "DE", Pattern.compile("^(?!00)\\d{5}$"),
            "AT", Pattern.compile("^[1-9]\\d{3}$"),
            "CH", Pattern.compile("^[1-9]\\d{3}$"));
    public static final String DEFAULT_REGION = "DE";

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /**
     * Trims every value, upper-cases country codes, lower-cases language and e-mail domain,
     * normalises phones to E.164 where they parse, de-duplicates tags. Never fails: invalid
     * values stay as typed so {@link #validate} can name them.
     */
    public PersonData normalise(PersonData p) {
        String region = regionOf(p);
        List<EmailAddress> emails = new ArrayList<>();
        for (EmailAddress e : p.emails()) {
            String a = Text.clean(e.address());
            if (a != null) {
                emails.add(new EmailAddress(e.kind(), lowerDomain(a)));
            }
        }
        List<PhoneNumber> phoneList = new ArrayList<>();
        for (PhoneNumber ph : p.phones()) {
            String raw = Text.clean(ph.raw());
            if (raw != null) {
                phoneList.add(new PhoneNumber(ph.kind(), raw, toE164(raw, region).orElse("")));
            }
        }
        List<PostalAddress> addresses = new ArrayList<>();
        for (PostalAddress a : p.addresses()) {
            PostalAddress c = new PostalAddress(a.kind(), Text.clean(a.street()), Text.clean(a.houseNumber()),
                    Text.clean(a.addressLine2()), Text.clean(a.postcode()), Text.clean(a.city()),
                    Text.clean(a.region()), upper(Text.clean(a.country())));
            if (!c.isEmpty()) {
                addresses.add(c);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : p.tags()) {
            String c = Text.clean(t);
            if (c != null) {
                tags.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
            }
        }
        TreeSet<String> sortedTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sortedTags.addAll(tags.values());
        String language = Text.clean(p.language());
        return new PersonData(
                Text.clean(p.salutation()),
                Text.clean(p.title()),
                Text.nullToEmpty(Text.clean(p.givenName())),
                Text.nullToEmpty(Text.clean(p.familyName())),
                p.birthDate(),
                language == null ? null : language.toLowerCase(Locale.ROOT),
                Text.clean(p.organisation()),
                Text.clean(p.jobTitle()),
                emails,
                phoneList,
                addresses,
                List.copyOf(sortedTags),
                Text.clean(p.notes()));
    }

    /** All errors of a (normalised) person, in field order; empty when valid. */
    public List<FieldError> validate(PersonData p, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!hasIdentity(p)) {
            errors.add(FieldError.of("familyName", "validation.identity"));
        }
        maxLength(errors, "salutation", p.salutation(), 30);
        maxLength(errors, "title", p.title(), 50);
        maxLength(errors, "givenName", p.givenName(), 100);
        maxLength(errors, "familyName", p.familyName(), 100);
        maxLength(errors, "organisation", p.organisation(), 300);
        maxLength(errors, "jobTitle", p.jobTitle(), 100);
        maxLength(errors, "notes", p.notes(), 10000);
        if (p.birthDate() != null) {
            if (p.birthDate().isAfter(today)) {
                errors.add(FieldError.of("birthDate", "validation.birthDate.future", p.birthDate().toString()));
            } else if (p.birthDate().isBefore(today.minusYears(130))) {
                errors.add(FieldError.of("birthDate", "validation.birthDate.tooOld", p.birthDate().toString()));
            }
        }
        if (p.language() != null && !LANGUAGE.matcher(p.language()).matches()) {
            errors.add(FieldError.of("language", "validation.language", p.language()));
        }
        for (int i = 0; i < p.emails().size(); i++) {
            String a = p.emails().get(i).address();
            if (!isValidEmail(a)) {
                errors.add(FieldError.of(indexed("email", i, p.emails().size()), "validation.email", a));
            }
        }
        for (int i = 0; i < p.phones().size(); i++) {
            PhoneNumber ph = p.phones().get(i);
            if (ph.e164().isEmpty() && !hasDigit(ph.raw())) {
                errors.add(FieldError.of(indexed("phone", i, p.phones().size()), "validation.phone", ph.raw()));
            }
        }
        for (int i = 0; i < p.addresses().size(); i++) {
            validateAddress(errors, p.addresses().get(i), i, p.addresses().size());
        }
        for (String tag : p.tags()) {
            if (tag.length() > 100) {
                errors.add(FieldError.of("tags", "validation.tooLong", "100"));
            }
        }
        return errors;
    }

    /**
     * Whether a person can be told apart at all: a family name, a given name, an organisation
     * or an e-mail address. Contacts from address books often have only one of them (Android
     * writes a card with nothing but an e-mail address).
     */
    public static boolean hasIdentity(PersonData p) {
        return !Text.isBlank(p.familyName()) || !Text.isBlank(p.givenName()) || !Text.isBlank(p.organisation())
                || p.emails().stream().anyMatch(e -> !Text.isBlank(e.address()));
    }

    /** A phone number needs at least one digit; one that does not parse is kept as written ("not checked"). */
    public static boolean hasDigit(String s) {
        return s != null && s.chars().anyMatch(Character::isDigit);
    }

    /**
     * The region (ISO 3166 country code) a phone number without a country code is read in: the
     * country of the person's first address that has one libphonenumber knows, else Germany.
     */
    public String phoneRegion(PersonData p) {
        return regionOf(p);
    }

    /** Normalises, validates and returns the normalised data, or throws with every error. */
    public PersonData check(PersonData p, LocalDate today) {
        PersonData n = normalise(p);
        List<FieldError> errors = validate(n, today);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return n;
    }

    public boolean isValidEmail(String address) {
        return address != null && address.length() <= 320 && EMAIL.matcher(address).matches();
    }

    /** The E.164 form of a phone number, if it parses as a valid number. */
    public java.util.Optional<String> toE164(String raw, String defaultRegion) {
        try {
            Phonenumber.PhoneNumber n = phones.parse(raw, defaultRegion == null ? DEFAULT_REGION : defaultRegion);
            if (!phones.isValidNumber(n)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(phones.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** National format for display and search ("030 1234567"). */
    public String nationalFormat(String e164) {
        try {
            Phonenumber.PhoneNumber n = phones.parse(e164, DEFAULT_REGION);
            return phones.format(n, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    public boolean isValidPostcode(String country, String postcode) {
        Pattern p = country == null ? null : POSTCODES.get(country);
        return p == null || postcode == null || p.matcher(postcode).matches();
    }

    private void validateAddress(List<FieldError> errors, PostalAddress a, int i, int count) {
        String suffix = count > 1 ? "[" + (i + 1) + "]" : "";
        if (a.country() != null && !COUNTRY.matcher(a.country()).matches()) {
            errors.add(FieldError.of("country" + suffix, "validation.country", a.country()));
        }
        if (!isValidPostcode(a.country(), a.postcode())) {
            errors.add(FieldError.of("postcode" + suffix, "validation.postcode", a.postcode(), a.country()));
        }
        maxLength(errors, "street" + suffix, a.street(), 200);
        maxLength(errors, "houseNumber" + suffix, a.houseNumber(), 20);
        maxLength(errors, "addressLine2" + suffix, a.addressLine2(), 200);
        maxLength(errors, "postcode" + suffix, a.postcode(), 20);
        maxLength(errors, "city" + suffix, a.city(), 100);
        maxLength(errors, "region" + suffix, a.region(), 100);
    }

    private static String indexed(String field, int i, int count) {
        return count > 1 ? field + "[" + (i + 1) + "]" : field;
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "validation.tooLong", Integer.toString(max)));
        }
    }

    private String regionOf(PersonData p) {
        for (PostalAddress a : p.addresses()) {
            String c = upper(Text.clean(a.country()));
            if (c != null && phones.getSupportedRegions().contains(c)) {
                return c;
            }
        }
        return DEFAULT_REGION;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lowerDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
