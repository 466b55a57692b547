package de.kontor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failures are seen, not swallowed: the rules that keep it so. ArchUnit checks the byte code;
 * catch blocks and lambda bodies are invisible there, so a scan of {@code src/main/java} checks
 * those.
 */
class FailureHandlingRulesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** Whitespace and comments only. */
    private static final String NOTHING = "(?:\\s|//[^\\n]*\\n|/\\*.*?\\*/)*";
    /** {@code catch (X e) { }}, also when the block holds only a comment. */
    private static final Pattern EMPTY_CATCH = Pattern.compile("catch\\s*\\([^)]*\\)\\s*\\{" + NOTHING + "\\}",
            Pattern.DOTALL);
    /** {@code t -> { }} for a parameter named like a failure: a handler that ignores it. */
    private static final Pattern IGNORING_HANDLER = Pattern.compile(
            "\\b(?:t|e|ex|exc|err|error|failure|throwable|cause|ignored|problem)\\s*->\\s*\\{" + NOTHING + "\\}",
            Pattern.DOTALL);

    private static JavaClasses kontor;

    @BeforeAll
    static void importClasses() {
        kontor = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kontor");
    }

    @Test
    void noConsoleOutputOutsideTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("de.kontor.cli..", "de.kontor.bench..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("the window has no console: a failure printed there is lost; it is logged (without personal "
                        + "data) and shown to the user; only the command line (and its bench) print results")
                .check(kontor);
    }

    @Test
    void noEmptyCatchBlocks() throws IOException {
        assertThat(find(EMPTY_CATCH))
                .as("Empty catch blocks (a comment is not handling): log the failure (slf4j, no personal data) and "
                        + "show it, or return/throw something meaningful. Found at")
                .isEmpty();
    }

    @Test
    void noHandlersThatIgnoreAFailure() throws IOException {
        assertThat(find(IGNORING_HANDLER))
                .as("Failure handlers that do nothing ('t -> { }'): use TaskRunner.run(what, work, onSuccess), which "
                        + "logs the failure and shows it in the status line, or handle it. Found at")
                .isEmpty();
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        assertThat(EMPTY_CATCH.matcher("try { x(); } catch (IOException e) {\n  // best effort\n}").find()).isTrue();
        assertThat(EMPTY_CATCH.matcher("catch (A | B e) { }").find()).isTrue();
        assertThat(EMPTY_CATCH.matcher("catch (IOException e) { log(e); }").find()).isFalse();
        assertThat(IGNORING_HANDLER.matcher("runner.run(w, r -> { }, t -> { });").find()).isTrue();
        assertThat(IGNORING_HANDLER.matcher("scan(index, 0.8, p -> { }, () -> false)").find()).isFalse();
    }

    private static List<String> find(Pattern pattern) throws IOException {
        assertThat(SOURCES).as("run from the project folder").isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = pattern.matcher(source);
                while (m.find()) {
                    int line = 1 + (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    found.add(SOURCES.relativize(file) + ":" + line);
                }
            }
        }
        return found;
    }
}
