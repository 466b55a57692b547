package de.kontor.exchange;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do): how many people were imported, the lines
 * skipped with their reasons (only with skip-invalid), the columns ignored because they map to
 * no field (data minimisation), which column went to which field, and the possible
 * duplicates found (in the database and within the file) with what was done with them, and the
 * notes on imported lines (a placeholder left out, a phone number kept unchecked).
 */
public record ImportResult(
        int imported,
        int rows,
        List<LineProblem> skipped,
        List<String> ignoredColumns,
        Map<String, String> columnFields,
        boolean dryRun,
        List<ImportDuplicate> duplicates,
        List<LineProblem> notes) {

    public ImportResult(int imported, int rows, List<LineProblem> skipped, List<String> ignoredColumns,
            Map<String, String> columnFields, boolean dryRun, List<ImportDuplicate> duplicates) {
        this(imported, rows, skipped, ignoredColumns, columnFields, dryRun, duplicates, List.of());
    }

    public ImportResult(int imported, int rows, List<LineProblem> skipped, List<String> ignoredColumns,
            Map<String, String> columnFields, boolean dryRun) {
        this(imported, rows, skipped, ignoredColumns, columnFields, dryRun, List.of());
    }

    public ImportResult {
        duplicates = List.copyOf(duplicates);
        notes = List.copyOf(notes);
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

    /** Lines refused by the suppression list (people who asked to be erased or objected). */
    public long blockedLines() {
        return skipped.stream().filter(p -> p.messageKey().equals("suppression.blocked")).mapToLong(LineProblem::line)
                .distinct().count();
    }

    /** Lines that could not be imported (bad values, unreadable): skipped lines that were not blocked. */
    public long invalidLines() {
        return skippedLines() - blockedLines();
    }

    /** Lines that were skipped: distinct line numbers in order. */
    public long skippedLines() {
        return skipped.stream().mapToLong(LineProblem::line).distinct().count();
    }
}
