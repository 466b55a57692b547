package de.kontor.store;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.h2.security.SHA256;
import org.h2.store.fs.FileBaseDefault;

/**
 * A file encrypted in H2's own format (the one {@code CIPHER=AES} writes): a 4 KiB header
 * {@code "H2encrypt\n"} with an 8-byte salt, then 4 KiB sectors in AES-128 XTS under a key
 * from PBKDF2-HMAC-SHA256 (10 iterations) of the file password. H2 runs the cipher in pure
 * Java, 16 bytes at a time; this does the same transformation through the JDK's AES, which
 * uses the processor's AES instructions, a whole sector per call. Files written by either
 * read with the other (tested), so existing databases need no conversion.
 *
 * <p>Threads: reads and whole-sector writes inside or at the end of an aligned file share a
 * lock and run in parallel (MVStore's readers and its chunk writer); a write that covers a
 * sector only partly (read-modify-write of the sector, which would lose a neighbour's bytes
 * written at the same time) or changes an unaligned length, and truncation, hold it alone.
 * The length changes only under that lock or, for whole-sector growth, under {@code sizeLock}.
 */
final class XtsFileChannel extends FileBaseDefault {
    static final int SECTOR = 4096;
    private static final int MASK = SECTOR - 1;
    private static final int HEADER_LENGTH = SECTOR;
    private static final String MAGIC = "H2encrypt\n";
    private static final int SALT_LENGTH = 8;
    private static final int ITERATIONS = 10;
    private static final long FEEDBACK = 0x87;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final FileChannel base;
    private final byte[] password;
    private final SecureRandom random;
    private final ConcurrentLinkedQueue<Ciphers> pool = new ConcurrentLinkedQueue<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object sizeLock = new Object();
    private volatile SecretKeySpec key;
    private volatile long size;

    /** {@code password}: the file password's bytes as H2 hands them to its cipher. */
    XtsFileChannel(String name, byte[] password, FileChannel base, SecureRandom random) {
        this.name = name;
        this.base = base;
        this.password = password.clone(); // the caller may clear its copy once the database is closed
        this.random = random;
    }

    /** Reads the salt (or writes a new header) on first use, as H2 does, so a locked file is not touched. */
    private SecretKeySpec key() throws IOException {
        SecretKeySpec k = key;
        return k != null ? k : init();
    }

    private synchronized SecretKeySpec init() throws IOException {
        if (key != null) {
            return key;
        }
        long raw = base.size();
        byte[] salt = new byte[SALT_LENGTH];
        if (raw >= HEADER_LENGTH) {
            readFully(base, MAGIC.length(), ByteBuffer.wrap(salt));
            size = dataLength(raw);
        } else {
            random.nextBytes(salt);
            byte[] header = Arrays.copyOf(MAGIC.getBytes(StandardCharsets.ISO_8859_1), SECTOR);
            System.arraycopy(salt, 0, header, MAGIC.length(), SALT_LENGTH);
            writeFully(base, 0, ByteBuffer.wrap(header));
        }
        // a copy: H2's PBKDF2 clears the password array it is given
        key = new SecretKeySpec(SHA256.getPBKDF2(password.clone(), salt, ITERATIONS, 16), "AES");
        return key;
    }

    /**
     * The data length of a file of {@code raw} bytes: without the header, and for a length that
     * is not a whole sector without the extra sector H2 appends to mark it.
     */
    static long dataLength(long raw) {
        long data = Math.max(0, raw - HEADER_LENGTH);
        return (data & MASK) != 0 ? data - SECTOR : data;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int len = dst.remaining();
        if (len == 0) {
            return 0;
        }
        SecretKeySpec k = key();
        if (position < 0) {
            throw new IllegalArgumentException("pos: " + position);
        }
        Lock shared = lock.readLock();
        shared.lock();
        try {
            return readLocked(dst, position, len, k);
        } finally {
            shared.unlock();
        }
    }

    private int readLocked(ByteBuffer dst, long position, int len, SecretKeySpec k) throws IOException {
        if (position >= size) {
            return -1;
        }
        len = (int) Math.min(len, size - position);
        long start = position & ~MASK;
        int offset = (int) (position - start);
        if (!dst.hasArray()) {
            int aligned = (offset + len + MASK) & ~MASK;
            ByteBuffer temp = ByteBuffer.allocate(aligned);
            readSectors(temp, start, k);
            temp.position(offset).limit(offset + len);
            dst.put(temp);
            return len;
        }
        // MVStore reads pages at any offset: the whole sectors go straight into the caller's
        // array; only a partial first and last sector pass through a sector-sized buffer
        byte[] out = dst.array();
        int at = dst.arrayOffset() + dst.position();
        int done = 0;
        if (offset != 0 || len < SECTOR) {
            done = Math.min(SECTOR - offset, len);
            System.arraycopy(sector(start, k), offset, out, at, done);
        }
        int whole = (len - done) & ~MASK;
        if (whole > 0) {
            ByteBuffer middle = ByteBuffer.wrap(out, at + done, whole);
            readFully(base, position + done + HEADER_LENGTH, middle);
            crypt(false, (position + done) / SECTOR, out, at + done, whole, k);
            done += whole;
        }
        if (done < len) {
            System.arraycopy(sector(position + done, k), 0, out, at + done, len - done);
        }
        dst.position(dst.position() + len);
        return len;
    }

    /** One decrypted sector at {@code position} (a multiple of the sector size). */
    private byte[] sector(long position, SecretKeySpec k) throws IOException {
        byte[] one = new byte[SECTOR];
        readFully(base, position + HEADER_LENGTH, ByteBuffer.wrap(one));
        crypt(false, position / SECTOR, one, 0, SECTOR, k);
        return one;
    }

    private void readSectors(ByteBuffer dst, long position, SecretKeySpec k) throws IOException {
        int from = dst.position();
        int len = dst.remaining();
        readFully(base, position + HEADER_LENGTH, dst);
        crypt(false, position / SECTOR, dst.array(), dst.arrayOffset() + from, len, k);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("pos: " + position);
        }
        SecretKeySpec k = key();
        int len = src.remaining();
        if ((position & MASK) == 0 && (len & MASK) == 0) {
            Lock shared = lock.readLock();
            shared.lock();
            try {
                if ((size & MASK) == 0) {
                    // whole sectors of an aligned file: no sector is read back, no length marker moves
                    writeSectors(src, position, len, k);
                    synchronized (sizeLock) {
                        size = Math.max(size, position + len);
                    }
                    return len;
                }
            } finally {
                shared.unlock();
            }
        }
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            return writePartial(src, position, len, k);
        } finally {
            exclusive.unlock();
        }
    }

    private void writeSectors(ByteBuffer src, long position, int len, SecretKeySpec k) throws IOException {
        ByteBuffer plain = ByteBuffer.allocate(len);
        plain.put(src);
        crypt(true, position / SECTOR, plain.array(), 0, len, k);
        plain.clear();
        writeFully(base, position + HEADER_LENGTH, plain);
    }

    /** A write that covers sectors partly or changes an unaligned length; the caller holds the lock alone. */
    private int writePartial(ByteBuffer src, long position, int len, SecretKeySpec k) throws IOException {
        long start = position & ~MASK;
        int offset = (int) (position - start);
        int aligned = (offset + len + MASK) & ~MASK;
        ByteBuffer plain = ByteBuffer.allocate(aligned);
        if (offset != 0 || (len & MASK) != 0) {
            // read-modify-write of the partly covered sectors
            long available = Math.min(aligned, ((size - start + MASK) & ~MASK));
            if (available > 0) {
                plain.limit((int) available);
                readSectors(plain, start, k);
                plain.clear();
            }
        }
        plain.position(offset);
        plain.put(src);
        crypt(true, start / SECTOR, plain.array(), 0, aligned, k);
        plain.clear();
        writeFully(base, start + HEADER_LENGTH, plain);
        long end = position + len;
        long before = size;
        if (end >= before) {
            size = end;
            int plus = (int) (end & MASK);
            if (plus != 0) {
                // H2's convention for a length that is not a whole sector: the raw file
                // is one sector plus that remainder longer than the data (see dataLength)
                writeFully(base, start + HEADER_LENGTH + aligned, ByteBuffer.allocate(plus));
            } else if ((before & MASK) != 0 && base.size() > HEADER_LENGTH + end) {
                // the remainder marker of the shorter, unaligned length must go
                base.truncate(HEADER_LENGTH + end);
            }
        }
        return len;
    }

    /** XTS over whole sectors: tweak T(j) = AES(sector) * alpha^j, C = AES(P xor T) xor T. */
    private void crypt(boolean encrypt, long sector, byte[] data, int offset, int len, SecretKeySpec k) throws IOException {
        Ciphers c = pool.poll();
        if (c == null) {
            c = new Ciphers(k);
        }
        try {
            // separate input and output arrays: in place, the JDK copies the input first
            for (int s = 0; s < len; s += SECTOR, sector++) {
                LONGS.set(c.sectorNumber, 0, sector);
                c.encrypt.doFinal(c.sectorNumber, 0, 16, c.tweak, 0);
                long lo = (long) LONGS.get(c.tweak, 0);
                long hi = (long) LONGS.get(c.tweak, 8);
                int from = offset + s;
                xorTweaks(data, from, data, from, lo, hi);
                (encrypt ? c.encrypt : c.decrypt).doFinal(data, from, SECTOR, c.sector, 0);
                xorTweaks(c.sector, 0, data, from, lo, hi);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("AES failed on " + name, e);
        } finally {
            pool.offer(c);
        }
    }

    /** {@code to = from xor T(j)} block by block over one sector, T(j+1) = T(j) * alpha in GF(2^128). */
    private static void xorTweaks(byte[] from, int fromAt, byte[] to, int toAt, long lo, long hi) {
        for (int i = 0; i < SECTOR; i += 16) {
            LONGS.set(to, toAt + i, (long) LONGS.get(from, fromAt + i) ^ lo);
            LONGS.set(to, toAt + i + 8, (long) LONGS.get(from, fromAt + i + 8) ^ hi);
            long carry = hi >>> 63;
            hi = (hi << 1) | (lo >>> 63);
            lo = (lo << 1) ^ (carry * FEEDBACK);
        }
    }

    @Override
    public long size() throws IOException {
        key();
        return size;
    }

    @Override
    protected void implTruncate(long newSize) throws IOException {
        key();
        if (newSize < 0) {
            throw new IllegalArgumentException("newSize: " + newSize);
        }
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            truncateLocked(newSize);
        } finally {
            exclusive.unlock();
        }
    }

    private void truncateLocked(long newSize) throws IOException {
        if (newSize > size) {
            return;
        }
        long raw = newSize + HEADER_LENGTH + ((newSize & MASK) != 0 ? SECTOR : 0);
        if (base.size() < raw) {
            // an unaligned length needs the longer raw file (see dataLength), even when cut from an aligned one
            writeFully(base, base.size(), ByteBuffer.allocate((int) (raw - base.size())));
        }
        base.truncate(raw);
        size = newSize;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        base.close();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void readFully(FileChannel file, long pos, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            int n = file.read(dst, pos);
            if (n < 0) {
                throw new EOFException();
            }
            pos += n;
        }
    }

    private static void writeFully(FileChannel file, long pos, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            pos += file.write(src, pos);
        }
    }

    /** One thread's AES/ECB ciphers and buffers; {@code Cipher} is not thread-safe, so they are pooled. */
    private static final class Ciphers {
        final Cipher encrypt;
        final Cipher decrypt;
        final byte[] sectorNumber = new byte[16];
        final byte[] tweak = new byte[16];
        final byte[] sector = new byte[SECTOR];

        Ciphers(SecretKeySpec k) throws IOException {
            try {
                encrypt = Cipher.getInstance("AES/ECB/NoPadding");
                encrypt.init(Cipher.ENCRYPT_MODE, k);
                decrypt = Cipher.getInstance("AES/ECB/NoPadding");
                decrypt.init(Cipher.DECRYPT_MODE, k);
            } catch (GeneralSecurityException e) {
                throw new IOException("AES is not available", e);
            }
        }
    }
}
