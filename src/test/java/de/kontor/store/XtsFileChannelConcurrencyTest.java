package de.kontor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * One encrypted channel used by several threads at once, as H2 does (readers in parallel
 * with its writer, truncation at compaction). Every thread keeps a plain model of the bytes
 * it owns; afterwards the channel, and the file opened again, must hold exactly the models.
 */
class XtsFileChannelConcurrencyTest {
    private static final byte[] PASSWORD = XtsFileSystem.passwordBytes("0123456789abcdef0123456789abcdef");
    /** Regions are not whole sectors, so neighbours share sectors (read-modify-write). */
    private static final int REGION = 3000;
    private static final int WRITERS = 4;
    private static final int BASE = REGION * WRITERS;
    private static final int TAIL = 5 * XtsFileChannel.SECTOR + 123;
    private static final int OPS = 1500;

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    @RepeatedTest(3)
    void writersReadersTruncationAndSizeQueriesKeepEveryonesBytes() throws Exception {
        Path file = dir.resolve("f.mv.db");
        byte[] model = new byte[BASE + TAIL];
        int[] tailLength = {0};
        try (FileChannel c = channel(file)) {
            byte[] first = new byte[BASE];
            new Random(1).nextBytes(first);
            write(c, first, 0);
            System.arraycopy(first, 0, model, 0, BASE);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int from = w * REGION;
                long seed = 100 + w;
                work.add(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < OPS; i++) {
                        int at = from + r.nextInt(REGION);
                        byte[] b = new byte[1 + r.nextInt(from + REGION - at)];
                        r.nextBytes(b);
                        write(c, b, at);
                        System.arraycopy(b, 0, model, at, b.length);
                        if (i % 5 == 0) {
                            int len = 1 + r.nextInt(REGION);
                            int start = from + r.nextInt(REGION - len + 1);
                            same(read(c, start, len), Arrays.copyOfRange(model, start, start + len));
                        }
                    }
                    return null;
                });
            }
            // the tail: grows by writes at its end and shrinks by truncation, the only size changes
            work.add(() -> {
                Random r = new Random(7);
                int length = BASE;
                for (int i = 0; i < OPS; i++) {
                    if (r.nextInt(3) == 0 && length > BASE) {
                        length = BASE + r.nextInt(length - BASE + 1);
                        c.truncate(length);
                    } else {
                        int at = BASE + (length == BASE ? 0 : r.nextInt(length - BASE + 1));
                        byte[] b = new byte[1 + r.nextInt(BASE + TAIL - at)];
                        r.nextBytes(b);
                        write(c, b, at);
                        System.arraycopy(b, 0, model, at, b.length);
                        length = Math.max(length, at + b.length);
                    }
                    assertThat(c.size()).as("size after op %d", i).isEqualTo(length);
                    int len = length - BASE;
                    if (len > 0 && i % 4 == 0) {
                        same(read(c, BASE, len), Arrays.copyOfRange(model, BASE, length));
                    }
                }
                tailLength[0] = length - BASE;
                running.set(false);
                return null;
            });
            // size queries and reads at the moving end: never beyond the range, never an error
            work.add(() -> {
                while (running.get()) {
                    long size = c.size();
                    assertThat(size).isBetween((long) BASE, (long) BASE + TAIL);
                    ByteBuffer last = ByteBuffer.allocate(2 * XtsFileChannel.SECTOR);
                    int n = c.read(last, Math.max(BASE, size - 10));
                    assertThat(n).isLessThanOrEqualTo(last.capacity());
                }
                return null;
            });
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> w : work) {
                done.add(pool.submit(w));
            }
            for (Future<Void> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            int length = BASE + tailLength[0];
            assertThat(c.size()).isEqualTo(length);
            same(read(c, 0, length), Arrays.copyOf(model, length));
        }
        try (FileChannel again = channel(file)) {
            int length = BASE + tailLength[0];
            assertThat(again.size()).as("length after reopening").isEqualTo(length);
            assertThat(XtsFileChannel.dataLength(Files.size(file))).isEqualTo(length);
            same(read(again, 0, length), Arrays.copyOf(model, length));
        }
    }

    @RepeatedTest(3)
    void growingAndTruncatingFromTwoThreadsLeavesTheFileAsLongAsTheChannelSays() throws Exception {
        Path file = dir.resolve("g.mv.db");
        try (FileChannel c = channel(file)) {
            write(c, new byte[BASE], 0);
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long seed = 31 + t;
                boolean grows = t == 0;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < OPS * 2; i++) {
                        if (grows) {
                            long size = c.size();
                            byte[] b = new byte[1 + r.nextInt(2 * XtsFileChannel.SECTOR)];
                            r.nextBytes(b);
                            write(c, b, Math.min(size, BASE + TAIL));
                        } else {
                            c.truncate(BASE + r.nextInt(TAIL));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            long size = c.size();
            assertThat(XtsFileChannel.dataLength(Files.size(file))).as("the file's length says what the channel says")
                    .isEqualTo(size);
            byte[] all = read(c, 0, (int) size);
            try (FileChannel again = channel(file)) {
                assertThat(again.size()).isEqualTo(size);
                same(read(again, 0, (int) size), all);
            }
        }
    }

    /** Equal bytes; on a difference names the first differing position (not thousands of values). */
    private static void same(byte[] actual, byte[] expected) {
        int at = Arrays.mismatch(actual, expected);
        assertThat(at).as("first differing byte of %d (-1: none)", expected.length).isEqualTo(-1);
    }

    private static FileChannel channel(Path file) throws IOException {
        FileChannel raw = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new XtsFileChannel(file.toString(), PASSWORD, raw, new SecureRandom());
    }

    private static void write(FileChannel c, byte[] b, long at) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b);
        while (src.hasRemaining()) {
            at += c.write(src, at);
        }
    }

    private static byte[] read(FileChannel c, long at, int len) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(len);
        while (dst.hasRemaining()) {
            int n = c.read(dst, at + dst.position());
            if (n < 0) {
                throw new java.io.EOFException("at " + (at + dst.position()) + " of " + c.size());
            }
        }
        return dst.array();
    }
}
