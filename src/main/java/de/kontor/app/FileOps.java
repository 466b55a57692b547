package de.kontor.app;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file operations of init, backup and restore that must never lose the live database.
 * Tests replace it to make one operation fail (a locked file on Windows, a full disk) or to
 * stop the process at a chosen step; {@link RealFileOps} is the default.
 */
public interface FileOps {
    /** Moves {@code from} to {@code to}, replacing it, atomically where the file system can, and durably. */
    void move(Path from, Path to) throws IOException;

    /** Deletes a file or an empty folder if it is there. */
    void delete(Path file) throws IOException;

    /** Writes {@code bytes} to {@code file} durably: a unique temporary file, flushed, renamed over it. */
    void write(Path file, byte[] bytes) throws IOException;
}
