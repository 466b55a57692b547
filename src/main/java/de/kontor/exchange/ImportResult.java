package de.kontor.exchange;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do): how many people were imported, the lines
 * skipped with their reasons (only with skip-invalid), the columns ignored because they map to
 * no field (data minimisation), and which column went to which field.
 */
public record ImportResult(
        int imported,
        int rows,
        List<LineProblem> skipped,
        List<String> ignoredColumns,
        Map<String, String> columnFields,
        boolean dryRun) {

    public ImportResult {
        skipped = List.copyOf(skipped);
        ignoredColumns = List.copyOf(ignoredColumns);
        columnFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnFields));
    }

    /** Lines that were skipped: distinct line numbers in order. */
    public long skippedLines() {
        return skipped.stream().mapToLong(LineProblem::line).distinct().count();
    }
}
