package de.kontor.exchange;

import de.kontor.domain.privacy.Keyed;

/** The formats of an Art. 20 export. */
public enum ExportFormat implements Keyed {
    JSON("json"),
    CSV("csv"),
    VCARD("vcard");

    private final String key;

    ExportFormat(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
