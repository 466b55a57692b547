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

    public boolean dueOn(LocalDate day) {
        return !due.isAfter(day);
    }
}
