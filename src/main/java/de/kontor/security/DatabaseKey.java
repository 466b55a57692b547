package de.kontor.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random 256-bit database key. Never written anywhere in plain; the store derives the
 * H2 file and user passwords from it with HMAC-SHA256, one label each.
 */
public final class DatabaseKey implements AutoCloseable {
    private final byte[] key;

    public DatabaseKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("database key must be 32 bytes");
        }
        this.key = key.clone();
    }

    /** A secret derived for one purpose, as 64 hex characters. */
    public String derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    byte[] bytes() {
        return key;
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }
}
