package de.kontor.domain;

public record OrganisationData(
        String name,
        String street,
        String houseNumber,
        String postcode,
        String city,
        String country,
        String website,
        String vatId) {

    public static OrganisationData named(String name) {
        return new OrganisationData(name, null, null, null, null, null, null, null);
    }
}
