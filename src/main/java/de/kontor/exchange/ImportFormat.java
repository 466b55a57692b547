package de.kontor.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code kontor import} and the import screen read. */
public enum ImportFormat {
    CSV("csv", ".csv", ".txt", ".tsv"),
    VCARD("vcard", ".vcf", ".vcard"),
    JSON("json", ".json");

    private final String key;
    private final String[] extensions;

    ImportFormat(String key, String... extensions) {
        this.key = key;
        this.extensions = extensions;
    }

    /** The stable name used on the command line. */
    public String key() {
        return key;
    }

    /** The format a file name suggests by its extension, if any. */
    public static Optional<ImportFormat> ofFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> Arrays.stream(f.extensions).anyMatch(n::endsWith)).findFirst();
    }
}
