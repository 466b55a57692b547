package de.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks CSV text the way a spreadsheet could split it: no cell may start with a formula character. */
public final class CsvSafety {
    /** OWASP's characters that start a formula. */
    public static final String DANGEROUS = "=+-@\t\r";
    /** Where a spreadsheet (with any separator, or splitting lines naively) may start a new cell. */
    private static final String BOUNDARIES = ",;|\"\t\r\n";

    private CsvSafety() {}

    /**
     * Asserts that nowhere in the raw text a cell can begin (after spaces) with a dangerous
     * character: at the start and after every separator, quote or line break. A single quote in
     * front makes the cell text. CR LF counts as a line break.
     */
    public static void assertNoFormulaCells(String text) {
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // a line break (CSV's record separator), not a cell's content
            }
            if (start && c != ' ') {
                assertThat(DANGEROUS.indexOf(c)).as("a cell starts with %s at %d in:%n%s", c, i, text).isNegative();
            }
            if (c != ' ') {
                start = BOUNDARIES.indexOf(c) >= 0;
            }
        }
    }
}
