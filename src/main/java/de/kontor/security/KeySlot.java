package de.kontor.security;

/** One user's wrapped copy of the database key (all byte values Base64 in the file). */
public record KeySlot(String user, KdfParams kdf, byte[] salt, byte[] nonce, byte[] wrappedKey) {}
