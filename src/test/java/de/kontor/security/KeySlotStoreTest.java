package de.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.domain.KontorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key-slot file on its own: unlock, refusals, damage, slots added and removed, safe writes. */
class KeySlotStoreTest {
    private static final KdfParams CHEAP = new KdfParams(1024, 1, 1);
    private static final String OWNER = "Anna Schmidt";
    private static final char[] PASSWORD = "Korrekt-Pferd-Batterie-9".toCharArray();
    private static final char[] OTHER = "Anderes-Pferd-Batterie-7".toCharArray();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("keyslots.json");
    }

    private KeySlotStore store() {
        return new KeySlotStore(file(), new Argon2Kdf(), new SecureRandom(), CHEAP);
    }

    private static String fingerprint(DatabaseKey key) {
        return key.derive("test");
    }

    @Test
    void unlocksWithTheOwnersPasswordByNameOrAsTheOnlySlot() {
        String created;
        try (DatabaseKey key = store().create(OWNER, PASSWORD)) {
            created = fingerprint(key);
        }
        try (DatabaseKey key = store().unlock(null, PASSWORD)) {
            assertThat(fingerprint(key)).isEqualTo(created);
        }
        try (DatabaseKey key = store().unlock("  anna SCHMIDT ", PASSWORD)) {
            assertThat(fingerprint(key)).isEqualTo(created);
        }
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void theFileNamesNoUser() throws Exception {
        store().create(OWNER, PASSWORD).close();
        store().addSlot(store().unlock(null, PASSWORD), "Ben Krüger", OTHER);
        String text = Files.readString(file()).toLowerCase(Locale.ROOT);
        assertThat(text).doesNotContain("anna").doesNotContain("schmidt").doesNotContain("ben")
                .doesNotContain("krüger").doesNotContain("\"user\"");
        assertThat(json.readTree(file().toFile()).path("format").asInt()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAndChangesNoFile() throws Exception {
        store().create(OWNER, PASSWORD).close();
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> store().unlock(OWNER, OTHER)).isInstanceOfSatisfying(WrongPasswordException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.wrongPassword"));
        assertThatThrownBy(() -> store().unlock(null, OTHER)).isInstanceOfSatisfying(WrongPasswordException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.wrongPasswordOnly"));
        // an unknown user looks like a wrong password: the file does not tell who has a slot
        assertThatThrownBy(() -> store().unlock("Otto", PASSWORD)).isInstanceOf(WrongPasswordException.class);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keyslots.json");
        }
    }

    @Test
    void damagedSlotsSayDamagedNotWrongPassword() throws Exception {
        store().create(OWNER, PASSWORD).close();
        String good = Files.readString(file());
        ObjectNode root = (ObjectNode) json.readTree(good);
        ObjectNode slot = (ObjectNode) root.path("slots").get(0);

        assertDamaged("{\"format\": 2, \"slots\": [");
        assertDamaged("");
        assertDamaged("{\"format\": 99, \"slots\": []}");
        assertDamaged(with(root, slot, "salt", "not*base64!"));
        assertDamaged(with(root, slot, "nonce", Base64.getEncoder().encodeToString(new byte[5])));
        assertDamaged(with(root, slot, "wrappedKey", Base64.getEncoder().encodeToString(new byte[47])));
        byte[] wrapped = Base64.getDecoder().decode(slot.path("wrappedKey").asText());
        wrapped[3] ^= 0x10;
        assertDamaged(with(root, slot, "wrappedKey", Base64.getEncoder().encodeToString(wrapped)));
        ObjectNode noId = slot.deepCopy();
        noId.remove("id");
        ArrayNode slots = json.createArrayNode().add(noId);
        ObjectNode r2 = root.deepCopy();
        r2.set("slots", slots);
        assertDamaged(json.writeValueAsString(r2));

        Files.writeString(file(), good);
        store().unlock(null, PASSWORD).close();
    }

    private String with(ObjectNode root, ObjectNode slot, String field, String value) throws Exception {
        ObjectNode s = slot.deepCopy();
        s.put(field, value);
        ObjectNode r = root.deepCopy();
        r.set("slots", json.createArrayNode().add(s));
        return json.writeValueAsString(r);
    }

    private void assertDamaged(String content) throws Exception {
        Files.writeString(file(), content);
        assertThatThrownBy(() -> store().unlock(null, PASSWORD)).as(content)
                .isExactlyInstanceOf(KontorException.class)
                .satisfies(e -> assertThat(((KontorException) e).messageKey()).isEqualTo("error.keySlotDamaged"));
    }

    @Test
    void slotsAreAddedRemovedAndRewrapped() {
        String created;
        try (DatabaseKey key = store().create(OWNER, PASSWORD)) {
            created = fingerprint(key);
            store().addSlot(key, "Ben", OTHER);
            assertThatThrownBy(() -> store().addSlot(key, "BEN", OTHER)).isInstanceOfSatisfying(KontorException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("error.userExists"));
        }
        assertThat(store().size()).isEqualTo(2);
        try (DatabaseKey key = store().unlock("ben", OTHER)) {
            assertThat(fingerprint(key)).isEqualTo(created);
        }
        assertThatThrownBy(() -> store().unlock(null, PASSWORD)).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.userRequired"));
        assertThatThrownBy(() -> store().unlock("ben", PASSWORD)).isInstanceOf(WrongPasswordException.class);

        store().changePassword("Ben", OTHER, "Drittes-Pferd-Batterie-5".toCharArray());
        assertThatThrownBy(() -> store().unlock("ben", OTHER)).isInstanceOf(WrongPasswordException.class);
        store().unlock("ben", "Drittes-Pferd-Batterie-5".toCharArray()).close();
        assertThat(store().previousFile()).as("the old password must not open a kept copy").doesNotExist();

        store().removeSlot("Ben");
        assertThat(store().size()).isEqualTo(1);
        assertThatThrownBy(() -> store().unlock("ben", "Drittes-Pferd-Batterie-5".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> store().removeSlot(OWNER)).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.lastKeySlot"));
        store().unlock(OWNER, PASSWORD).close();
    }

    @Test
    void aFileThatNamedItsUserStillOpensAndLosesTheName() throws Exception {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String expected;
        try (DatabaseKey key = new DatabaseKey(raw)) {
            expected = fingerprint(key);
        }
        writeNamedFile(raw, OWNER, PASSWORD);

        try (KeySlotStore.Unlocked u = store().unlockSlot(null, PASSWORD)) {
            assertThat(fingerprint(u.key())).isEqualTo(expected);
            assertThat(store().belongsTo(u.slotId(), "anna schmidt")).isTrue();
            assertThat(store().belongsTo(u.slotId(), "Ben")).isFalse();
        }
        assertThat(Files.readString(file())).doesNotContain("Anna").doesNotContain("Schmidt");
        try (DatabaseKey key = store().unlock(OWNER, PASSWORD)) {
            assertThat(fingerprint(key)).isEqualTo(expected);
        }
        assertThatThrownBy(() -> store().unlock(OWNER, OTHER)).isInstanceOf(WrongPasswordException.class);
    }

    /** The format-1 file of earlier versions: the user's name in clear and in the associated data. */
    private void writeNamedFile(byte[] rawKey, String user, char[] password) throws Exception {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        byte[] kek = new Argon2Kdf().derive(password, salt, CHEAP);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(("kontor-keyslot-v1:" + user).getBytes(StandardCharsets.UTF_8));
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        ObjectNode s = root.putArray("slots").addObject();
        s.put("user", user);
        ObjectNode k = s.putObject("kdf");
        k.put("algorithm", "argon2id");
        k.put("memoryKiB", CHEAP.memoryKiB());
        k.put("iterations", CHEAP.iterations());
        k.put("parallelism", CHEAP.parallelism());
        s.put("salt", Base64.getEncoder().encodeToString(salt));
        s.put("nonce", Base64.getEncoder().encodeToString(nonce));
        s.put("wrappedKey", Base64.getEncoder().encodeToString(c.doFinal(rawKey)));
        Files.write(file(), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    @Test
    void leftoverTemporaryFilesAreIgnoredAndCleanedUp() throws Exception {
        store().create(OWNER, PASSWORD).close();
        Path oldFixed = dir.resolve("keyslots.json.tmp");
        Path oldUnique = dir.resolve(".keyslots.json-123456.tmp");
        Path young = dir.resolve(".keyslots.json-999.tmp");
        for (Path p : new Path[] {oldFixed, oldUnique, young}) {
            Files.writeString(p, "{\"format\": 2, \"slots\": [");
        }
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(oldFixed, hourAgo);
        Files.setLastModifiedTime(oldUnique, hourAgo);

        store().unlock(OWNER, PASSWORD).close();
        assertThat(oldFixed).doesNotExist();
        assertThat(oldUnique).doesNotExist();
        assertThat(young).as("a write in progress in another process is left alone").exists();

        store().changePassword(OWNER, PASSWORD, OTHER);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keyslots.json",
                    ".keyslots.json-999.tmp");
        }
        assertThat(OwnerOnlyFiles.isOwnerOnly(file())).isTrue();
        store().unlock(OWNER, OTHER).close();
    }

    @Test
    void thePreviousVersionStandsInForAMissingOrDamagedFile() throws Exception {
        store().create(OWNER, PASSWORD).close();
        Path previous = store().previousFile();

        // a write cut off between keeping the previous version and renaming the new one
        Files.copy(file(), previous);
        Files.writeString(file(), "{\"format\": 2, \"sl");
        store().unlock(OWNER, PASSWORD).close();
        assertThat(json.readTree(file().toFile()).path("format").asInt()).isEqualTo(2);
        assertThat(previous).doesNotExist();

        // a non-atomic rename cut off: only the previous version is there
        Files.move(file(), previous);
        assertThat(store().exists()).isTrue();
        store().unlock(null, PASSWORD).close();
        assertThat(file()).exists();
        assertThat(previous).doesNotExist();

        // both damaged: damaged, and nothing is changed
        Files.writeString(previous, "{");
        Files.writeString(file(), "[");
        assertThatThrownBy(() -> store().unlock(null, PASSWORD)).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.keySlotDamaged"));
        assertThat(Files.readString(file())).isEqualTo("[");
    }

    @Test
    void aStalePreviousVersionIsRemovedOnceTheNewOneIsInPlace() throws Exception {
        store().create(OWNER, PASSWORD).close();
        Path previous = store().previousFile();
        Files.copy(file(), previous);
        store().changePassword(OWNER, PASSWORD, OTHER);
        assertThat(previous).doesNotExist();
        // the crash came after the rename: the kept version (old password) goes at the next read
        Files.copy(file(), previous);
        store().unlock(OWNER, OTHER).close();
        assertThat(previous).doesNotExist();
    }
}
