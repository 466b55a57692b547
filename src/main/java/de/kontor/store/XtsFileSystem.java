package de.kontor.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2 file system {@code kontor-xts:HANDLE:/path}: every file H2 opens under it, except its
 * lock and trace files, is a {@link XtsFileChannel}. H2 finds file systems by name in a
 * JVM-wide registry and creates the path objects itself, so the file passwords cannot be
 * handed in by constructor: they sit here under a handle, a hash of the (random, per
 * database) password that keeps secrets out of the URL and so out of error messages, from
 * {@link #open} until the last {@link #close} for that handle (in {@link XtsKeys}, the one
 * static state the architecture rules allow). See decision record 0009.
 */
public final class XtsFileSystem extends FilePathWrapper {
    static final String SCHEME = "kontor-xts";

    static {
        FilePath.register(new XtsFileSystem());
    }

    /** H2 creates instances reflectively; they carry no state beyond their name. */
    public XtsFileSystem() {
        // name and base are set by FilePathWrapper
    }

    /**
     * Makes {@code filePassword} available to H2 for files under {@code base} and returns the
     * H2 path prefix to use ({@code kontor-xts:HANDLE:base}). Each call needs one {@link #close}.
     */
    static String open(String base, String filePassword) {
        String handle = handle(filePassword);
        XtsKeys.retain(handle, passwordBytes(filePassword));
        return SCHEME + ":" + handle + ":" + base;
    }

    /** Forgets the password once nothing uses {@code path} (as returned by {@link #open}) any more. */
    static void close(String path) {
        XtsKeys.release(handleOf(path));
    }

    /** {@code file} under the same cipher and password as {@code path} (as returned by {@link #open}). */
    static String sibling(String path, String file) {
        return SCHEME + ":" + handleOf(path) + ":" + file;
    }

    /** The byte form of a file password that H2 itself hands to its cipher for {@code CIPHER=AES}. */
    static byte[] passwordBytes(String filePassword) {
        byte[] b = new byte[filePassword.length() * 2];
        for (int i = 0; i < filePassword.length(); i++) {
            b[2 * i + 1] = (byte) filePassword.charAt(i);
        }
        return b;
    }

    /**
     * From the password alone (it is random per database): two processes that name the folder
     * differently (a link) still find the same H2 database name's key.
     */
    private static String handle(String filePassword) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("kontor-xts handle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(filePassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static String handleOf(String path) {
        String rest = path.substring(SCHEME.length() + 1);
        return rest.substring(0, rest.indexOf(':'));
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    protected String getPrefix() {
        return SCHEME + ":" + handleOf(name) + ":";
    }

    @Override
    protected FilePath unwrap(String fileName) {
        String rest = fileName.substring(SCHEME.length() + 1);
        return FilePath.get(rest.substring(rest.indexOf(':') + 1));
    }

    private boolean encrypted() {
        return !name.endsWith(".lock.db") && !name.endsWith(".trace.db");
    }

    @Override
    public long size() {
        long raw = getBase().size();
        return encrypted() ? XtsFileChannel.dataLength(raw) : raw;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel raw = getBase().open(mode);
        if (mode.contains("w")) {
            restrict();
        }
        if (!encrypted()) {
            return raw;
        }
        byte[] password = XtsKeys.password(handleOf(name));
        if (password == null) {
            raw.close();
            throw new IOException("no key for " + getBase());
        }
        // a new generator per file: only a new file's salt is drawn from it
        return new XtsFileChannel(getBase().toString(), password, raw, new SecureRandom());
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        // buffered: every unaligned write costs a read, decryption and encryption of a sector
        if (encrypted()) {
            return new java.io.BufferedOutputStream(newFileChannelOutputStream(open("rw"), append), 1 << 16);
        }
        OutputStream out = super.newOutputStream(append);
        restrict();
        return out;
    }

    @Override
    public boolean createFile() {
        boolean created = super.createFile();
        if (created) {
            restrict();
        }
        return created;
    }

    /** Every file H2 writes here (database, temp file, lock file, backup zip) is owner-only. */
    private void restrict() {
        String base = getBase().toString();
        de.kontor.security.OwnerOnlyFiles.restrict(
                java.nio.file.Path.of(base.startsWith("file:") ? base.substring("file:".length()) : base));
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return encrypted() ? new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(open("r")), 1 << 16)
                : super.newInputStream();
    }
}
