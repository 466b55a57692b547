package de.kontor.ui.requests;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.request.RequestStatus;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.exchange.ExportFormat;
import de.kontor.privacy.RequestService;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.erasure.PersonErasureViewModel;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request register screen without the FX toolkit, on a real encrypted database. */
class RequestsViewModelTest {
    @TempDir
    Path dir;
    private Workspace w;
    private RequestsViewModel vm;
    private Person maria;
    private final UiText text = new UiText(Locale.ENGLISH);
    private final DirectTaskRunner runner = new DirectTaskRunner();
    /** A Saturday at a month end: one month later has no 31st, three months later is a Sunday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 31);

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir.resolve("data"), TestWorkspaces.fixedAt(TODAY));
        PersonData data = PersonData.named("Maria", "Müller")
                .withEmails(List.of(EmailAddress.work("maria@beispiel.de")));
        maria = w.contacts().create(w.principal(), new PersonData(null, null, data.givenName(), data.familyName(), null,
                "de", null, null, data.emails(), List.of(), List.of(), List.of(), null), ProvenanceInput.manual());
        vm = new RequestsViewModel(w.requests(), w.subjectData(), w.contacts(), w.principal(), runner, text,
                w.clock());
        vm.load();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private LocalDate today() {
        return TODAY;
    }

    /** Registers a request of Maria through the form, choosing her in the person search. */
    private SubjectRequest registerForMaria(RequestType type, LocalDate received) {
        vm.newRequest();
        vm.typeProperty().set(type);
        vm.picker().queryProperty().set("müller");
        assertThat(vm.picker().matches()).extracting(p -> p.id()).containsExactly(maria.id());
        vm.picker().chosenProperty().set(vm.picker().matches().get(0));
        vm.receivedProperty().set(received);
        vm.channelProperty().set("E-Mail");
        vm.identityVerifiedProperty().set("E-Mail von der bekannten Adresse");
        boolean[] done = {false};
        vm.register(() -> done[0] = true);
        assertThat(done[0]).as(vm.formErrorProperty().get()).isTrue();
        return vm.currentProperty().get();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void registersARequestThroughTheFormAndShowsItWithItsDeadline() {
        assertThat(vm.receivedProperty().get()).as("received defaults to the workspace clock's day").isEqualTo(TODAY);
        SubjectRequest r = registerForMaria(RequestType.ACCESS, today());

        assertThat(r.personId()).isEqualTo(maria.id());
        assertThat(vm.rows()).hasSize(1);
        RequestsViewModel.Row row = vm.rows().get(0);
        assertThat(vm.selectedProperty().get()).isEqualTo(row);
        assertThat(row.type()).isEqualTo("Access");
        assertThat(row.who()).isEqualTo("Maria Müller");
        LocalDate due = LocalDate.of(2026, 11, 30); // no November 31st
        assertThat(row.request().deadline()).isEqualTo(due);
        assertThat(row.urgency()).isEqualTo(RequestsViewModel.Urgency.NONE);
        assertThat(vm.messageProperty().get()).isEqualTo("Request " + r.id() + " registered; due on "
                + text.date(due) + ".");
        assertThat(vm.history()).contains("Received on " + text.date(today()) + " via E-Mail.",
                "Identity verified: E-Mail von der bekannten Adresse");
        assertThat(vm.personNameProperty().get()).isEqualTo("Maria Müller");
        assertThat(vm.defaultLanguage()).isEqualTo(Locale.GERMAN);
        assertThat(w.requests().list(w.principal(), true)).extracting(SubjectRequest::id).containsExactly(r.id());
    }

    @Test
    void refusesARequestWithoutPersonOrRequesterAtTheField() {
        vm.newRequest();
        boolean[] done = {false};
        vm.register(() -> done[0] = true);

        assertThat(done[0]).isFalse();
        assertThat(vm.formErrors()).containsEntry("person", "Name a person or describe the requester.");
        assertThat(vm.formErrorProperty().get()).isEqualTo("Name a person or describe the requester.");
        assertThat(w.requests().list(w.principal(), false)).isEmpty();
    }

    @Test
    void extendsOnceAndShowsTheRuleWhenASecondExtensionIsRefused() {
        SubjectRequest r = registerForMaria(RequestType.ACCESS, today());

        vm.extend("Viele Anfragen gleichzeitig", 2);
        assertThat(vm.errorProperty().get()).isEmpty();
        SubjectRequest extended = vm.currentProperty().get();
        LocalDate to = LocalDate.of(2027, 2, 1); // three months from receipt: January 31st is a Sunday
        assertThat(extended.extendedTo()).isEqualTo(to);
        assertThat(vm.messageProperty().get()).isEqualTo("Request " + r.id() + " extended; now due on "
                + text.date(to) + ".");
        assertThat(vm.rows().get(0).status()).isEqualTo("open · extended");
        assertThat(vm.history()).contains("Extended to " + text.date(to)
                + ". Reason: Viele Anfragen gleichzeitig");

        vm.extend("Noch mehr Anfragen", 1);
        assertThat(vm.errorProperty().get()).isEqualTo("Request " + r.id() + " was already extended (to "
                + to + "); it can be extended only once.");
        assertThat(w.requests().get(w.principal(), r.id()).extendedTo()).isEqualTo(to);
    }

    @Test
    void theAccessReportIsRecordedWithItsHashAndClosesTheRequest() throws Exception {
        SubjectRequest r = registerForMaria(RequestType.ACCESS, today());
        Path pdf = dir.resolve("auskunft.pdf");

        vm.accessReport(vm.defaultLanguage(), pdf, true);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(pdf).exists();
        String hash = sha256(pdf);
        SubjectRequest closed = w.requests().get(w.principal(), r.id());
        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("auskunft.pdf");
            assertThat(f.sha256()).isEqualTo(hash);
        });
        // The details still show the request, now closed, with the file's hash; the open list is empty.
        assertThat(vm.currentProperty().get().status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(vm.files()).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(hash));
        assertThat(vm.history()).anyMatch(l -> l.contains("auskunft.pdf") && l.contains(hash));
        assertThat(vm.history().get(vm.history().size() - 1)).startsWith("Closed ");
        assertThat(vm.messageProperty().get()).contains(hash, "the request is closed");
        assertThat(vm.rows()).isEmpty();

        vm.openOnlyProperty().set(false);
        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("closed");
            assertThat(row.daysLeft()).isNull();
        });
    }

    @Test
    void anExportForAPortabilityRequestIsRecordedAndAClosedRequestRefusesMore() throws Exception {
        SubjectRequest r = registerForMaria(RequestType.PORTABILITY, today());
        Path json = dir.resolve(vm.exportFileName(ExportFormat.JSON));
        assertThat(json.getFileName().toString()).isEqualTo("export-request-" + r.id() + ".json");

        vm.export(ExportFormat.JSON, ',', json, false);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.files()).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(sha256(json)));
        assertThat(vm.currentProperty().get().isOpen()).isTrue();

        vm.close();
        assertThat(vm.currentProperty().get().isOpen()).isFalse();
        vm.export(ExportFormat.CSV, ';', dir.resolve("x.csv"), false);
        assertThat(vm.errorProperty().get()).isEqualTo("Request " + r.id() + " is closed.");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aMissingFolderIsRefusedInOneLineAndNothingIsRecorded() {
        SubjectRequest r = registerForMaria(RequestType.ACCESS, today());
        Path nowhere = dir.resolve("missing").resolve("report.pdf");

        vm.accessReport(Locale.ENGLISH, nowhere, true);

        assertThat(vm.errorProperty().get()).contains("missing").doesNotContain("Exception");
        SubjectRequest still = w.requests().get(w.principal(), r.id());
        assertThat(still.isOpen()).isTrue();
        assertThat(still.files()).isEmpty();
    }

    @Test
    void marksOverdueAndSoonDueRequestsAndFiltersByText() {
        registerForMaria(RequestType.ACCESS, today().minusDays(40));
        registerForMaria(RequestType.ERASURE, today().minusMonths(1).plusDays(3));
        vm.newRequest();
        vm.typeProperty().set(RequestType.OBJECTION);
        vm.requesterProperty().set("Herr Becker, Brief vom Montag");
        vm.register(() -> { });
        vm.load();

        assertThat(vm.rows()).extracting(RequestsViewModel.Row::type, RequestsViewModel.Row::urgency)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Access", RequestsViewModel.Urgency.OVERDUE),
                        org.assertj.core.groups.Tuple.tuple("Erasure", RequestsViewModel.Urgency.DUE_SOON),
                        org.assertj.core.groups.Tuple.tuple("Objection", RequestsViewModel.Urgency.NONE));
        RequestsViewModel.Row late = vm.rows().stream().filter(r -> r.type().equals("Access")).findFirst().orElseThrow();
        assertThat(late.daysLeft()).isNegative();
        assertThat(late.daysLeftText()).endsWith("days overdue");
        assertThat(vm.rows().stream().filter(r -> r.type().equals("Objection")).findFirst().orElseThrow().who())
                .isEqualTo("Herr Becker, Brief vom Montag (not matched)");

        vm.filterProperty().set("becker");
        assertThat(vm.rows()).extracting(RequestsViewModel.Row::type).containsExactly("Objection");
        vm.filterProperty().set("müller");
        assertThat(vm.rows()).extracting(RequestsViewModel.Row::type).containsExactlyInAnyOrder("Access", "Erasure");
        vm.filterProperty().set("");
        assertThat(vm.rows()).hasSize(3);

        RequestDueViewModel cards = new RequestDueViewModel(w.requests(), w.contacts(), w.principal(), runner, text,
                w.clock());
        cards.load();
        assertThat(cards.overdue()).singleElement().satisfies(i -> assertThat(i.text())
                .contains("Access", "Maria Müller", "days overdue"));
        assertThat(cards.dueSoon()).singleElement().satisfies(i -> assertThat(i.text()).contains("Erasure"));
        assertThat(RequestService.DUE_SOON_DAYS).isEqualTo(7);
    }

    @Test
    void linksAnUnmatchedRequesterToThePersonFound() {
        vm.newRequest();
        vm.typeProperty().set(RequestType.ACCESS);
        vm.requesterProperty().set("M. Müller per Brief");
        vm.register(() -> { });
        assertThat(vm.personIdProperty().get()).isNull();
        vm.accessReport(Locale.GERMAN, dir.resolve("a.pdf"), true);
        assertThat(vm.errorProperty().get()).isEqualTo("Link the request to a person first.");

        vm.picker().reset();
        vm.picker().queryProperty().set("maria");
        vm.picker().chosenProperty().set(vm.picker().matches().get(0));
        vm.linkPerson();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.personIdProperty().get()).isEqualTo(maria.id());
        assertThat(vm.rows().get(0).who()).isEqualTo("Maria Müller");
    }

    @Test
    void erasureAndRestrictionStartedFromARequestNameIt() {
        SubjectRequest restrictRequest = registerForMaria(RequestType.RESTRICTION, today());
        PersonErasureViewModel actions = new PersonErasureViewModel(w.erasure(), w.restrictions(), w.retention(),
                w.principal(), runner, text);
        actions.load(vm.personIdProperty().get(), restrictRequest.id());
        actions.restrict("Richtigkeit bestritten", null, () -> { });
        assertThat(w.restrictions().isRestricted(maria.id())).isTrue();
        List<AuditEntry> log = w.audit().log(w.principal(), maria.id(), 50);
        assertThat(log).anyMatch(e -> "restricted".equals(e.field()) && e.newValue() != null
                && e.newValue().endsWith("request:" + restrictRequest.id()));
        actions.lift("geklärt", () -> { });

        SubjectRequest eraseRequest = registerForMaria(RequestType.ERASURE, today());
        actions.load(maria.id(), eraseRequest.id());
        actions.erase(false, r -> { });
        assertThat(actions.errorProperty().get()).isEmpty();
        assertThat(w.erasure().journal(w.principal())).singleElement()
                .satisfies(j -> assertThat(j.requestId()).isEqualTo(eraseRequest.id()));
        vm.load(eraseRequest.id());
        assertThat(vm.personNameProperty().get()).isEqualTo("Person no. " + maria.id() + " (erased)");
    }
}
