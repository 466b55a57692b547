package de.kontor.domain.request;

import de.kontor.domain.time.LegalPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A data subject request in the register (Art. 12 GDPR). {@code personId} is null while the
 * requester is not matched to a person; {@code requester} then names them. The answer is due one
 * month after receipt ({@code dueOn}); it may be extended once by up to two further months
 * ({@code extendedTo}, with a reason). Both dates come from {@link #dueFor} and {@link #extendedFor}.
 */
public record SubjectRequest(long id, RequestType type, Long personId, String requester, LocalDate receivedOn,
        String channel, String identityVerified, LocalDate dueOn, LocalDate extendedTo, String extensionReason,
        RequestStatus status, Instant closedAt, Instant createdAt, List<SentFile> files) {

    /** Months by which a request may be extended at most (Art. 12(3) sentence 2). */
    public static final int MAX_EXTENSION_MONTHS = 2;

    public SubjectRequest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The deadline in force: the extended date if extended, else one month after receipt. */
    public LocalDate deadline() {
        return extendedTo != null ? extendedTo : dueOn;
    }

    /**
     * The deadline for a request received on {@code received}: one month later, counted as
     * Regulation 1182/71 says ({@link LegalPeriod}; decision 0011).
     */
    public static LocalDate dueFor(LocalDate received) {
        return LegalPeriod.months(received, 1);
    }

    /**
     * The deadline after an extension by {@code furtherMonths} (1 or 2) further months: the whole
     * period counted from receipt (one month plus the further ones), not from the first deadline,
     * which may have been cut to a month's last day or moved to a working day (decision 0011).
     */
    public static LocalDate extendedFor(LocalDate received, int furtherMonths) {
        if (furtherMonths < 1 || furtherMonths > MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("an extension by " + furtherMonths + " months");
        }
        return LegalPeriod.months(received, 1 + furtherMonths);
    }

    public boolean isOpen() {
        return status == RequestStatus.OPEN;
    }

    public boolean isExtended() {
        return extendedTo != null;
    }

    public boolean isOverdue(LocalDate today) {
        return isOpen() && deadline().isBefore(today);
    }

    /** Open and due within {@code days} days from {@code today} (not overdue yet). */
    public boolean isDueWithin(LocalDate today, int days) {
        return isOpen() && !deadline().isBefore(today) && ChronoUnit.DAYS.between(today, deadline()) <= days;
    }

    public SubjectRequest withFiles(List<SentFile> f) {
        return new SubjectRequest(id, type, personId, requester, receivedOn, channel, identityVerified, dueOn,
                extendedTo, extensionReason, status, closedAt, createdAt, f);
    }
}
