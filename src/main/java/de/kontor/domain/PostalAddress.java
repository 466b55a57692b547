package de.kontor.domain;

import java.util.Objects;
import java.util.stream.Stream;

public record PostalAddress(
        ContactKind kind,
        String street,
        String houseNumber,
        String addressLine2,
        String postcode,
        String city,
        String region,
        String country) {

    public PostalAddress {
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isEmpty() {
        return Stream.of(street, houseNumber, addressLine2, postcode, city, region, country)
                .allMatch(Text::isBlank);
    }

    /** One line for tables: "Hauptstraße 5, 10115 Berlin". */
    public String oneLine() {
        String streetPart = Text.join(" ", street, houseNumber);
        String cityPart = Text.join(" ", postcode, city);
        return Text.join(", ", streetPart, cityPart);
    }
}
