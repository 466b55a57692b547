package de.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.SourceKind;
import de.kontor.domain.audit.AuditAction;
import de.kontor.exchange.DuplicateDecision;
import de.kontor.exchange.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every ui text exists in both languages, and every literal key the window uses exists. */
class UiBundleTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiBundleTest.class.getResourceAsStream("/de/kontor/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> uiKeys(Properties p) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("ui.")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void englishAndGermanHaveTheSameUiKeys() throws IOException {
        assertThat(uiKeys(load("messages_de.properties"))).isEqualTo(uiKeys(load("messages.properties")));
    }

    @Test
    void everyLiteralKeyInTheWindowCodeExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern literal = Pattern.compile("\"(ui\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/de/kontor/ui"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumHasALabel() throws IOException {
        Properties en = load("messages.properties");
        Arrays.stream(ContactKind.values()).forEach(k -> assertThat(en).containsKey("ui.contactKind." + k.key()));
        Arrays.stream(SourceKind.values()).forEach(k -> assertThat(en).containsKey("ui.sourceKind." + k.key()));
        Arrays.stream(ActivityKind.values()).forEach(k -> assertThat(en).containsKey("ui.activityKind." + k.key()));
        Arrays.stream(AuditAction.values()).forEach(k -> assertThat(en).containsKey("ui.auditAction." + k.name()));
        Arrays.stream(ImportFormat.values()).forEach(k -> assertThat(en).containsKey("ui.importFormat." + k.key()));
        Arrays.stream(DuplicateDecision.values()).forEach(k -> assertThat(en).containsKey("ui.importDecision." + k.key()));
    }
}
