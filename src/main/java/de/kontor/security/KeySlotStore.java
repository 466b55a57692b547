package de.kontor.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.domain.KontorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-slot file: the database key wrapped (AES-256-GCM) once per user under a key derived
 * from that user's password with Argon2id. A password change rewraps one slot; the database
 * itself is never re-encrypted. Passwords are never stored.
 *
 * <p>No user name is in the file (format 2): a slot carries an opaque id, an HMAC-SHA256 of
 * the lower-case user name under the file's random {@code idSalt}, so login finds the slot
 * from the name the user types, and the id is the slot's AES-GCM associated data. A format 1
 * file named each slot's user in clear; it still opens, and the slot that unlocks is
 * rewritten with an id (under the same Argon2 key, no extra cost) at once.
 *
 * <p>The file is replaced atomically: the new version goes to a unique temporary file that is
 * forced to disk, the current one is kept as {@code keyslots.json.previous} until the new one
 * has been renamed into place and the folder forced, then the previous version is removed
 * (it would still open with a changed or removed password). If the file is missing or damaged
 * and a good previous version is there, that is used and put back, and a warning logged.
 */
public final class KeySlotStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeySlotStore.class);
    private static final int FORMAT_NAMED = 1;
    private static final int FORMAT = 2;
    private static final String AAD_NAMED = "kontor-keyslot-v1:";
    private static final String AAD = "kontor-keyslot-v2:";
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int WRAPPED_BYTES = 32 + 16;
    private static final int ID_BYTES = 16;
    private static final long LEFTOVER_AGE_MILLIS = 60_000;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final Base64.Encoder ID64 = Base64.getUrlEncoder().withoutPadding();

    private final Path file;
    private final Argon2Kdf kdf;
    private final SecureRandom random;
    private final KdfParams params;
    private final ObjectMapper json = new ObjectMapper();
    private final List<KontorException> notices = new ArrayList<>();

    /** The slots and the salt their ids are derived under (null in a format 1 file). */
    private record Slots(byte[] idSalt, List<KeySlot> slots) {}

    /** The unwrapped database key and the id of the slot that held it. */
    public record Unlocked(DatabaseKey key, String slotId) implements AutoCloseable {
        @Override
        public void close() {
            key.close();
        }
    }

    public KeySlotStore(Path file, Argon2Kdf kdf, SecureRandom random, KdfParams params) {
        this.file = file;
        this.kdf = kdf;
        this.random = random;
        this.params = params;
    }

    public Path file() {
        return file;
    }

    /** The previous version, there only while a new one is being written (or after a crash then). */
    public Path previousFile() {
        return file.resolveSibling(file.getFileName() + ".previous");
    }

    public boolean exists() {
        return Files.isRegularFile(file) || Files.isRegularFile(previousFile());
    }

    /** Creates a new random database key and the first slot for {@code user}. */
    public DatabaseKey create(String user, char[] password) {
        if (exists()) {
            throw new KontorException("error.databaseExists", file.getParent().toString());
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        DatabaseKey key = new DatabaseKey(raw);
        Arrays.fill(raw, (byte) 0);
        byte[] idSalt = new byte[SALT_BYTES];
        random.nextBytes(idSalt);
        write(new Slots(idSalt, List.of(wrap(key, idFor(idSalt, user), password))));
        return key;
    }

    /** What the user should be told though nothing failed: the previous version of the file was used. */
    public List<KontorException> notices() {
        return List.copyOf(notices);
    }

    /** How many slots (users) the file holds. */
    public int size() {
        return read().slots().size();
    }

    /** The opaque id that {@code user}'s slot has (or would have) in this file. */
    public String slotId(String user) {
        Slots s = read();
        return s.idSalt() == null ? null : idFor(s.idSalt(), user);
    }

    /**
     * Unwraps the database key with the user's password. With {@code user} null the only slot
     * is used. A wrong password changes no file.
     */
    public DatabaseKey unlock(String user, char[] password) {
        return unlockSlot(user, password).key();
    }

    /**
     * As {@link #unlock}, and says which slot opened. A slot that still names its user (format
     * 1) is rewritten with an opaque id here, after the password was found right.
     */
    public Unlocked unlockSlot(String user, char[] password) {
        Slots all = read();
        KeySlot slot = find(all, user);
        byte[] kek = kdf.derive(password, slot.salt(), slot.kdf());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, slot.nonce()));
            c.updateAAD(aad(slot));
            byte[] raw = c.doFinal(slot.wrappedKey());
            DatabaseKey key;
            try {
                key = new DatabaseKey(raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
            String id = slot.legacy() ? migrate(all, slot, kek, key) : slot.id();
            return new Unlocked(key, id);
        } catch (AEADBadTagException e) {
            throw user == null ? new WrongPasswordException() : new WrongPasswordException(user);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KontorException(e, "error.keySlotDamaged", file.toString());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Whether {@code slotId} (from {@link #unlockSlot}) is {@code user}'s slot. */
    public boolean belongsTo(String slotId, String user) {
        return slotId != null && user != null && slotId.equals(slotId(user));
    }

    /** Rewraps the user's slot under a new password (the old one must unlock it). */
    public void changePassword(String user, char[] oldPassword, char[] newPassword) {
        try (Unlocked u = unlockSlot(user, oldPassword)) {
            Slots s = read();
            List<KeySlot> slots = new ArrayList<>(s.slots());
            for (int i = 0; i < slots.size(); i++) {
                if (u.slotId().equals(slots.get(i).id())) {
                    slots.set(i, wrap(u.key(), u.slotId(), newPassword));
                }
            }
            write(new Slots(s.idSalt(), slots));
        }
    }

    /** Adds a slot for another user (an open database key is needed). */
    public void addSlot(DatabaseKey key, String user, char[] password) {
        Slots s = read();
        byte[] idSalt = s.idSalt();
        if (idSalt == null) {
            idSalt = new byte[SALT_BYTES];
            random.nextBytes(idSalt);
        }
        String id = idFor(idSalt, user);
        if (s.slots().stream().anyMatch(k -> matches(k, id, user))) {
            throw new KontorException("error.userExists", user);
        }
        List<KeySlot> slots = new ArrayList<>(s.slots());
        slots.add(wrap(key, id, password));
        write(new Slots(idSalt, slots));
    }

    /** Removes the user's slot: that password no longer opens the database. The last slot stays. */
    public void removeSlot(String user) {
        Slots s = read();
        String id = s.idSalt() == null ? null : idFor(s.idSalt(), user);
        List<KeySlot> slots = new ArrayList<>(s.slots());
        if (!slots.removeIf(k -> matches(k, id, user))) {
            throw new KontorException("error.unknownUser", user);
        }
        if (slots.isEmpty()) {
            throw new KontorException("error.lastKeySlot");
        }
        write(new Slots(s.idSalt(), slots));
    }

    private KeySlot find(Slots all, String user) {
        if (user == null) {
            if (all.slots().size() == 1) {
                return all.slots().get(0);
            }
            throw new KontorException("error.userRequired");
        }
        String id = all.idSalt() == null ? null : idFor(all.idSalt(), user);
        return all.slots().stream()
                .filter(s -> matches(s, id, user))
                .findFirst()
                .orElseThrow(() -> new WrongPasswordException(user));
    }

    private static boolean matches(KeySlot slot, String id, String user) {
        return slot.legacy() ? slot.legacyUser().equalsIgnoreCase(user.strip()) : slot.id().equals(id);
    }

    /** Replaces a slot that names its user with one under an opaque id; the file is unchanged if that fails. */
    private String migrate(Slots all, KeySlot named, byte[] kek, DatabaseKey key) {
        byte[] idSalt = all.idSalt();
        if (idSalt == null) {
            idSalt = new byte[SALT_BYTES];
            random.nextBytes(idSalt);
        }
        String id = idFor(idSalt, named.legacyUser());
        List<KeySlot> slots = new ArrayList<>(all.slots());
        slots.set(slots.indexOf(named), wrapWith(key, id, kek, named.salt(), named.kdf()));
        try {
            write(new Slots(idSalt, slots));
            LOG.info("Key slot file: one slot moved from a user name to an opaque id");
        } catch (KontorException e) {
            LOG.warn("Key slot file: a slot still names its user; it could not be rewritten now ({})",
                    e.getCause() == null ? e.messageKey() : e.getCause().getClass().getSimpleName());
        }
        return id;
    }

    /** The slot id of {@code user}: HMAC-SHA256 of the lower-case name under the file's salt, 16 bytes. */
    static String idFor(byte[] idSalt, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(idSalt, "HmacSHA256"));
            byte[] h = mac.doFinal(("kontor-slot-id:" + user.strip().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return ID64.encodeToString(Arrays.copyOf(h, ID_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static byte[] aad(KeySlot slot) {
        return (slot.legacy() ? AAD_NAMED + slot.legacyUser() : AAD + slot.id()).getBytes(StandardCharsets.UTF_8);
    }

    private KeySlot wrap(DatabaseKey key, String id, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] kek = kdf.derive(password, salt, params);
        try {
            return wrapWith(key, id, kek, salt, params);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private KeySlot wrapWith(DatabaseKey key, String id, byte[] kek, byte[] salt, KdfParams kdfParams) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            KeySlot slot = new KeySlot(id, null, kdfParams, salt.clone(), nonce, null);
            c.updateAAD(aad(slot));
            return new KeySlot(id, null, kdfParams, salt.clone(), nonce, c.doFinal(key.bytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        }
    }

    // ---- the file ----

    private Slots read() {
        if (!exists()) {
            throw new KontorException("error.noDatabase", file.getParent().toString());
        }
        Path previous = previousFile();
        try {
            Slots s = parse(file);
            if (Files.exists(previous)) {
                // the new version is in place (a write was cut off after its rename)
                deleteQuietly(previous);
            }
            cleanLeftovers();
            return s;
        } catch (KontorException damaged) {
            if (!Files.isRegularFile(previous)) {
                throw damaged;
            }
            Slots s;
            try {
                s = parse(previous);
            } catch (KontorException alsoDamaged) {
                throw damaged;
            }
            LOG.warn("Key slot file missing or damaged; its previous version is used and put back");
            notices.add(new KontorException("error.keySlotsPrevious", file.toString(), previous.toString()));
            try {
                replace(Files.readAllBytes(previous), false);
            } catch (IOException e) {
                throw new KontorException(e, "error.io", previous.toString(), e.getMessage());
            }
            return s;
        }
    }

    private Slots parse(Path from) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(from);
        } catch (NoSuchFileException e) {
            throw new KontorException(e, "error.keySlotMissing", from.getParent().toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", from.toString(), e.getMessage());
        }
        try {
            JsonNode root = json.readTree(bytes);
            int format = root == null ? 0 : root.path("format").asInt();
            if ((format != FORMAT && format != FORMAT_NAMED) || !root.path("slots").isArray()) {
                throw damaged(from);
            }
            byte[] idSalt = format == FORMAT ? bytes(required(root, "idSalt", from), SALT_BYTES, from) : null;
            List<KeySlot> slots = new ArrayList<>();
            for (JsonNode s : root.path("slots")) {
                JsonNode k = s.path("kdf");
                int memory = required(k, "memoryKiB", from).asInt();
                int iterations = required(k, "iterations", from).asInt();
                int lanes = required(k, "parallelism", from).asInt();
                if (memory > 4 * 1024 * 1024 || iterations > 100 || lanes > 64) {
                    throw damaged(from);
                }
                boolean named = format == FORMAT_NAMED || s.has("user");
                KeySlot slot = new KeySlot(
                        named ? null : required(s, "id", from).asText(),
                        named ? required(s, "user", from).asText() : null,
                        new KdfParams(memory, iterations, lanes),
                        bytes(required(s, "salt", from), SALT_BYTES, from),
                        bytes(required(s, "nonce", from), NONCE_BYTES, from),
                        bytes(required(s, "wrappedKey", from), WRAPPED_BYTES, from));
                JsonNode check = s.get("check");
                if (check != null && !check.asText().equals(check(slot))) {
                    throw damaged(from);
                }
                slots.add(slot);
            }
            if (slots.isEmpty()) {
                throw damaged(from);
            }
            return new Slots(idSalt, slots);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new KontorException(e, "error.keySlotDamaged", from.toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", from.toString(), e.getMessage());
        }
    }

    private static KontorException damaged(Path from) {
        return new KontorException("error.keySlotDamaged", from.toString());
    }

    private static byte[] bytes(JsonNode node, int length, Path from) {
        byte[] b = B64D.decode(node.asText());
        if (b.length != length) {
            throw damaged(from);
        }
        return b;
    }

    private static JsonNode required(JsonNode node, String field, Path from) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw damaged(from);
        }
        return v;
    }

    /** A digest over a slot's fields: a flipped bit shows as damage, not as a wrong password. */
    private static String check(KeySlot s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((s.legacy() ? "user:" + s.legacyUser() : "id:" + s.id()).getBytes(StandardCharsets.UTF_8));
            sha.update((";" + s.kdf().memoryKiB() + ";" + s.kdf().iterations() + ";" + s.kdf().parallelism() + ";")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(s.salt());
            sha.update(s.nonce());
            sha.update(s.wrappedKey());
            return B64.encodeToString(Arrays.copyOf(sha.digest(), 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private void write(Slots s) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("note", "Kontor key slots: the database key wrapped with AES-256-GCM under Argon2id-derived keys.");
        root.put("idSalt", B64.encodeToString(s.idSalt()));
        ArrayNode arr = root.putArray("slots");
        for (KeySlot k : s.slots()) {
            ObjectNode o = arr.addObject();
            if (k.legacy()) {
                o.put("user", k.legacyUser());
            } else {
                o.put("id", k.id());
            }
            ObjectNode p = o.putObject("kdf");
            p.put("algorithm", "argon2id");
            p.put("memoryKiB", k.kdf().memoryKiB());
            p.put("iterations", k.kdf().iterations());
            p.put("parallelism", k.kdf().parallelism());
            o.put("salt", B64.encodeToString(k.salt()));
            o.put("nonce", B64.encodeToString(k.nonce()));
            o.put("wrappedKey", B64.encodeToString(k.wrappedKey()));
            o.put("check", check(k));
        }
        try {
            replace(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("key slots could not be serialised", e);
        }
    }

    /**
     * Puts {@code bytes} in place of the file: unique temporary file forced to disk, the
     * current version kept as the previous one until the atomic rename is done and the folder
     * forced.
     */
    private void replace(byte[] bytes, boolean keepPrevious) {
        Path dir = file.toAbsolutePath().getParent();
        Path previous = previousFile();
        Path tmp = null;
        Path previousTmp = null;
        try {
            OwnerOnlyFiles.ownFolder(dir);
            cleanLeftovers();
            tmp = writeSynced(dir, bytes);
            if (keepPrevious && Files.isRegularFile(file)) {
                previousTmp = writeSynced(dir, Files.readAllBytes(file));
                move(previousTmp, previous);
                previousTmp = null;
                syncFolder(dir);
            }
            move(tmp, file);
            tmp = null;
            syncFolder(dir);
            Files.deleteIfExists(previous);
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(previousTmp);
        }
    }

    private Path writeSynced(Path dir, byte[] bytes) throws IOException {
        Path tmp = OwnerOnlyFiles.createTempFile(dir, tempPrefix(), ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        return tmp;
    }

    private String tempPrefix() {
        return "." + file.getFileName() + "-";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the folder's entries (the rename) to disk; Windows cannot open a folder, and renames there are durable. */
    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("Folder not forced to disk ({})", e.getClass().getSimpleName());
        }
    }

    /** Temporary files of writes that were cut off (and the fixed name of older versions), a minute old. */
    private void cleanLeftovers() {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = tempPrefix();
        String oldFixed = file.getFileName() + ".tmp";
        long before = System.currentTimeMillis() - LEFTOVER_AGE_MILLIS;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if ((n.startsWith(prefix) && n.endsWith(".tmp") || n.equals(oldFixed))
                        && Files.getLastModifiedTime(p).toMillis() < before) {
                    Files.deleteIfExists(p);
                    LOG.info("Removed a temporary key slot file left by an interrupted write");
                }
            }
        } catch (IOException e) {
            LOG.warn("Temporary key slot files could not be cleaned up ({})", e.getClass().getSimpleName());
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("A temporary key slot file could not be removed ({})", e.getClass().getSimpleName());
        }
    }
}
