package de.kontor.exchange;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"Klick\")", "@SUM(1+1)*cmd|' /C calc'!A0",
            "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\tTab", "\rCR", "=", "+", "-", "@"})
    void everyDangerousFirstCharacterGetsAQuote(String value) {
        assertThat(SafeCsv.neutralise(value)).isEqualTo("'" + value);
        assertThat(SafeCsv.restore(SafeCsv.neutralise(value))).isEqualTo(value);
    }

    @Test
    void harmlessValuesStayExactlyAsTheyAre() {
        for (String v : List.of("Müller-Lüdenscheidt", "0221 123456", "a@b.de", "2026-12-03", "Notiz = wichtig",
                "1+1", "O'Neil", "")) {
            assertThat(SafeCsv.neutralise(v)).isEqualTo(v);
        }
        assertThat(SafeCsv.neutralise(null)).isNull();
        assertThat(SafeCsv.restore(null)).isNull();
    }

    @Test
    void dangerousCharactersAfterASeparatorOrQuoteInsideAValueAreNeutralisedToo() {
        // Opened with another separator, the part after ',' or ';' becomes a cell of its own.
        assertThat(SafeCsv.neutralise("Köln,=HYPERLINK(\"x\")")).isEqualTo("Köln,'=HYPERLINK(\"x\")");
        assertThat(SafeCsv.neutralise("a; @SUM(1)")).isEqualTo("a; '@SUM(1)");
        assertThat(SafeCsv.neutralise("Zeile 1\n-2+3")).isEqualTo("Zeile 1\n'-2+3");
        assertThat(SafeCsv.neutralise("x\"=1+1")).isEqualTo("x\"'=1+1");
        assertThat(SafeCsv.neutralise("'=1+1")).isEqualTo("''=1+1");
        assertThat(SafeCsv.neutralise("  =1+1")).isEqualTo("  '=1+1");
        // A tab is both dangerous and a separator.
        assertThat(SafeCsv.neutralise("\t=1+1")).isEqualTo("'\t'=1+1");
    }

    @Test
    void phoneNumbersWithAPlusAreQuotedSoExcelShowsThemAsText() {
        // Decision (see SafeCsv): no exception for phone numbers; the quote keeps them readable in
        // Excel instead of a computed number, and Kontor's import takes it away again.
        assertThat(SafeCsv.neutralise("+49 30 1234567")).isEqualTo("'+49 30 1234567");
        assertThat(SafeCsv.neutralise("+49 30 1234567; +49 171 7654321")).isEqualTo("'+49 30 1234567; '+49 171 7654321");
        assertThat(SafeCsv.restore("'+49 30 1234567; '+49 171 7654321")).isEqualTo("+49 30 1234567; +49 171 7654321");
    }

    /** Every string up to five characters over the characters that matter: safe, and restored exactly. */
    @Test
    void neutraliseIsSafeAndRestoreUndoesItForEveryShortString() {
        char[] alphabet = {'=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '|', '"', '\'', ' ', 'a', '1'};
        int[] idx = new int[6];
        for (int len = 0; len <= 5; len++) {
            java.util.Arrays.fill(idx, 0);
            while (true) {
                char[] cs = new char[len];
                for (int i = 0; i < len; i++) {
                    cs[i] = alphabet[idx[i]];
                }
                String v = new String(cs);
                String safe = SafeCsv.neutralise(v);
                assertThat(SafeCsv.restore(safe)).as("restore of %s", escape(v)).isEqualTo(v);
                assertNoCellStartsDangerously(safe);
                int k = 0;
                while (k < len && ++idx[k] == alphabet.length) {
                    idx[k++] = 0;
                }
                if (k == len) {
                    break;
                }
            }
        }
    }

    @Test
    void writtenRecordsParseBackToTheNeutralisedValues() throws Exception {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = new SafeCsv(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader("a", "b", "c").get())) {
            csv.record("=1+1", 7, null);
            csv.record(List.of("x,=2", "+49 30 1234567", "ok"));
        }
        try (CSVParser p = CSVParser.parse(out.toString(), CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
                .setSkipHeaderRecord(true).get())) {
            var rows = p.getRecords();
            assertThat(rows.get(0).get("a")).isEqualTo("'=1+1");
            assertThat(rows.get(0).get("b")).isEqualTo("7");
            assertThat(rows.get(1).get("a")).isEqualTo("x,'=2");
            assertThat(rows.get(1).get("b")).isEqualTo("'+49 30 1234567");
        }
    }

    @Test
    void kontorRecognisesOnlyItsOwnHeaders() {
        assertThat(SafeCsv.writtenByKontor(CsvExport.COLUMNS)).isTrue();
        assertThat(SafeCsv.writtenByKontor(SafeCsv.LIST_COLUMNS)).isTrue();
        assertThat(SafeCsv.writtenByKontor(List.of("First Name", "Last Name", "Phone"))).isFalse();
    }

    @Test
    void everyCsvWriterGoesThroughSafeCsv() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kontor");
        noClasses().that().doNotHaveFullyQualifiedName(SafeCsv.class.getName())
                .and().resideOutsideOfPackage("de.kontor.bench..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
                .because("SafeCsv is the one place with the rule against formula injection; the benchmark only "
                        + "writes generated input for its own import timing")
                .check(classes);
    }

    /** No position where a spreadsheet could start a cell is followed (after spaces) by a dangerous character. */
    static void assertNoCellStartsDangerously(String text) {
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (start && c != ' ') {
                assertThat(SafeCsv.DANGEROUS.indexOf(c)).as("cell start at %d in %s", i, escape(text)).isNegative();
            }
            if (c != ' ') {
                start = SafeCsv.BOUNDARIES.indexOf(c) >= 0;
            }
        }
    }

    private static String escape(String s) {
        return s.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
