package de.kontor.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * One person as the duplicate check sees it: raw values as entered. Dates may be partial
 * (0 for an unknown year, month or day). {@code key} identifies the record for the caller
 * (a person id, or a line of an import).
 */
public record DedupeRecord(
        long key,
        String sourceRecordId,
        String givenName,
        String familyName,
        int birthYear,
        int birthMonth,
        int birthDay,
        List<String> emails,
        List<String> phones,
        String street,
        String houseNumber,
        String postcode,
        String city) {

    public DedupeRecord {
        emails = List.copyOf(Objects.requireNonNullElse(emails, List.of()));
        phones = List.copyOf(Objects.requireNonNullElse(phones, List.of()));
    }

    /**
     * "Eva Schäfer"; a contact without a name (an address book entry with only an organisation
     * or an e-mail address) by its first e-mail, else its first phone number, else "#key".
     */
    public String displayName() {
        String given = givenName == null ? "" : givenName.strip();
        String family = familyName == null ? "" : familyName.strip();
        String name = (given + " " + family).strip();
        if (!name.isEmpty()) {
            return name;
        }
        if (!emails.isEmpty()) {
            return emails.get(0);
        }
        return phones.isEmpty() ? "#" + key : phones.get(0);
    }
}
