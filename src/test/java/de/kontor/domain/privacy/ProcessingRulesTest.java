package de.kontor.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingRulesTest {
    private final ProcessingRules rules = new ProcessingRules();
    private final LocalDate today = LocalDate.of(2026, 11, 25);
    private final Instant t0 = Instant.parse("2026-01-10T10:00:00Z");
    private final Purpose newsletter = purpose("newsletter", LawfulBasis.CONSENT, true);
    private final Purpose service = purpose("customer-service", LawfulBasis.CONTRACT, false);

    private static Purpose purpose(String key, LawfulBasis basis, boolean marketing) {
        return new Purpose(1, 1, new PurposeData(key, key, key, null, null, basis, null, null, null, marketing, null), null);
    }

    private BasisRecord basis(long id, LawfulBasis b, LocalDate from, LocalDate until, Instant at) {
        return new BasisRecord(id, 7, "x", b, from, until, null, null, at, "anna");
    }

    private Consent consent(long id, ConsentStatus s, Instant given, LocalDate expires) {
        return new Consent(id, 7, "newsletter", s, ConsentMethod.DOUBLE_OPT_IN, "1", "abc", null, given, null, null,
                expires, null, null, "anna", 1);
    }

    @Test
    void noBasisExcludes() {
        assertThat(rules.decide(service, List.of(), List.of(), List.of(), false, today).exclusion())
                .isEqualTo(Exclusion.NO_BASIS);
    }

    @Test
    void contractBasisAllowsWithoutConsent() {
        var d = rules.decide(service, List.of(basis(1, LawfulBasis.CONTRACT, today.minusDays(3), null, t0)), List.of(),
                List.of(), false, today);
        assertThat(d.allowed()).isTrue();
        assertThat(d.basis().basis()).isEqualTo(LawfulBasis.CONTRACT);
    }

    @Test
    void basisOutsideItsValidityDoesNotCount() {
        var ended = basis(1, LawfulBasis.CONTRACT, today.minusYears(2), today.minusDays(1), t0);
        var future = basis(2, LawfulBasis.CONTRACT, today.plusDays(1), null, t0);
        assertThat(rules.decide(service, List.of(ended, future), List.of(), List.of(), false, today).exclusion())
                .isEqualTo(Exclusion.NO_BASIS);
    }

    @Test
    void newestBasisWins() {
        var older = basis(1, LawfulBasis.CONTRACT, today.minusYears(1), null, t0);
        var newer = basis(2, LawfulBasis.CONSENT, today.minusDays(1), null, t0.plusSeconds(60));
        assertThat(rules.decide(newsletter, List.of(older, newer), List.of(), List.of(), false, today).exclusion())
                .isEqualTo(Exclusion.NO_CONSENT);
    }

    @Test
    void consentBasisNeedsGivenUnexpiredConsent() {
        var b = List.of(basis(1, LawfulBasis.CONSENT, today.minusDays(30), null, t0));
        assertThat(rules.decide(newsletter, b, List.of(consent(1, ConsentStatus.GIVEN, t0, null)), List.of(), false, today)
                .allowed()).isTrue();
        assertThat(rules.decide(newsletter, b, List.of(consent(1, ConsentStatus.WITHDRAWN, t0, null)), List.of(), false,
                today).exclusion()).isEqualTo(Exclusion.CONSENT_WITHDRAWN);
        assertThat(rules.decide(newsletter, b, List.of(consent(1, ConsentStatus.GIVEN, t0, today.minusDays(1))), List.of(),
                false, today).exclusion()).isEqualTo(Exclusion.CONSENT_EXPIRED);
        assertThat(rules.decide(newsletter, b, List.of(consent(1, ConsentStatus.PENDING_DOUBLE_OPT_IN, null, null)),
                List.of(), false, today).exclusion()).isEqualTo(Exclusion.NO_CONSENT);
    }

    @Test
    void objectionExcludesMarketingUntilNewConsent() {
        var b = List.of(basis(1, LawfulBasis.CONSENT, today.minusDays(30), null, t0));
        var objection = new Objection(1, 7, t0.plusSeconds(3600), "phone", "anna");
        var before = consent(1, ConsentStatus.GIVEN, t0, null);
        assertThat(rules.decide(newsletter, b, List.of(before), List.of(objection), false, today).exclusion())
                .isEqualTo(Exclusion.OBJECTED);
        var after = consent(2, ConsentStatus.GIVEN, t0.plusSeconds(7200), null);
        assertThat(rules.decide(newsletter, b, List.of(before, after), List.of(objection), false, today).allowed()).isTrue();
        // Objection to marketing does not touch contract processing.
        var contract = List.of(basis(2, LawfulBasis.CONTRACT, today.minusDays(30), null, t0));
        assertThat(rules.decide(service, contract, List.of(), List.of(objection), false, today).allowed()).isTrue();
    }

    @Test
    void restrictionExcludesEverything() {
        var contract = List.of(basis(2, LawfulBasis.CONTRACT, today.minusDays(30), null, t0));
        assertThat(rules.decide(service, contract, List.of(), List.of(), true, today).exclusion())
                .isEqualTo(Exclusion.RESTRICTED);
    }
}
