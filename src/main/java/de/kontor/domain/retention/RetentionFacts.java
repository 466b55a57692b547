package de.kontor.domain.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the store knows about every item's dates: the input of the due list. Dates are local
 * dates in the office's time zone.
 */
public record RetentionFacts(
        List<PersonFact> persons,
        List<ActivityFact> activities,
        List<ConsentFact> consents,
        List<DocumentFact> documents,
        Map<String, Postponement> postponements) {

    /** {@code lastContact}: the newest activity date, or null. */
    public record PersonFact(long id, String category, LocalDate collected, LocalDate relationshipEnded,
            LocalDate lastContact, boolean restricted) {}

    /** {@code category} is null when it follows from the kind (order, correspondence, note). */
    public record ActivityFact(long id, long personId, String kind, String category, LocalDate occurred,
            LocalDate collected) {}

    /** {@code ended}: when it was withdrawn or expired; null while it is open or given. */
    public record ConsentFact(long id, long personId, LocalDate collected, LocalDate ended) {}

    public record DocumentFact(long id, Long personId, String category, LocalDate collected) {}

    public record Postponement(ItemType type, long itemId, LocalDate dueOn, String reason) {}

    public static String key(ItemType type, long id) {
        return type.key() + ":" + id;
    }
}
