package de.kontor.ui.settings;

import de.kontor.app.Logs;
import de.kontor.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The window's own preferences (language, theme) in a small properties file beside the
 * database. Holds no personal data.
 */
public final class UiSettings {
    public enum Language {
        SYSTEM, GERMAN, ENGLISH;

        public Locale locale() {
            return switch (this) {
                case SYSTEM -> Locale.getDefault();
                case GERMAN -> Locale.GERMAN;
                case ENGLISH -> Locale.ENGLISH;
            };
        }
    }

    public enum Theme {
        LIGHT, DARK
    }

    private final Path file;
    private Language language = Language.SYSTEM;
    private Theme theme = Theme.LIGHT;
    /** How many automatic backups the data folder keeps. */
    public static final int DEFAULT_GENERATIONS = 7;
    private int backupGenerations = DEFAULT_GENERATIONS;

    private UiSettings(Path file) {
        this.file = file;
    }

    /** Reads the file if it exists; unreadable or unknown values fall back to the defaults. */
    public static UiSettings load(Path file) {
        UiSettings s = new UiSettings(file);
        if (file != null && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
                s.language = parse(Language.class, p.getProperty("language"), Language.SYSTEM);
                s.theme = parse(Theme.class, p.getProperty("theme"), Theme.LIGHT);
                s.backupGenerations = generations(p.getProperty("backupGenerations"));
            } catch (IOException | IllegalArgumentException e) {
                // keep the defaults: the window must still start
                org.slf4j.LoggerFactory.getLogger(UiSettings.class)
                        .warn("Window settings unreadable, defaults used: {}", Logs.describe(e));
            }
        }
        return s;
    }

    public Language language() {
        return language;
    }

    public Theme theme() {
        return theme;
    }

    public int backupGenerations() {
        return backupGenerations;
    }

    public void setBackupGenerations(int generations) {
        if (generations < 1 || generations > 100) {
            throw new IllegalArgumentException("generations " + generations);
        }
        this.backupGenerations = generations;
        save();
    }

    private static int generations(String value) {
        try {
            int n = value == null ? DEFAULT_GENERATIONS : Integer.parseInt(value.strip());
            return n >= 1 && n <= 100 ? n : DEFAULT_GENERATIONS;
        } catch (NumberFormatException e) {
            return DEFAULT_GENERATIONS;
        }
    }

    public void setLanguage(Language language) {
        this.language = language;
        save();
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
        save();
    }

    private void save() {
        if (file == null || !Files.isDirectory(file.getParent())) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("language", language.name());
        p.setProperty("theme", theme.name());
        p.setProperty("backupGenerations", Integer.toString(backupGenerations));
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(OwnerOnlyFiles.newOutputStream(file),
                StandardCharsets.UTF_8))) {
            p.store(w, "Kontor window settings");
        } catch (IOException e) {
            // a setting that is not remembered is no reason to fail
            org.slf4j.LoggerFactory.getLogger(UiSettings.class).warn("Window settings not saved: {}", Logs.describe(e));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
