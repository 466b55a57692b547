package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJsonCliTest {
    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path files;

    @Test
    void exportImportExportIsExactAndBadFilesAreRefused() throws Exception {
        CliRunner a = new CliRunner(first);
        assertThat(a.run("init", "--owner", "Anna Schmidt").exit()).isZero();
        assertThat(a.run("contacts", "add", "--given", "Jürgen", "--family", "Weiß", "--email", "j@example.de",
                "--postcode", "10115", "--city", "Berlin", "--country", "DE").exit()).isZero();
        Path one = files.resolve("one.json");
        CliRunner.Result exported = a.run("export", "--all", "--format", "json", "--out", one.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();

        CliRunner b = new CliRunner(second);
        assertThat(b.run("init", "--owner", "Anna Schmidt").exit()).isZero();
        Path broken = files.resolve("broken.json");
        Files.writeString(broken, Files.readString(one).substring(0, 40));
        CliRunner.Result refused = b.run("import", "json", broken.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("is not valid JSON").doesNotContain("Exception");
        CliRunner.Result imported = b.run("import", "json", one.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported 1, skipped 0");
        Path two = files.resolve("two.json");
        assertThat(b.run("export", "--all", "--format", "json", "--out", two.toString()).exit()).isZero();
        // Equal apart from the moment of the export itself.
        assertThat(withoutExportTime(Files.readString(two))).isEqualTo(withoutExportTime(Files.readString(one)));
        assertThat(b.run("import", "json", one.toString()).err()).contains("only into a database without people");
    }

    private static String withoutExportTime(String json) {
        return json.replaceFirst("\"exportedAt\" : \"[^\"]+\"", "");
    }
}
