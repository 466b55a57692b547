package de.kontor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactRulesTest {
    private final ContactRules rules = new ContactRules();
    private final LocalDate today = LocalDate.of(2026, 11, 25);

    @ParameterizedTest
    @CsvSource({"030 1234567,+49301234567", "+49 (30) 123 456-7,+49301234567", "0049 171 2345678,+491712345678",
            "(0221) 12 34 56,+49221123456"})
    void phonesAreNormalisedToE164(String raw, String e164) {
        PersonData n = rules.normalise(PersonData.named("A", "B").withPhones(List.of(PhoneNumber.of(ContactKind.WORK, raw))));
        assertThat(n.phones().get(0).e164()).isEqualTo(e164);
    }

    @Test
    void austrianAddressMakesAustrianPhoneRegion() {
        PersonData n = rules.normalise(PersonData.named("A", "B")
                .withPhones(List.of(PhoneNumber.of(ContactKind.WORK, "01 5134567")))
                .withAddresses(List.of(new PostalAddress(ContactKind.WORK, null, null, null, "1010", "Wien", null, "at"))));
        assertThat(n.phones().get(0).e164()).isEqualTo("+4315134567");
        assertThat(n.addresses().get(0).country()).isEqualTo("AT");
    }

    @ParameterizedTest
    @CsvSource({"DE,10115,true", "DE,1011,false", "DE,00123,false", "AT,1010,true", "AT,0101,false", "CH,8001,true",
            "CH,80010,false", "FR,75001,true"})
    void postcodesAreCheckedForDach(String country, String postcode, boolean valid) {
        assertThat(rules.isValidPostcode(country, postcode)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"max@example.de,true", "max.muster+crm@sub.example.co.uk,true", "jürgen@müller.de,true", "max@,false",
            "max@example,false", "@example.de,false", "max example@example.de,false"})
    void emailSyntax(String address, boolean valid) {
        assertThat(rules.isValidEmail(address)).isEqualTo(valid);
    }

    @Test
    void validationNamesEveryBadField() {
        PersonData p = new PersonData(null, null, "Max", " ", today.plusDays(1), "deu", null, null,
                List.of(EmailAddress.work("a@b.de"), EmailAddress.work("kaputt")),
                List.of(PhoneNumber.of(ContactKind.WORK, "12")), List.of(), List.of(), null);
        List<FieldError> errors = rules.validate(rules.normalise(p), today);
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("birthDate", "language", "email[2]");
        assertThat(errors.get(0).messageKey()).isEqualTo("validation.birthDate.future");
    }

    @Test
    void aPersonNeedsOneOfFamilyNameGivenNameOrganisationOrEmail() {
        PersonData nothing = new PersonData("Herr", null, " ", null, null, null, null, null, List.of(),
                List.of(PhoneNumber.of(ContactKind.WORK, "0171 2345678")), List.of(), List.of(), "nur Telefon");
        assertThat(rules.validate(rules.normalise(nothing), today)).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("familyName", "validation.identity"));
        assertThat(rules.validate(rules.normalise(PersonData.named("Mira", null)), today)).isEmpty();
        assertThat(rules.validate(rules.normalise(nothing.withOrganisation("Vogt Elektro")), today)).isEmpty();
        assertThat(rules.validate(rules.normalise(nothing.withEmails(List.of(EmailAddress.work("a@b.de")))), today))
                .isEmpty();
    }

    @Test
    void aPhoneNumberThatDoesNotParseIsKeptUncheckedButOneWithoutDigitsIsRefused() {
        PersonData p = PersonData.named("Sabine", "Wagner").withPhones(List.of(
                PhoneNumber.of(ContactKind.WORK, "(905) 555-1234"), PhoneNumber.of(ContactKind.WORK, "BusinessPhone")));
        PersonData n = rules.normalise(p);
        assertThat(n.phones()).extracting(PhoneNumber::raw, PhoneNumber::checked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(905) 555-1234", false),
                        org.assertj.core.groups.Tuple.tuple("BusinessPhone", false));
        assertThat(rules.validate(n, today)).extracting(FieldError::field).containsExactly("phone[2]");
    }

    @Test
    void theAddressCountryIsThePhoneRegionForAnyCountry() {
        PersonData canada = PersonData.named("Grace", "Okafor")
                .withPhones(List.of(PhoneNumber.of(ContactKind.WORK, "(506) 234-5678")))
                .withAddresses(List.of(new de.kontor.domain.PostalAddress(ContactKind.WORK, "King St W", "200", null,
                        "M5H 3T4", "Toronto", "ON", "ca")));
        assertThat(rules.normalise(canada).phones().get(0).e164()).isEqualTo("+15062345678");
        assertThat(rules.normalise(canada.withAddresses(List.of())).phones().get(0).e164()).isNotEqualTo("+15062345678");
    }

    @Test
    void withoutANameTheOrganisationOrEmailIsShown() {
        PersonData org = new PersonData(null, null, null, null, null, null, "Bäckerei Sonnenschein", null,
                List.of(EmailAddress.work("info@baeckerei.example")), List.of(), List.of(), List.of(), null);
        assertThat(org.displayName()).isEqualTo("Bäckerei Sonnenschein");
        assertThat(org.withOrganisation(null).displayName()).isEqualTo("info@baeckerei.example");
        assertThat(PersonData.named("Mira", null).displayName()).isEqualTo("Mira");
    }

    @Test
    void normaliseTrimsAndDeduplicatesTags() {
        PersonData p = rules.normalise(new PersonData(" Frau ", null, " Eva ", " Groß ", null, "DE", "  ", null,
                List.of(EmailAddress.work(" Eva@Example.DE ")), List.of(), List.of(), List.of("Kunde", "kunde", " VIP "),
                ""));
        assertThat(p.salutation()).isEqualTo("Frau");
        assertThat(p.familyName()).isEqualTo("Groß");
        assertThat(p.language()).isEqualTo("de");
        assertThat(p.organisation()).isNull();
        assertThat(p.emails().get(0).address()).isEqualTo("Eva@example.de");
        assertThat(p.tags()).containsExactly("Kunde", "VIP");
        assertThat(p.notes()).isNull();
    }
}
