package de.kontor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.request.RequestStatus;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path dir;

    private Workspace create() {
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(BERLIN).toInstant(), BERLIN);
        return Workspace.create(new DataFolder(dir), TestWorkspaces.OWNER, TestWorkspaces.PASSWORD.toCharArray(),
                new Workspace.Options(clock, new SecureRandom(), TestWorkspaces.CHEAP));
    }

    private static long person(Workspace w) {
        return w.contacts().create(w.principal(), PersonData.named("Jörg", "Müller"),
                ProvenanceInput.of(SourceKind.MANUAL, null)).id();
    }

    private static RequestService.NewRequest access(Long person, LocalDate received) {
        return new RequestService.NewRequest(RequestType.ACCESS, person, null, received, "e-mail", "reply from known address");
    }

    @Test
    void dueOneMonthAfterReceiptExtendedOnceAndClosed() {
        try (Workspace w = create()) {
            long p = person(w);
            SubjectRequest r = w.requests().register(w.principal(), access(p, LocalDate.of(2026, 1, 31)));
            // no February 31st: February 28th, a Saturday, so Monday March 2nd (Regulation 1182/71 Art. 3)
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(r.status()).isEqualTo(RequestStatus.OPEN);
            assertThat(r.isOverdue(TODAY)).isTrue();
            assertThat(w.requests().overdue(w.principal())).extracting(SubjectRequest::id).containsExactly(r.id());

            SubjectRequest ext = w.requests().extend(w.principal(), r.id(), "many documents to collect", 2);
            // three months from receipt (April 30th), not the first deadline plus two months
            assertThat(ext.extendedTo()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(ext.deadline()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(w.requests().overdue(w.principal())).isEmpty();
            assertThatThrownBy(() -> w.requests().extend(w.principal(), r.id(), "again", 1))
                    .isInstanceOf(KontorException.class).extracting("messageKey").isEqualTo("request.alreadyExtended");

            String hash = "a".repeat(64);
            w.requests().recordSent(w.principal(), r.id(), "auskunft.pdf", hash);
            SubjectRequest closed = w.requests().close(w.principal(), r.id());
            assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(closed.closedAt()).isNotNull();
            assertThat(closed.files()).singleElement().satisfies(f -> {
                assertThat(f.fileName()).isEqualTo("auskunft.pdf");
                assertThat(f.sha256()).isEqualTo(hash);
            });
            assertThatThrownBy(() -> w.requests().close(w.principal(), r.id()))
                    .isInstanceOf(KontorException.class).extracting("messageKey").isEqualTo("request.closed");
            assertThat(w.requests().list(w.principal(), true)).isEmpty();
            assertThat(w.requests().list(w.principal(), false)).hasSize(1);

            List<AuditEntry> trail = w.audit().log(w.principal(), p, 1000);
            assertThat(trail).filteredOn(e -> "request".equals(e.entityType())).extracting(AuditEntry::field)
                    .contains("type", "due", "extendedTo", "extensionReason", "sent", "status");
        }
    }

    @Test
    void dashboardListsDueWithinSevenDays() {
        try (Workspace w = create()) {
            long p = person(w);
            SubjectRequest soon = w.requests().register(w.principal(), access(p, TODAY.minusMonths(1).plusDays(5)));
            SubjectRequest later = w.requests().register(w.principal(), access(p, TODAY.minusDays(1)));
            SubjectRequest today = w.requests().register(w.principal(), access(p, TODAY.minusMonths(1)));
            assertThat(w.requests().dueSoon(w.principal())).extracting(SubjectRequest::id)
                    .containsExactly(today.id(), soon.id());
            assertThat(w.requests().overdue(w.principal())).isEmpty();
            assertThat(later.deadline()).isEqualTo(LocalDate.of(2026, 4, 9));
            assertThat(soon.deadline()).as("March 15th is a Sunday").isEqualTo(LocalDate.of(2026, 3, 16));
        }
    }

    @Test
    void refusesBadInput() {
        try (Workspace w = create()) {
            assertThatThrownBy(() -> w.requests().register(w.principal(), access(null, null)))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors())
                            .anySatisfy(f -> assertThat(f.messageKey()).isEqualTo("request.personOrRequester")));
            assertThatThrownBy(() -> w.requests().register(w.principal(), access(4711L, null)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> w.requests().register(w.principal(), access(null, TODAY.plusDays(1))))
                    .isInstanceOf(ValidationException.class);
            SubjectRequest r = w.requests().register(w.principal(), new RequestService.NewRequest(RequestType.ERASURE,
                    null, "Erika Mustermann, erika@example.de", null, "letter", null));
            assertThat(r.receivedOn()).isEqualTo(TODAY);
            assertThatThrownBy(() -> w.requests().extend(w.principal(), r.id(), " ", 2))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> w.requests().extend(w.principal(), r.id(), "complex", 3))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> w.requests().recordSent(w.principal(), r.id(), "x.pdf", "nothex"))
                    .isInstanceOf(ValidationException.class);
            long p = person(w);
            assertThat(w.requests().linkPerson(w.principal(), r.id(), p).personId()).isEqualTo(p);
            assertThatThrownBy(() -> w.requests().get(w.principal(), 999)).isInstanceOf(NotFoundException.class);
        }
        try (Workspace w = TestWorkspaces.open(dir)) {
            assertThat(w.requests().list(w.principal(), false)).hasSize(1);
        }
    }
}
