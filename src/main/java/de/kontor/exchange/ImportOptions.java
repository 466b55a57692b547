package de.kontor.exchange;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to read a CSV file. {@code mapping} maps a column header to an import field name;
 * {@code delimiter} null means detect ',' or ';' (or tab) from the header line;
 * {@code datePattern} null means ISO (yyyy-MM-dd) or German (dd.MM.yyyy).
 */
public record ImportOptions(
        Map<String, String> mapping,
        Character delimiter,
        Charset encoding,
        String datePattern,
        boolean skipInvalid,
        boolean dryRun) {

    public ImportOptions {
        mapping = mapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        encoding = Objects.requireNonNullElse(encoding, StandardCharsets.UTF_8);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), null, StandardCharsets.UTF_8, null, false, false);
    }

    public ImportOptions withMapping(Map<String, String> value) {
        return new ImportOptions(value, delimiter, encoding, datePattern, skipInvalid, dryRun);
    }

    public ImportOptions withDelimiter(Character value) {
        return new ImportOptions(mapping, value, encoding, datePattern, skipInvalid, dryRun);
    }

    public ImportOptions withEncoding(Charset value) {
        return new ImportOptions(mapping, delimiter, value, datePattern, skipInvalid, dryRun);
    }

    public ImportOptions withDatePattern(String value) {
        return new ImportOptions(mapping, delimiter, encoding, value, skipInvalid, dryRun);
    }

    public ImportOptions withSkipInvalid(boolean value) {
        return new ImportOptions(mapping, delimiter, encoding, datePattern, value, dryRun);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(mapping, delimiter, encoding, datePattern, skipInvalid, value);
    }
}
