package de.kontor.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.domain.KontorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-slot file: the database key wrapped (AES-256-GCM) once per user under a key derived
 * from that user's password with Argon2id. A password change rewraps one slot; the database
 * itself is never re-encrypted. Passwords are never stored.
 */
public final class KeySlotStore {
    private static final int FORMAT = 1;
    private static final String AAD_PREFIX = "kontor-keyslot-v1:";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Path file;
    private final Argon2Kdf kdf;
    private final SecureRandom random;
    private final KdfParams params;
    private final ObjectMapper json = new ObjectMapper();

    public KeySlotStore(Path file, Argon2Kdf kdf, SecureRandom random, KdfParams params) {
        this.file = file;
        this.kdf = kdf;
        this.random = random;
        this.params = params;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
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
        write(List.of(wrap(key, user, password)));
        return key;
    }

    /** The users that have a slot, in file order. */
    public List<String> users() {
        return read().stream().map(KeySlot::user).toList();
    }

    /**
     * Unwraps the database key with the user's password. With {@code user} null the only slot
     * is used. Reads the slot file only; a wrong password changes no file.
     */
    public DatabaseKey unlock(String user, char[] password) {
        KeySlot slot = find(read(), user);
        byte[] kek = kdf.derive(password, slot.salt(), slot.kdf());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, slot.nonce()));
            c.updateAAD((AAD_PREFIX + slot.user()).getBytes(StandardCharsets.UTF_8));
            byte[] raw = c.doFinal(slot.wrappedKey());
            try {
                return new DatabaseKey(raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new WrongPasswordException(slot.user());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KontorException(e, "error.keySlotDamaged", file.toString());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Rewraps the user's slot under a new password (the old one must unlock it). */
    public void changePassword(String user, char[] oldPassword, char[] newPassword) {
        List<KeySlot> slots = new ArrayList<>(read());
        KeySlot slot = find(slots, user);
        try (DatabaseKey key = unlock(slot.user(), oldPassword)) {
            slots.set(slots.indexOf(slot), wrap(key, slot.user(), newPassword));
        }
        write(slots);
    }

    /** Adds a slot for another user (an open database key is needed). */
    public void addSlot(DatabaseKey key, String user, char[] password) {
        List<KeySlot> slots = new ArrayList<>(read());
        if (slots.stream().anyMatch(s -> s.user().equalsIgnoreCase(user))) {
            throw new KontorException("error.userExists", user);
        }
        slots.add(wrap(key, user, password));
        write(slots);
    }

    private KeySlot find(List<KeySlot> slots, String user) {
        if (user == null) {
            if (slots.size() == 1) {
                return slots.get(0);
            }
            throw new KontorException("error.userRequired");
        }
        return slots.stream()
                .filter(s -> s.user().equalsIgnoreCase(user))
                .findFirst()
                .orElseThrow(() -> new WrongPasswordException(user));
    }

    private KeySlot wrap(DatabaseKey key, String user, char[] password) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] kek = kdf.derive(password, salt, params);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD((AAD_PREFIX + user).getBytes(StandardCharsets.UTF_8));
            return new KeySlot(user, params, salt, nonce, c.doFinal(key.bytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private List<KeySlot> read() {
        if (!exists()) {
            throw new KontorException("error.noDatabase", file.getParent().toString());
        }
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            if (root == null || root.path("format").asInt() != FORMAT || !root.path("slots").isArray()) {
                throw new KontorException("error.keySlotDamaged", file.toString());
            }
            List<KeySlot> slots = new ArrayList<>();
            for (JsonNode s : root.path("slots")) {
                JsonNode k = s.path("kdf");
                slots.add(new KeySlot(
                        required(s, "user").asText(),
                        new KdfParams(required(k, "memoryKiB").asInt(), required(k, "iterations").asInt(),
                                required(k, "parallelism").asInt()),
                        B64D.decode(required(s, "salt").asText()),
                        B64D.decode(required(s, "nonce").asText()),
                        B64D.decode(required(s, "wrappedKey").asText())));
            }
            if (slots.isEmpty()) {
                throw new KontorException("error.keySlotDamaged", file.toString());
            }
            return slots;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new KontorException(e, "error.keySlotDamaged", file.toString());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
    }

    private JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new KontorException("error.keySlotDamaged", file.toString());
        }
        return v;
    }

    private void write(List<KeySlot> slots) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("note", "Kontor key slots: the database key wrapped with AES-256-GCM under Argon2id-derived keys.");
        ArrayNode arr = root.putArray("slots");
        for (KeySlot s : slots) {
            ObjectNode o = arr.addObject();
            o.put("user", s.user());
            ObjectNode k = o.putObject("kdf");
            k.put("algorithm", "argon2id");
            k.put("memoryKiB", s.kdf().memoryKiB());
            k.put("iterations", s.kdf().iterations());
            k.put("parallelism", s.kdf().parallelism());
            o.put("salt", B64.encodeToString(s.salt()));
            o.put("nonce", B64.encodeToString(s.nonce()));
            o.put("wrappedKey", B64.encodeToString(s.wrappedKey()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KontorException(e, "error.io", file.toString(), e.getMessage());
        }
    }
}
