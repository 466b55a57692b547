package de.kontor.domain.audit;

/** Result of verifying the chain: ok, or the first broken entry and why. */
public record AuditVerification(long entriesChecked, Long brokenSeq, String reasonKey) {
    public boolean ok() {
        return brokenSeq == null;
    }

    public static AuditVerification ok(long entries) {
        return new AuditVerification(entries, null, null);
    }
}
