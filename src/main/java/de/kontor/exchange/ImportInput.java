package de.kontor.exchange;

import de.kontor.domain.KontorException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An import file read once, as a stream, never whole into memory: the SHA-256 of its bytes is
 * computed while they are read (the preview's "file changed since" check), and the first
 * {@value #HEAD} bytes can be looked at before reading (binary? blank? which delimiter?).
 */
final class ImportInput implements Closeable {
    /** How much of the start of the file is looked at before reading. */
    static final int HEAD = 64 * 1024;

    private final Path file;
    private final MessageDigest digest;
    private final BufferedInputStream in;
    private final byte[] head;
    private final boolean whole;

    private ImportInput(Path file, MessageDigest digest, BufferedInputStream in, byte[] head, boolean whole) {
        this.file = file;
        this.digest = digest;
        this.in = in;
        this.head = head;
        this.whole = whole;
    }

    /**
     * Opens the file.
     *
     * @throws KontorException when it is missing or cannot be read
     */
    static ImportInput open(Path file) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new KontorException(e, "import.fileMissing", file.toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, digest), HEAD + 1);
            in.mark(HEAD + 1);
            byte[] start = in.readNBytes(HEAD + 1);
            in.reset();
            boolean whole = start.length <= HEAD;
            return new ImportInput(file, digest, in, whole ? start : Arrays.copyOf(start, HEAD), whole);
        } catch (NoSuchAlgorithmException e) {
            closeQuietly(raw, e);
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (IOException e) {
            closeQuietly(raw, e);
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
    }

    private static void closeQuietly(InputStream s, Exception cause) {
        try {
            s.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** The first bytes of the file (all of it when {@link #whole}). */
    byte[] head() {
        return head;
    }

    /** Whether {@link #head} is the whole file. */
    boolean whole() {
        return whole;
    }

    /** The file's bytes from its start; read them once. */
    InputStream stream() {
        return in;
    }

    /** The SHA-256 of the whole file (what is not read yet is read now, without keeping it). */
    String sha256() {
        try {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads the whole file only to hash it (the import of a previewed file compares it first). */
    static String sha256(Path file) {
        try (ImportInput input = open(file)) {
            return input.sha256();
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded: only the digest of the bytes is wanted
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded: only the digest of the bytes is wanted
        }
    }

    /**
     * The lines of a stream, one at a time, each decoded strictly: a line that is not valid in
     * the encoding is marked {@link #bad} (and decoded leniently, so the line count stays right)
     * and refused by the reader, never imported as mojibake. In an encoding whose line breaks
     * are not single bytes (UTF-16, UTF-32) lines cannot be told apart without decoding: bad
     * bytes there end the reading with a {@link CharacterCodingException}.
     */
    static final class Lines {
        private final InputStream bytes;
        private final BufferedReader chars;
        private final Charset charset;
        private final CharsetDecoder strict;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int limit;
        private boolean eof;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private final StringBuilder charLine = new StringBuilder(256);
        private long number;
        private boolean bad;
        private String terminator = "";

        Lines(InputStream in, Charset charset) {
            this.charset = charset;
            this.strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            if (ImportText.asciiCompatible(charset)) {
                this.bytes = in;
                this.chars = null;
            } else {
                this.bytes = null;
                this.chars = new BufferedReader(new InputStreamReader(in, strict));
            }
        }

        /** The next line without its line break, or null at the end of the file. */
        String next() throws IOException {
            return bytes != null ? nextBytes() : nextChars();
        }

        /** The 1-based number of the line {@link #next} returned last. */
        long number() {
            return number;
        }

        /** Whether that line is not valid in the encoding. */
        boolean bad() {
            return bad;
        }

        /** The line break that ended that line: "\n", "\r\n", or "" for the last line without one. */
        String terminator() {
            return terminator;
        }

        private String nextBytes() throws IOException {
            line.reset();
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        if (!any) {
                            return null;
                        }
                        terminator = "";
                        return finish(line.toByteArray(), line.size());
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                line.write(buffer, start, pos - start);
                if (pos < limit) {
                    pos++; // the '\n'
                    byte[] b = line.toByteArray();
                    int n = b.length;
                    if (n > 0 && b[n - 1] == '\r') {
                        n--;
                        terminator = "\r\n";
                    } else {
                        terminator = "\n";
                    }
                    return finish(b, n);
                }
            }
        }

        private boolean fill() throws IOException {
            int n = bytes.read(buffer);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        private String finish(byte[] b, int n) {
            number++;
            try {
                strict.reset();
                bad = false;
                return strict.decode(ByteBuffer.wrap(b, 0, n)).toString();
            } catch (CharacterCodingException e) {
                bad = true;
                return new String(b, 0, n, charset); // replaces the bad bytes; the line is refused
            }
        }

        private String nextChars() throws IOException {
            charLine.setLength(0);
            boolean any = false;
            int c;
            while ((c = chars.read()) >= 0) {
                any = true;
                if (c == '\n') {
                    break;
                }
                charLine.append((char) c);
            }
            if (!any) {
                return null;
            }
            number++;
            bad = false;
            int n = charLine.length();
            if (c == '\n') {
                boolean cr = n > 0 && charLine.charAt(n - 1) == '\r';
                terminator = cr ? "\r\n" : "\n";
                return charLine.substring(0, cr ? n - 1 : n);
            }
            terminator = "";
            return charLine.toString();
        }
    }
}
