package de.kontor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BundleParityTest {
    private static Set<String> keys(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundleParityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws Exception {
        Set<String> en = keys("/de/kontor/i18n/messages.properties");
        Set<String> de = keys("/de/kontor/i18n/messages_de.properties");
        assertThat(de).as("keys missing in German").containsAll(en);
        assertThat(en).as("keys missing in English").containsAll(de);
        assertThat(en).hasSizeGreaterThan(50);
    }

    @Test
    void everyMessageKeyUsedInTheCodeExists() throws Exception {
        Set<String> en = keys("/de/kontor/i18n/messages.properties");
        java.nio.file.Path src = java.nio.file.Path.of("src/main/java");
        java.util.regex.Pattern key = java.util.regex.Pattern.compile(
                "\"((?:error|validation|password|audit|cli|ui|import|demo|bench|purpose|consent|consentText|basis|smtp|mail|exclusion|erasure|suppression|restriction|retention|certificate|backup|dedupe|concept|request|access|export)\\.[A-Za-z0-9.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(src)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = key.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    if (!en.contains(m.group(1)) && !m.group(1).endsWith(".") && !m.group(1).startsWith("mail.smtp.")
                            && !m.group(1).equals("backup.part") /* a temporary file name in Backups */) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in code but missing in the bundle").isEmpty();
    }

    @Test
    void messagesFormatInBothLanguages() {
        assertThat(new Messages(java.util.Locale.GERMAN).get("validation.email", "x@"))
                .isEqualTo("„x@“ ist keine gültige E-Mail-Adresse.");
        assertThat(new Messages(java.util.Locale.ENGLISH).get("error.validation", 2)).isEqualTo("2 fields are invalid.");
    }
}
