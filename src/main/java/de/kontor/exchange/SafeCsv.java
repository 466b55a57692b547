package de.kontor.exchange;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one place where Kontor writes CSV cells, with OWASP's rule against formula injection
 * ("CSV injection"): a spreadsheet treats a cell that starts with {@code = + - @}, a tab or a
 * carriage return as a formula, so such a cell gets a single quote {@code '} in front and is
 * read as text. Every CSV the app writes (exports, {@code kontor list}, {@code contacts list},
 * {@code dedupe scan}, {@code retention due}, the window's list export) goes through
 * {@link #record}; {@code CsvWritersTest} checks that nothing else prints CSV.
 *
 * <p>OWASP also warns that a field separator or quote inside a value can start a new cell when
 * the file is opened with another separator than it was written with (a semicolon file in an
 * English Excel, or a program that splits lines naively). So the rule applies at every "cell
 * start" inside a value too: the value's start and the position after each of
 * {@code , ; | " tab CR LF}. At such a position, after optional spaces and any single quotes,
 * a dangerous character gets one more single quote before it. The rule is reversible:
 * {@link #restore} takes exactly one quote away again at the same places, which the import
 * does for files Kontor wrote itself ({@link #writtenByKontor}), so an export imported again
 * gives back the values exactly.
 *
 * <p>Phone numbers: {@code +49 30 1234567} starts with {@code +} and gets the quote too, so a
 * spreadsheet shows it as text ({@code '+49 30 1234567}) instead of computing
 * {@code 49 30 1234567} (a #NULL! error or a number without its plus). We decided against
 * leaving number-looking phones alone: the quote is what keeps them readable in Excel, it is
 * safe for every value, and Kontor takes it away again on import.
 *
 * <p>The Kontor JSON export and vCard are not spreadsheet formats and keep values exactly.
 */
public final class SafeCsv implements Closeable, Flushable {
    /** Characters that make a spreadsheet read a cell as a formula (OWASP). */
    static final String DANGEROUS = "=+-@\t\r";
    /** Characters after which a spreadsheet may start a new cell. */
    static final String BOUNDARIES = ",;|\"\t\r\n";

    /** The columns of {@code kontor list} and {@code contacts list} in CSV. */
    public static final List<String> LIST_COLUMNS = List.of("id", "givenName", "familyName", "email", "phone",
            "organisation", "city");

    private final CSVPrinter printer;

    /** Writes to {@code out} in {@code format} (its header, if any, is printed first). */
    public SafeCsv(Appendable out, CSVFormat format) throws IOException {
        this.printer = new CSVPrinter(out, format);
    }

    /** Prints one record; every value is made safe with {@link #neutralise}. */
    public void record(Object... values) throws IOException {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(v == null ? null : neutralise(v.toString()));
        }
        printer.printRecord(cells);
    }

    /** Prints one record; every value is made safe with {@link #neutralise}. */
    public void record(List<?> values) throws IOException {
        record(values.toArray());
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    /** The cell text a spreadsheet reads as text, never as a formula; null stays null. */
    public static String neutralise(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        int n = v.length();
        StringBuilder b = null;
        boolean cellStart = true;
        int i = 0;
        while (i < n) {
            if (cellStart) {
                int q = skip(v, i, ' ');
                int r = skip(v, q, '\'');
                if (r < n && dangerous(v.charAt(r))) {
                    if (b == null) {
                        b = new StringBuilder(n + 8).append(v, 0, i);
                    }
                    b.append(v, i, q).append('\'');
                    i = q;
                }
                if (i >= n) {
                    break;
                }
            }
            char c = v.charAt(i);
            if (b != null) {
                b.append(c);
            }
            cellStart = boundary(c);
            i++;
        }
        return b == null ? v : b.toString();
    }

    /**
     * The value before {@link #neutralise}: one single quote fewer wherever neutralise added
     * one. Only for files Kontor wrote; in other files a quote is the user's.
     */
    public static String restore(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        int n = v.length();
        StringBuilder b = null;
        boolean cellStart = true;
        int i = 0;
        while (i < n) {
            if (cellStart) {
                int q = skip(v, i, ' ');
                int r = skip(v, q, '\'');
                if (r > q && r < n && dangerous(v.charAt(r))) {
                    if (b == null) {
                        b = new StringBuilder(n).append(v, 0, i);
                    }
                    b.append(v, i, q);
                    i = q + 1;
                }
                if (i >= n) {
                    break;
                }
            }
            char c = v.charAt(i);
            if (b != null) {
                b.append(c);
            }
            cellStart = boundary(c);
            i++;
        }
        return b == null ? v : b.toString();
    }

    /**
     * Whether a header row is one Kontor writes and reads again (the CSV export, the CLI's
     * lists), so the import takes the added quotes away. The window's list export has
     * translated column names and is meant for mail merge, not for import; its quotes stay.
     */
    public static boolean writtenByKontor(List<String> header) {
        return header.equals(CsvExport.COLUMNS) || header.equals(LIST_COLUMNS);
    }

    private static int skip(String v, int from, char c) {
        int i = from;
        while (i < v.length() && v.charAt(i) == c) {
            i++;
        }
        return i;
    }

    private static boolean dangerous(char c) {
        return DANGEROUS.indexOf(c) >= 0;
    }

    private static boolean boundary(char c) {
        return BOUNDARIES.indexOf(c) >= 0;
    }
}
