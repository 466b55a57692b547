package de.kontor.exchange;

import de.kontor.domain.KontorException;
import de.kontor.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file so that it is either complete or absent: into a temporary file in the same
 * folder, then moved into place. Gives clear messages for a missing folder or one without write
 * permission, and returns the SHA-256 of what was written.
 */
public final class OutputFile {
    /** Writes bytes to the file; {@code body} gets a stream. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private OutputFile() {}

    /** The result: where it is, how big, and its SHA-256 (lower-case hex). */
    public record Written(Path path, long size, String sha256) {}

    public static Written write(Path target, byte[] bytes) {
        return write(target, out -> out.write(bytes));
    }

    public static Written write(Path target, Body body) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new KontorException("export.folderMissing", dir == null ? file.toString() : dir.toString());
        }
        if (Files.isDirectory(file)) {
            throw new KontorException("export.isFolder", file.toString());
        }
        Path tmp;
        try {
            tmp = OwnerOnlyFiles.createTempFile(dir, "." + file.getFileName(), ".part");
        } catch (AccessDeniedException e) {
            throw new KontorException(e, "export.notWritable", dir.toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream raw = OwnerOnlyFiles.newOutputStream(tmp);
                    DigestOutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16), sha)) {
                body.write(out);
                out.flush();
                size = Files.size(tmp);
            }
            size = Files.size(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Written(file, size, HexFormat.of().formatHex(sha.digest()));
        } catch (AccessDeniedException e) {
            throw new KontorException(e, "export.notWritable", file.toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the temporary file is gone or was moved
                org.slf4j.LoggerFactory.getLogger(OutputFile.class)
                        .warn("A temporary export file could not be removed: {}", e.getClass().getSimpleName());
            }
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
