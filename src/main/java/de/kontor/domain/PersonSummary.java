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

    /** "Eva Schäfer"; without a name the organisation, else the e-mail address. */
    public String displayName() {
        String name = Text.join(" ", givenName, familyName);
        if (!Text.isBlank(name)) {
            return name;
        }
        return !Text.isBlank(organisation) ? organisation : Text.nullToEmpty(email);
    }

    /** "Family, Given" for lists sorted by family name; without a name as {@link #displayName}. */
    public String sortName() {
        String name = Text.join(", ", familyName, givenName);
        return Text.isBlank(name) ? displayName() : name;
    }
}
