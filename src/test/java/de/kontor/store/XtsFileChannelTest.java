package de.kontor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK-AES channel must be byte-compatible with H2's own {@code CIPHER=AES} files in both
 * directions, on real files: existing databases and backups are read without conversion.
 */
class XtsFileChannelTest {
    private static final String FILE_PASSWORD = "4f1c0a9e2b7d6c5a8e3f1b0d9c7a6e5f4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a";
    private static final String MARKER = "Zyxqwmarker";

    @TempDir
    Path dir;

    @Test
    void readsAndWritesDatabasesThatH2EncryptedItself() throws SQLException, IOException {
        String h2Url = "jdbc:h2:file:" + dir.resolve("db") + ";CIPHER=AES";
        try (Connection c = DriverManager.getConnection(h2Url, "U", FILE_PASSWORD + " pw")) {
            fill(c, 0, 3000);
        }
        String path = XtsFileSystem.open(dir.resolve("db").toString(), FILE_PASSWORD);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + path, "U", "pw")) {
                assertThat(count(c)).isEqualTo(3000);
                assertThat(value(c, 2999)).isEqualTo(MARKER + " 2999");
                fill(c, 3000, 3000);
            }
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + path, "U", "pw"); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        } finally {
            XtsFileSystem.close(path);
        }
        try (Connection c = DriverManager.getConnection(h2Url, "U", FILE_PASSWORD + " pw")) {
            assertThat(count(c)).isEqualTo(6000);
            assertThat(value(c, 5999)).isEqualTo(MARKER + " 5999");
        }
        String raw = new String(Files.readAllBytes(dir.resolve("db.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("H2encrypt\n").doesNotContain(MARKER);
    }

    @Test
    void unalignedWritesReadBackAsH2WroteThem() throws IOException {
        byte[] password = XtsFileSystem.passwordBytes(FILE_PASSWORD);
        Random random = new Random(7);
        byte[] model = new byte[0];
        Path h2File = dir.resolve("h2.bin");
        try (FileChannel h2 = new FileEncrypt("h2", password.clone(), open(h2File))) {
            // H2's channel reads whole sectors past the end on unaligned writes, so it gets
            // sector-aligned writes anywhere (as MVStore writes) and one unaligned append last
            for (int i = 0; i <= 60; i++) {
                byte[] chunk = new byte[i < 60 ? XtsFileChannel.SECTOR * (1 + random.nextInt(3)) : 1 + random.nextInt(4095)];
                int pos = i < 60 ? XtsFileChannel.SECTOR * random.nextInt(model.length / XtsFileChannel.SECTOR + 1) : model.length;
                random.nextBytes(chunk);
                h2.write(ByteBuffer.wrap(chunk), pos);
                model = Arrays.copyOf(model, Math.max(model.length, pos + chunk.length));
                System.arraycopy(chunk, 0, model, pos, chunk.length);
            }
        }
        try (FileChannel ours = new XtsFileChannel("ours", password, open(h2File), new SecureRandom())) {
            assertThat(ours.size()).isEqualTo(model.length);
            assertThat(readAll(ours, model.length)).isEqualTo(model);
            ByteBuffer middle = ByteBuffer.allocate(5000);
            assertThat(ours.read(middle, 1234)).isEqualTo(5000);
            assertThat(middle.array()).isEqualTo(Arrays.copyOfRange(model, 1234, 6234));
            for (int i = 0; i < 300; i++) { // pages are read at any offset and length, into any buffer
                int pos = random.nextInt(model.length);
                int len = 1 + random.nextInt(Math.min(3 * XtsFileChannel.SECTOR, model.length - pos));
                boolean direct = i % 3 == 0;
                ByteBuffer into = direct ? ByteBuffer.allocateDirect(len + 7) : ByteBuffer.allocate(len + 7);
                into.position(7);
                assertThat(ours.read(into, pos)).isEqualTo(len);
                byte[] got = new byte[len];
                into.position(7);
                into.get(got);
                assertThat(got).as("read of %d at %d", len, pos).isEqualTo(Arrays.copyOfRange(model, pos, pos + len));
            }
        }

        Path ourFile = dir.resolve("ours.bin");
        byte[] expected = new byte[0];
        try (FileChannel ours = new XtsFileChannel("ours", password, open(ourFile), new SecureRandom())) {
            for (int i = 0; i < 200; i++) {
                int pos = random.nextInt(expected.length + 1);
                byte[] chunk = new byte[1 + random.nextInt(9000)];
                random.nextBytes(chunk);
                ByteBuffer direct = ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
                ours.write(i % 2 == 0 ? ByteBuffer.wrap(chunk) : direct, pos);
                expected = Arrays.copyOf(expected, Math.max(expected.length, pos + chunk.length));
                System.arraycopy(chunk, 0, expected, pos, chunk.length);
            }
            ours.truncate(expected.length - 100);
            expected = Arrays.copyOf(expected, expected.length - 100);
        }
        try (FileChannel h2 = new FileEncrypt("h2", password.clone(), open(ourFile))) {
            assertThat(h2.size()).isEqualTo(expected.length);
            assertThat(readAll(h2, expected.length)).isEqualTo(expected);
        }
    }

    @Test
    void aWrongPasswordReadsNothingUseful() throws IOException {
        Path file = dir.resolve("secret.bin");
        byte[] plain = (MARKER + " ").repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ours = new XtsFileChannel("f", XtsFileSystem.passwordBytes(FILE_PASSWORD), open(file), new SecureRandom())) {
            ours.write(ByteBuffer.wrap(plain), 0);
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
        try (FileChannel other = new XtsFileChannel("f", XtsFileSystem.passwordBytes("0" + FILE_PASSWORD.substring(1)), open(file),
                new SecureRandom())) {
            assertThat(new String(readAll(other, plain.length), StandardCharsets.UTF_8)).doesNotContain(MARKER);
        }
    }

    @Test
    void streamsUnderTheSchemeAreEncryptedAndKeepTheirLength() throws IOException {
        // what H2's BACKUP TO and Database.backupTo write: a zip under the database's cipher
        String base = XtsFileSystem.open(dir.resolve("db").toString(), FILE_PASSWORD);
        try {
            String name = XtsFileSystem.sibling(base, dir.resolve("backup.zip").toString());
            byte[] text = (MARKER + " ").repeat(3000).getBytes(StandardCharsets.UTF_8);
            try (java.io.OutputStream out = org.h2.store.fs.FileUtils.newOutputStream(name, false)) {
                for (int i = 0; i < text.length; i += 100) {
                    out.write(text, i, Math.min(100, text.length - i));
                }
            }
            assertThat(new String(Files.readAllBytes(dir.resolve("backup.zip")), StandardCharsets.ISO_8859_1))
                    .startsWith("H2encrypt\n").doesNotContain(MARKER);
            assertThat(org.h2.store.fs.FileUtils.size(name)).isEqualTo(text.length);
            try (java.io.InputStream in = org.h2.store.fs.FileUtils.newInputStream(name)) {
                assertThat(in.readAllBytes()).isEqualTo(text);
            }
        } finally {
            XtsFileSystem.close(base);
        }
    }

    @Test
    void lengthsThatBecomeWholeSectorsOrStopBeingThemSurviveReopening() throws IOException {
        byte[] password = XtsFileSystem.passwordBytes(FILE_PASSWORD);
        Path file = dir.resolve("grow.bin");
        byte[] data = new byte[3 * XtsFileChannel.SECTOR];
        new Random(3).nextBytes(data);
        try (FileChannel c = new XtsFileChannel("f", password, open(file), new SecureRandom())) {
            c.write(ByteBuffer.wrap(data, 0, 5000), 0);
            c.write(ByteBuffer.wrap(data, 5000, 2 * XtsFileChannel.SECTOR - 5000), 5000);
        }
        try (FileChannel c = new XtsFileChannel("f", password, open(file), new SecureRandom())) {
            assertThat(c.size()).isEqualTo(2 * XtsFileChannel.SECTOR);
            assertThat(readAll(c, 2 * XtsFileChannel.SECTOR)).isEqualTo(Arrays.copyOf(data, 2 * XtsFileChannel.SECTOR));
            c.truncate(5000);
        }
        try (FileChannel h2 = new FileEncrypt("h2", password.clone(), open(file))) {
            assertThat(h2.size()).isEqualTo(5000);
            assertThat(readAll(h2, 5000)).isEqualTo(Arrays.copyOf(data, 5000));
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static byte[] readAll(FileChannel channel, int length) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(length);
        while (all.hasRemaining()) {
            if (channel.read(all, all.position()) < 0) {
                break;
            }
        }
        return all.array();
    }

    private static void fill(Connection c, int from, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t(id INT PRIMARY KEY, v VARCHAR(100))");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = from; i < from + n; i++) {
                p.setInt(1, i);
                p.setString(2, MARKER + " " + i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String value(Connection c, int id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
            p.setInt(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
