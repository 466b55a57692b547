package de.kontor.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did: {@code kind} is "erased", "restricted" (records under statutory
 * retention kept, restricted until {@code retained} say) or "anonymised". Counts per data
 * category; the certificate is the stored PDF (Löschprotokoll) without personal data.
 */
public record ErasureResult(
        long journalId,
        long personId,
        String kind,
        Map<String, Integer> erased,
        List<Retained> retained,
        byte[] certificate) {

    /** A record kept under statutory retention until {@code until}, then erased automatically. */
    public record Retained(String type, long id, String category, String statutory, LocalDate until) {}
}
