package de.kontor.domain.time;

import java.time.LocalDate;

/**
 * Periods expressed in months, counted as Regulation (EEC, Euratom) No 1182/71 Art. 3 says (the
 * rule the EDPB applies to the time limits of Art. 12(3) GDPR, see decision 0011):
 * <ul>
 * <li>the day of the event is not counted (Art. 3(1));
 * <li>the period ends with the day in the last month that has the same date as the event; if that
 * date does not exist there, with the last day of that month (Art. 3(2)(c));
 * <li>if that day is a Saturday, Sunday or public holiday, the period ends with the next working
 * day (Art. 3(4)); public holidays are Germany's nationwide ones ({@link GermanHolidays}).
 * </ul>
 * The one place in Kontor that turns "n months after" into a date for a legal time limit.
 */
public final class LegalPeriod {
    private static final GermanHolidays HOLIDAYS = new GermanHolidays();

    private LegalPeriod() {}

    /** The last day of a period of {@code months} months that runs from the event on {@code event}. */
    public static LocalDate months(LocalDate event, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a period of " + months + " months");
        }
        // plusMonths keeps the date and falls back to the month's last day where it does not exist
        return HOLIDAYS.onOrAfter(event.plusMonths(months));
    }
}
