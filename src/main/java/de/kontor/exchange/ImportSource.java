package de.kontor.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file as a reader (CSV, vCard) made it out: its rows, which source column (or vCard
 * property) feeds which field, and what is ignored (not read, not stored). The same import
 * pipeline validates, checks and imports it, whatever the format.
 */
record ImportSource(ImportFormat format, String detail, String fileName, List<SourceRow> rows,
        Map<String, String> columnFields, List<String> ignored) {
    ImportSource {
        rows = List.copyOf(rows);
        columnFields = Collections.unmodifiableMap(new LinkedHashMap<>(columnFields));
        ignored = List.copyOf(ignored);
    }
}
