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
                .containsExactly("familyName", "birthDate", "language", "email[2]", "phone");
        assertThat(errors.get(1).messageKey()).isEqualTo("validation.birthDate.future");
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
