package de.kontor.domain.retention;

import java.time.LocalDate;

/**
 * One item of the due list (Wiedervorlage): what, whose, which category, from which start
 * date, due when, and what to do. {@code postponedReason} is set when the owner postponed it.
 */
public record DueItem(
        ItemType type,
        long itemId,
        Long personId,
        String category,
        LocalDate start,
        LocalDate due,
        DueAction action,
        String postponedReason) {

    /** "person:12", "activity:7" …: identifies the item across due lists and on the command line. */
    public String key() {
        return RetentionFacts.key(type, itemId);
    }

    public boolean dueOn(LocalDate day) {
        return !due.isAfter(day);
    }
}
