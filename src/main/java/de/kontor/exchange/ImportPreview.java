package de.kontor.exchange;

import de.kontor.dedupe.Match;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import of a file would do, before anything is written: which source column (or
 * vCard property, or JSON field) feeds which field, what is ignored (not read, not stored),
 * the rows that are invalid with a message per field, the rows blocked by the suppression
 * list, and the rows that duplicate a person in the database or an earlier row (one per row:
 * the one a decision acts on), and the notes on rows that are imported with a value left out
 * (a placeholder) or kept unchecked (a foreign phone number). {@code sha256} ties the preview to the file's content: the
 * import refuses a file that changed since.
 */
public record ImportPreview(
        Path file,
        ImportFormat format,
        ImportOptions options,
        String detail,
        String sha256,
        int rows,
        Map<String, String> columnFields,
        List<String> ignored,
        List<LineProblem> invalid,
        List<LineProblem> blocked,
        List<Duplicate> duplicates,
        int importable,
        List<LineProblem> notes) {

    /**
     * Row {@code line} ({@code name} as read) is a possible duplicate of person {@code personId}
     * in the database or of the earlier row {@code otherLine} ({@code otherName}).
     */
    public record Duplicate(long line, String name, Long personId, Long otherLine, String otherName, double score,
            Match.Level level) {
        public boolean inDatabase() {
            return personId != null;
        }
    }

    public ImportPreview {
        columnFields = Collections.unmodifiableMap(new LinkedHashMap<>(columnFields));
        ignored = List.copyOf(ignored);
        invalid = List.copyOf(invalid);
        blocked = List.copyOf(blocked);
        duplicates = List.copyOf(duplicates);
        notes = List.copyOf(notes);
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** Nothing invalid and nothing blocked: the file can be imported as it is. */
    public boolean valid() {
        return invalid.isEmpty() && blocked.isEmpty();
    }

    /**
     * Whether the rows can be decided one by one (skip, merge, import anyway). A Kontor JSON
     * export is restored exactly, with its ids, into an empty database: nothing to decide.
     */
    public boolean decidable() {
        return format != ImportFormat.JSON;
    }
}
