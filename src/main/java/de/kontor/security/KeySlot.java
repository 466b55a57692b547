package de.kontor.security;

/**
 * One user's wrapped copy of the database key (all byte values Base64 in the file). {@code id}
 * is opaque, derived from the user name under the file's random salt (see
 * {@link KeySlotStore}); {@code legacyUser} is set only for slots of format 1, which named
 * their user in clear, until that user's next unlock replaces them.
 */
public record KeySlot(String id, String legacyUser, KdfParams kdf, byte[] salt, byte[] nonce, byte[] wrappedKey) {
    boolean legacy() {
        return legacyUser != null;
    }
}
