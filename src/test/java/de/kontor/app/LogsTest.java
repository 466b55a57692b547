package de.kontor.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.util.FileSize;
import de.kontor.domain.KontorException;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogsTest {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @TempDir
    Path data;

    @Test
    void failuresAreLoggedWithKindsAndFramesButNoMessages() throws Exception {
        Path file = Logs.writeTo(data).orElseThrow();
        IllegalStateException failure = new IllegalStateException(
                "INSERT INTO PERSON VALUES ('Wunderlich', 'annegret@example.de')",
                new KontorException(new EOFException("/home/u/Wunderlich.vcf"), "error.io", "Wunderlich.vcf", null));

        LoggerFactory.getLogger("de.kontor.test").error("task failed: {}", Logs.describe(failure), Logs.safe(failure));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("IllegalStateException <- KontorException[error.io] <- EOFException")
                .contains("java.lang.IllegalStateException").contains("java.io.EOFException")
                .contains("\tat de.kontor.app.LogsTest").doesNotContain("Wunderlich").doesNotContain("annegret");
    }

    @Test
    void theFolderAndEveryGenerationAreOwnerOnly() throws Exception {
        Path file = Logs.writeTo(data, FileSize.valueOf("1KB")).orElseThrow();

        for (int i = 0; i < 200; i++) {
            LoggerFactory.getLogger("de.kontor.test").info("line {} of a log that rolls at one kilobyte", i);
        }

        assertThat(file).exists();
        try (Stream<Path> logs = Files.list(file.getParent())) {
            var all = logs.toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(2);
            if (POSIX) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                        .isEqualTo("rwx------");
                for (Path p : all) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                            .isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void aFolderThatDoesNotExistGetsNoLog() {
        assertThat(Logs.writeTo(data.resolve("missing"))).isEmpty();
        assertThat(data.resolve("missing")).doesNotExist();
    }
}
