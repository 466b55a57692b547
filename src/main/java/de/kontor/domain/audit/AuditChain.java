package de.kontor.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail (SHA-256).
 *
 * <p>Each entry hashes the previous entry's hash and its own metadata together with a salted
 * digest of its values, not the values themselves. Erasing a person later removes the values
 * and the salt; the digest stays, so the chain still verifies, and without the salt the
 * digest cannot be matched against guessed values.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {}

    public static String valuesDigest(String salt, String oldValue, String newValue) {
        MessageDigest md = sha256();
        update(md, salt);
        update(md, oldValue);
        update(md, newValue);
        return HEX.formatHex(md.digest());
    }

    public static String entryHash(
            String prevHash,
            long seq,
            Instant at,
            long actorId,
            String actorName,
            AuditAction action,
            String entityType,
            long entityId,
            Long personId,
            String field,
            String valuesDigest) {
        MessageDigest md = sha256();
        update(md, prevHash);
        update(md, Long.toString(seq));
        update(md, at.toString());
        update(md, Long.toString(actorId));
        update(md, actorName);
        update(md, action.name());
        update(md, entityType);
        update(md, Long.toString(entityId));
        update(md, personId == null ? null : personId.toString());
        update(md, field);
        update(md, valuesDigest);
        return HEX.formatHex(md.digest());
    }

    public static String entryHash(AuditEntry e) {
        return entryHash(e.prevHash(), e.seq(), e.at(), e.actorId(), e.actorName(), e.action(),
                e.entityType(), e.entityId(), e.personId(), e.field(), e.valuesDigest());
    }

    /**
     * Checks one entry against its predecessor's hash. Returns null when it holds, otherwise
     * the reason (a message key).
     */
    public static String check(AuditEntry e, String expectedPrevHash, long expectedSeq) {
        if (e.seq() != expectedSeq) {
            return "audit.verify.gap";
        }
        if (!e.prevHash().equals(expectedPrevHash)) {
            return "audit.verify.link";
        }
        if (!e.valuesErased()
                && !valuesDigest(e.valueSalt(), e.oldValue(), e.newValue()).equals(e.valuesDigest())) {
            return "audit.verify.values";
        }
        if (!entryHash(e).equals(e.entryHash())) {
            return "audit.verify.hash";
        }
        return null;
    }

    /** Length-prefixed so that ("ab","c") and ("a","bc") differ; null differs from "". */
    private static void update(MessageDigest md, String s) {
        if (s == null) {
            md.update((byte) 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        // the length as 4 big-endian bytes (what parseHex("%08x") gave, without the formatter's cost)
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
