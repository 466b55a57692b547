package de.kontor.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The editable fields of a person. The organisation is referenced by name; the service finds
 * or creates the organisation record. Lists are never null.
 */
public record PersonData(
        String salutation,
        String title,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String language,
        String organisation,
        String jobTitle,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        List<PostalAddress> addresses,
        List<String> tags,
        String notes) {

    public PersonData {
        emails = List.copyOf(Objects.requireNonNullElse(emails, List.of()));
        phones = List.copyOf(Objects.requireNonNullElse(phones, List.of()));
        addresses = List.copyOf(Objects.requireNonNullElse(addresses, List.of()));
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
    }

    public static PersonData named(String givenName, String familyName) {
        return new PersonData(null, null, givenName, familyName, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), null);
    }

    /**
     * "Dr. Eva Schäfer"; a person without a name (an address book entry with only an
     * organisation or an e-mail address) is shown by the organisation, else the first e-mail.
     */
    public String displayName() {
        String name = Text.join(" ", givenName, familyName);
        if (!Text.isBlank(name)) {
            return Text.join(" ", title, name);
        }
        if (!Text.isBlank(organisation)) {
            return organisation;
        }
        return emails.isEmpty() ? Text.nullToEmpty(Text.clean(title)) : emails.get(0).address();
    }

    public PersonData withEmails(List<EmailAddress> value) {
        return new PersonData(salutation, title, givenName, familyName, birthDate, language,
                organisation, jobTitle, value, phones, addresses, tags, notes);
    }

    public PersonData withPhones(List<PhoneNumber> value) {
        return new PersonData(salutation, title, givenName, familyName, birthDate, language,
                organisation, jobTitle, emails, value, addresses, tags, notes);
    }

    public PersonData withAddresses(List<PostalAddress> value) {
        return new PersonData(salutation, title, givenName, familyName, birthDate, language,
                organisation, jobTitle, emails, phones, value, tags, notes);
    }

    public PersonData withOrganisation(String value) {
        return new PersonData(salutation, title, givenName, familyName, birthDate, language,
                value, jobTitle, emails, phones, addresses, tags, notes);
    }

    public PersonData withBirthDate(LocalDate value) {
        return new PersonData(salutation, title, givenName, familyName, value, language,
                organisation, jobTitle, emails, phones, addresses, tags, notes);
    }
}
