package de.kontor.ui.contacts;

import de.kontor.domain.ContactKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable e-mail address or phone number of the person form, with its error. */
public final class ContactRow {
    private final ObjectProperty<ContactKind> kind;
    private final StringProperty value;
    private final StringProperty error = new SimpleStringProperty("");

    public ContactRow(ContactKind kind, String value) {
        this.kind = new SimpleObjectProperty<>(kind);
        this.value = new SimpleStringProperty(value == null ? "" : value);
    }

    public ObjectProperty<ContactKind> kindProperty() {
        return kind;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The message shown at this row's field; empty when valid. */
    public StringProperty errorProperty() {
        return error;
    }

    boolean isBlank() {
        return value.get() == null || value.get().isBlank();
    }
}
