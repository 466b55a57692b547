package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.TestWorkspaces;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small office: two Kontor processes on one database file. */
class SharedFileTest {
    @TempDir
    Path dir;

    @Test
    void secondProcessWritesWhileTheFirstHasTheFileOpen() throws Exception {
        try (Workspace first = TestWorkspaces.create(dir)) {
            Person eva = first.contacts().create(first.principal(), PersonData.named("Eva", "Zimmermann"),
                    ProvenanceInput.manual());
            assertThat(first.contacts().count(first.principal())).isEqualTo(1);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "de.kontor.cli.KontorCli", "--data", dir.toString(), "contacts", "add", "--given", "Otto",
                    "--family", "Brückner"));
            pb.environment().put("KONTOR_PASSWORD", TestWorkspaces.PASSWORD);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();

            // The first process's index learns of the other's change from the audit trail.
            assertThat(first.contacts().search(first.principal(), "brückner", 10).total()).isZero();
            assertThat(first.contacts().refreshIndex()).isEqualTo(1);
            assertThat(first.contacts().search(first.principal(), "brückner", 10).total()).isEqualTo(1);
            assertThat(first.contacts().refreshIndex()).isZero();

            first.erasure().delete(first.principal(), eva.id(), eva.version());
            first.contacts().refreshIndex();
            assertThat(first.contacts().count(first.principal())).isEqualTo(1);
            assertThat(first.audit().verify(first.principal()).ok()).isTrue();
        }
        assertThat(new File(dir.toFile(), "kontor.mv.db")).exists();
    }

    @Test
    void bothProcessesEraseAndCompactWhileTheFileIsShared() throws Exception {
        try (Workspace first = TestWorkspaces.create(dir)) {
            Person eva = first.contacts().create(first.principal(), PersonData.named("Eva", "Zimmermann"),
                    ProvenanceInput.manual());
            Person otto = first.contacts().create(first.principal(), PersonData.named("Otto", "Brückner"),
                    ProvenanceInput.manual());
            Person ida = first.contacts().create(first.principal(), PersonData.named("Ida", "Krause"),
                    ProvenanceInput.manual());

            // The other process reaches the file through this one's server: it compacts with SHUTDOWN COMPACT.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "de.kontor.cli.KontorCli", "--data", dir.toString(), "erase", "--person", Long.toString(otto.id())));
            pb.environment().put("KONTOR_PASSWORD", TestWorkspaces.PASSWORD);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();

            // This process reconnects, then erases with its own compaction.
            first.contacts().refreshIndex();
            assertThat(first.contacts().search(first.principal(), "brückner", 10).total()).isZero();
            first.erasure().erase(first.principal(), eva.id(), false, null, Locale.ENGLISH);
            assertThat(first.contacts().count(first.principal())).isEqualTo(1);
            assertThat(first.contacts().get(first.principal(), ida.id()).data().familyName()).isEqualTo("Krause");
            assertThat(first.audit().verify(first.principal()).ok()).isTrue();
        }
        try (Workspace again = TestWorkspaces.open(dir)) {
            assertThat(again.contacts().count(again.principal())).isEqualTo(1);
            assertThat(again.audit().verify(again.principal()).ok()).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tempFile"))
                    .noneMatch(n -> n.endsWith(".lock.db"));
        }
    }
}
