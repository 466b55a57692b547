package de.kontor.domain.retention;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A data category (Datenart) with its one deletion rule: a standard period counted from a
 * start event, optionally from the end of that calendar year (statutory retention, HGB §257,
 * AO §147), and the action when due.
 */
public record DataCategory(
        long id,
        String key,
        String nameDe,
        String nameEn,
        String descriptionDe,
        String descriptionEn,
        RetentionPeriod period,
        StartEvent startEvent,
        DueAction action,
        boolean fromYearEnd,
        String statutory,
        int version) {

    public DataCategory {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(startEvent, "startEvent");
        Objects.requireNonNull(action, "action");
    }

    public String name(Locale locale) {
        return "de".equals(locale.getLanguage()) ? nameDe : nameEn;
    }

    /** Statutory retention blocks early erasure: such records are restricted instead. */
    public boolean statutoryRetention() {
        return statutory != null && !statutory.isBlank();
    }

    /**
     * The first day on which an item whose start event happened on {@code start} is due. With
     * {@code fromYearEnd} the period runs from the end of that calendar year: a 2026 invoice
     * kept 10 years is due on 1 January 2037.
     */
    public LocalDate dueDate(LocalDate start) {
        LocalDate base = fromYearEnd ? LocalDate.of(start.getYear() + 1, 1, 1) : start;
        return base.plus(period.period());
    }
}
