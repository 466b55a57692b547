package de.kontor.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DueListTest {
    private static DataCategory cat(String key, RetentionPeriod p, StartEvent s, DueAction a, boolean yearEnd, String law) {
        return new DataCategory(1, key, key, key, null, null, p, s, a, yearEnd, law, 1);
    }

    private final List<DataCategory> concept = List.of(
            cat("prospect", RetentionPeriod.YEARS_1, StartEvent.RELATIONSHIP_END, DueAction.DELETE, false, null),
            cat("customer", RetentionPeriod.YEARS_3, StartEvent.RELATIONSHIP_END, DueAction.ANONYMISE, true, null),
            cat("order", RetentionPeriod.YEARS_10, StartEvent.PROCESS_END, DueAction.DELETE, true, "AO § 147"),
            cat("correspondence", RetentionPeriod.YEARS_6, StartEvent.PROCESS_END, DueAction.DELETE, true, "HGB § 257"),
            cat("marketing-consent", RetentionPeriod.YEARS_3, StartEvent.RELATIONSHIP_END, DueAction.DELETE, true, null),
            cat("note", RetentionPeriod.YEARS_1, StartEvent.COLLECTION, DueAction.REVIEW, false, null));

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void calendarYearEndsCountFromTheFirstOfJanuary() {
        DataCategory order = concept.get(2);
        assertThat(order.dueDate(d("2026-03-15"))).isEqualTo(d("2037-01-01"));
        assertThat(order.dueDate(d("2026-12-31"))).isEqualTo(d("2037-01-01"));
        assertThat(order.dueDate(d("2027-01-01"))).isEqualTo(d("2038-01-01"));
        assertThat(concept.get(3).dueDate(d("2026-06-30"))).isEqualTo(d("2033-01-01"));
        assertThat(concept.get(0).dueDate(d("2026-03-15"))).isEqualTo(d("2027-03-15"));
        assertThat(cat("x", RetentionPeriod.IMMEDIATELY, StartEvent.COLLECTION, DueAction.DELETE, false, null)
                .dueDate(d("2026-03-15"))).isEqualTo(d("2026-03-15"));
        assertThat(cat("x", RetentionPeriod.MONTHS_1, StartEvent.COLLECTION, DueAction.DELETE, false, null)
                .dueDate(d("2026-01-31"))).isEqualTo(d("2026-02-28"));
        assertThat(order.statutoryRetention()).isTrue();
        assertThat(concept.get(1).statutoryRetention()).isFalse();
    }

    @Test
    void eachStartEventKind() {
        RetentionFacts facts = new RetentionFacts(
                List.of(new RetentionFacts.PersonFact(1, "prospect", d("2025-01-10"), null, d("2025-06-01"), false),
                        new RetentionFacts.PersonFact(2, "customer", d("2020-01-10"), d("2024-05-31"), d("2025-02-01"), false),
                        new RetentionFacts.PersonFact(3, "prospect", d("2025-01-10"), null, null, false)),
                List.of(new RetentionFacts.ActivityFact(10, 2, "order", null, d("2024-05-31"), d("2024-05-31")),
                        new RetentionFacts.ActivityFact(11, 2, "call", null, d("2024-02-01"), d("2024-02-01")),
                        new RetentionFacts.ActivityFact(12, 2, "note", null, d("2024-02-01"), d("2024-03-01"))),
                List.of(new RetentionFacts.ConsentFact(20, 1, d("2025-01-10"), d("2025-07-01")),
                        new RetentionFacts.ConsentFact(21, 1, d("2025-01-10"), null)),
                List.of(new RetentionFacts.DocumentFact(30, 2L, null, d("2024-01-05"))),
                Map.of());
        List<DueItem> items = new DueList().compute(concept, facts);
        assertThat(items).extracting(i -> i.type().key() + i.itemId() + "@" + i.due()).containsExactly(
                "activity12@2025-03-01", // note: one year from collection, review
                "person3@2026-01-10",   // prospect, relationship end = collection (no contact)
                "person1@2026-06-01",   // prospect, relationship end = last contact
                "person2@2028-01-01",   // customer: explicit end 2024-05-31, year end, 3 years
                "consent20@2029-01-01", // withdrawn 2025-07-01: year end + 3 years
                "activity11@2031-01-01", // correspondence 2024: 6 years from 2025-01-01
                "document30@2031-01-01",
                "activity10@2035-01-01"  // order 2024: 10 years from 2025-01-01
        );
        assertThat(items).filteredOn(i -> i.itemId() == 12).singleElement()
                .satisfies(i -> assertThat(i.action()).isEqualTo(DueAction.REVIEW));
        assertThat(items).noneMatch(i -> i.itemId() == 21);
    }

    @Test
    void postponementMovesTheDateWithItsReason() {
        RetentionFacts facts = new RetentionFacts(
                List.of(new RetentionFacts.PersonFact(1, "prospect", d("2025-01-10"), null, null, false)), List.of(),
                List.of(), List.of(), Map.of("person:1", new RetentionFacts.Postponement(ItemType.PERSON, 1,
                        d("2026-09-01"), "open quote")));
        DueItem i = new DueList().compute(concept, facts).get(0);
        assertThat(i.due()).isEqualTo(d("2026-09-01"));
        assertThat(i.postponedReason()).isEqualTo("open quote");
        assertThat(i.dueOn(d("2026-08-31"))).isFalse();
        assertThat(i.dueOn(d("2026-09-01"))).isTrue();
    }
}
