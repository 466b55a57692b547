package de.kontor.domain.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A data subject request in the register (Art. 12 GDPR). {@code personId} is null while the
 * requester is not matched to a person; {@code requester} then names them. The answer is due one
 * month after receipt ({@code dueOn}); it may be extended once by up to two further months
 * ({@code extendedTo}, with a reason).
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

    /** The deadline for a request received on {@code received}: one month later. */
    public static LocalDate dueFor(LocalDate received) {
        return received.plusMonths(1);
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
