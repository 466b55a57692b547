package de.kontor.ui.contacts;

import de.kontor.domain.ContactKind;
import de.kontor.domain.PostalAddress;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/** One editable postal address of the person form; errors by field (street, postcode ...). */
public final class AddressRow {
    private final ObjectProperty<ContactKind> kind;
    private final StringProperty street = new SimpleStringProperty("");
    private final StringProperty houseNumber = new SimpleStringProperty("");
    private final StringProperty postcode = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private String addressLine2;
    private String region;

    public AddressRow(PostalAddress a) {
        this.kind = new SimpleObjectProperty<>(a.kind());
        street.set(nn(a.street()));
        houseNumber.set(nn(a.houseNumber()));
        postcode.set(nn(a.postcode()));
        city.set(nn(a.city()));
        country.set(nn(a.country()));
        addressLine2 = a.addressLine2();
        region = a.region();
    }

    public static AddressRow empty() {
        return new AddressRow(new PostalAddress(ContactKind.WORK, null, null, null, null, null, null, "DE"));
    }

    PostalAddress toAddress() {
        return new PostalAddress(kind.get(), street.get(), houseNumber.get(), addressLine2, postcode.get(), city.get(),
                region, country.get());
    }

    boolean isBlank() {
        PostalAddress a = toAddress();
        return new PostalAddress(a.kind(), a.street(), a.houseNumber(), a.addressLine2(), a.postcode(), a.city(),
                a.region(), null).isEmpty();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    public ObjectProperty<ContactKind> kindProperty() {
        return kind;
    }

    public StringProperty streetProperty() {
        return street;
    }

    public StringProperty houseNumberProperty() {
        return houseNumber;
    }

    public StringProperty postcodeProperty() {
        return postcode;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty countryProperty() {
        return country;
    }

    /** Message per field name ("street", "postcode", "city", "country", "houseNumber"). */
    public ObservableMap<String, String> errors() {
        return errors;
    }
}
