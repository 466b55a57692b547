package de.kontor.security;

import de.kontor.domain.KontorException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule for every file and folder Kontor writes: only its owner may read or write it.
 * Folders 0700 and files 0600 where the file system has POSIX permissions; on Windows an ACL
 * with one entry, full control for the owner (inherited by what is created inside a folder).
 * File systems with neither (a FAT stick) are left as they are: they have no owners.
 * Files are created with these permissions, not tightened afterwards, where the file system
 * allows it, so no other user can open them in between.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> FILE = Set.copyOf(PosixFilePermissions.fromString("rw-------"));
    public static final Set<PosixFilePermission> FOLDER = Set.copyOf(PosixFilePermissions.fromString("rwx------"));

    private OwnerOnlyFiles() {
    }

    /**
     * A folder only its owner may use, such as the data folder: creates it (and missing
     * parents) owner-only, and tightens it if it was there with wider permissions.
     */
    public static Path ownFolder(Path dir) {
        createDirectories(dir);
        restrict(dir);
        return dir;
    }

    /**
     * Creates {@code dir} and missing parents, each one it creates owner-only. Folders that
     * were there already (a folder the user chose, such as Documents) are left as they are.
     */
    public static Path createDirectories(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        Path parent = abs.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectory(abs);
            }
            restrict(abs);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw new KontorException(e, "error.io", dir.toString(), e.getMessage());
            }
            // another process created it in between: it is its folder to set
        } catch (IOException e) {
            throw new KontorException(e, "error.io", dir.toString(), e.getMessage());
        }
        return dir;
    }

    /** Sets {@code path} (a file or a folder) to owner-only. */
    public static void restrict(Path path) {
        try {
            boolean dir = Files.isDirectory(path);
            PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(dir ? FOLDER : FILE);
                return;
            }
            AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
            if (acl != null) {
                UserPrincipal owner = acl.getOwner();
                AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                        .setPermissions(EnumSet.allOf(AclEntryPermission.class));
                if (dir) {
                    entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
                }
                acl.setAcl(List.of(entry.build()));
            }
        } catch (IOException e) {
            throw new KontorException(e, "error.io", path.toString(), e.getMessage());
        }
    }

    /** Whether {@code path} is owner-only (always true where the file system has no owners). */
    public static boolean isOwnerOnly(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            return posix.readAttributes().permissions().equals(Files.isDirectory(path) ? FOLDER : FILE);
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            return acl.getAcl().stream().allMatch(e -> e.type() != AclEntryType.ALLOW || e.principal().equals(owner));
        }
        return true;
    }

    /**
     * Opens {@code file} for writing (created or truncated), owner-only from its creation on.
     * Extra {@code options} such as {@link StandardOpenOption#CREATE_NEW} are added.
     */
    public static OutputStream newOutputStream(Path file, StandardOpenOption... options) throws IOException {
        Set<StandardOpenOption> opts = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        opts.addAll(List.of(options));
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, opts, fileAttributes(file)));
        try {
            restrict(file);
        } catch (KontorException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** Writes {@code bytes} to {@code file} (created or replaced in place), owner-only. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** A new empty temporary file in {@code dir}, owner-only. */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        Path tmp = Files.createTempFile(dir, prefix, suffix, fileAttributes(dir.resolve("x")));
        restrict(tmp);
        return tmp;
    }

    /** A new temporary folder in {@code dir}, owner-only. */
    public static Path createTempDirectory(Path dir, String prefix) throws IOException {
        Path tmp = posix(dir) ? Files.createTempDirectory(dir, prefix, PosixFilePermissions.asFileAttribute(FOLDER))
                : Files.createTempDirectory(dir, prefix);
        restrict(tmp);
        return tmp;
    }

    private static FileAttribute<?>[] fileAttributes(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return posix(parent) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path existingDir) {
        return existingDir != null && Files.getFileAttributeView(existingDir, PosixFileAttributeView.class) != null
                && existingDir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
