package de.kontor.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Kontor keeps its files: the encrypted H2 database and the key-slot file. The default
 * is the operating system's per-user data folder; {@code --data DIR} chooses another.
 */
public record DataFolder(Path dir) {
    public static final String DB_NAME = "kontor";

    public DataFolder {
        dir = dir.toAbsolutePath().normalize();
    }

    /** The per-user default: $XDG_DATA_HOME/kontor, %APPDATA%\Kontor, ~/Library/Application Support/Kontor. */
    public static DataFolder defaultFor(Map<String, String> env, String osName, String userHome) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? Path.of(userHome, "AppData", "Roaming") : Path.of(appData);
            return new DataFolder(base.resolve("Kontor"));
        }
        if (os.contains("mac")) {
            return new DataFolder(Path.of(userHome, "Library", "Application Support", "Kontor"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(userHome, ".local", "share") : Path.of(xdg);
        return new DataFolder(base.resolve("kontor"));
    }

    public static DataFolder systemDefault() {
        return defaultFor(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    public Path keySlots() {
        return dir.resolve("keyslots.json");
    }

    /** The H2 file (H2 appends .mv.db to the base name). */
    public Path databaseFile() {
        return dir.resolve(DB_NAME + ".mv.db");
    }

    Path databaseBase() {
        return dir.resolve(DB_NAME);
    }

    public boolean hasDatabase() {
        return java.nio.file.Files.isRegularFile(keySlots()) || java.nio.file.Files.isRegularFile(databaseFile());
    }
}
