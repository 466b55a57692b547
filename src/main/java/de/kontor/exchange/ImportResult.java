package de.kontor.exchange;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do): how many people were imported, the lines
 * skipped with their reasons (only with skip-invalid), the columns ignored because they map to
 * no field (data minimisation), which column went to which field, and the possible
 * duplicates found (in the database and within the file) with what was done with them.
 */
public record ImportResult(
        int imported,
        int rows,
        List<LineProblem> skipped,
        List<String> ignoredColumns,
        Map<String, String> columnFields,
        boolean dryRun,
        List<ImportDuplicate> duplicates) {

    public ImportResult(int imported, int rows, List<LineProblem> skipped, List<String> ignoredColumns,
            Map<String, String> columnFields, boolean dryRun) {
        this(imported, rows, skipped, ignoredColumns, columnFields, dryRun, List.of());
    }

    public ImportResult {
        duplicates = List.copyOf(duplicates);
        skipped = List.copyOf(skipped);
        ignoredColumns = List.copyOf(ignoredColumns);
        columnFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnFields));
    }

    /** Lines left out because of a certain duplicate in the database (duplicates skip). */
    public long duplicatesSkipped() {
        return duplicates.stream().filter(d -> d.action() == ImportDuplicate.Action.SKIPPED).count();
    }

    /** Lines merged into an existing person instead of being created (duplicates merge). */
    public long duplicatesMerged() {
        return duplicates.stream().filter(d -> d.action() == ImportDuplicate.Action.MERGED).count();
    }

    /** Lines that were skipped: distinct line numbers in order. */
    public long skippedLines() {
        return skipped.stream().mapToLong(LineProblem::line).distinct().count();
    }
}
