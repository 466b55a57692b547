package de.kontor.domain;

/** One row of the contact list and search results. */
public record PersonSummary(
        long id,
        String givenName,
        String familyName,
        String email,
        String phone,
        String organisation,
        String city) {

    public String displayName() {
        return Text.join(" ", givenName, familyName);
    }

    /** "Family, Given" for lists sorted by family name. */
    public String sortName() {
        return Text.join(", ", familyName, givenName);
    }
}
