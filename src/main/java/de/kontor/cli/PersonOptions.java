package de.kontor.cli;

import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.FieldError;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The person fields shared by {@code contacts add} and {@code contacts edit}. */
final class PersonOptions {
    @Option(names = "--salutation") String salutation;
    @Option(names = "--title") String title;
    @Option(names = "--given", paramLabel = "G") String given;
    @Option(names = "--family", paramLabel = "F") String family;
    @Option(names = "--email", paramLabel = "E", description = "E-mail address (repeatable).") List<String> emails;
    @Option(names = "--phone", paramLabel = "P", description = "Phone number in any format (repeatable).") List<String> phones;
    @Option(names = "--street") String street;
    @Option(names = "--house-number") String houseNumber;
    @Option(names = "--postcode") String postcode;
    @Option(names = "--city") String city;
    @Option(names = "--country", paramLabel = "CC", description = "Two-letter country code, e.g. DE.") String country;
    @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD") String birthDate;
    @Option(names = "--language", paramLabel = "LL") String language;
    @Option(names = "--organisation", paramLabel = "O") String organisation;
    @Option(names = "--job-title") String jobTitle;
    @Option(names = "--tag", description = "Tag (repeatable).") List<String> tags;
    @Option(names = "--notes") String notes;

    /** Applies the given options over {@code base}; options not given keep the base value. */
    PersonData applyTo(PersonData base) {
        LocalDate birth = base.birthDate();
        if (birthDate != null) {
            try {
                birth = birthDate.isBlank() ? null : LocalDate.parse(birthDate.strip());
            } catch (DateTimeParseException e) {
                throw new ValidationException(List.of(FieldError.of("birthDate", "validation.date", birthDate)));
            }
        }
        List<EmailAddress> e = emails == null ? base.emails()
                : emails.stream().map(a -> new EmailAddress(ContactKind.WORK, a)).toList();
        List<PhoneNumber> p = phones == null ? base.phones()
                : phones.stream().map(n -> PhoneNumber.of(ContactKind.WORK, n)).toList();
        List<PostalAddress> a = base.addresses();
        if (street != null || houseNumber != null || postcode != null || city != null || country != null) {
            PostalAddress old = a.isEmpty()
                    ? new PostalAddress(ContactKind.WORK, null, null, null, null, null, null, null) : a.get(0);
            PostalAddress first = new PostalAddress(old.kind(), or(street, old.street()),
                    or(houseNumber, old.houseNumber()), old.addressLine2(), or(postcode, old.postcode()),
                    or(city, old.city()), old.region(), or(country, old.country()));
            List<PostalAddress> next = new ArrayList<>(a);
            if (next.isEmpty()) {
                next.add(first);
            } else {
                next.set(0, first);
            }
            a = next;
        }
        return new PersonData(or(salutation, base.salutation()), or(title, base.title()), or(given, base.givenName()),
                or(family, base.familyName()), birth, or(language, base.language()),
                or(organisation, base.organisation()), or(jobTitle, base.jobTitle()), e, p, a,
                tags == null ? base.tags() : tags, or(notes, base.notes()));
    }

    private static String or(String given, String base) {
        return given != null ? given : base;
    }
}
