package de.kontor.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods in months counted as Regulation 1182/71 Art. 3 says (see decision 0011). */
class LegalPeriodTest {
    @ParameterizedTest(name = "{0} + {1} month(s) ends {2}")
    @CsvSource({
            // event,     months, last day   -- why
            "2026-03-05, 1, 2026-04-07", //  Apr 5 is Easter Sunday, Apr 6 Easter Monday: next working day
            "2026-02-10, 1, 2026-03-10", //  same date in the next month (a Tuesday)
            "2026-01-31, 1, 2026-03-02", //  no Feb 31: last day of Feb (Sat 28th), then Monday
            "2028-01-31, 1, 2028-02-29", //  leap year: Feb 29 (a Tuesday)
            "2027-01-29, 1, 2027-03-01", //  no Feb 29 in 2027: Feb 28 is a Sunday, then Monday Mar 1
            "2024-01-29, 1, 2024-02-29", //  leap year: Feb 29 exists (Thursday)
            "2026-10-31, 1, 2026-11-30", //  no Nov 31: Nov 30 (Monday)
            "2026-10-31, 3, 2027-02-01", //  three months from receipt: Jan 31 2027 is a Sunday
            "2026-10-31, 2, 2026-12-31", //  Dec 31 (Thursday) is no public holiday
            "2025-08-31, 2, 2025-10-31", //  Reformation Day (Friday) is a holiday only in some Länder
            "2026-03-31, 1, 2026-04-30", //  no Apr 31: Apr 30 (Thursday)
            "2026-03-31, 3, 2026-06-30", //  three months: Jun 30 (Tuesday)
            "2026-11-25, 1, 2026-12-28", //  Dec 25 Friday, 26 Saturday, 27 Sunday
            "2026-12-01, 1, 2027-01-04", //  Jan 1 Friday holiday, weekend after
            "2026-09-03, 1, 2026-10-05", //  Oct 3 (Unity Day) is a Saturday anyway
            "2026-12-17, 3, 2027-03-17", //  Wednesday, nothing to move
            "2026-04-14, 1, 2026-05-15", //  May 14 2026 is Ascension Day
            "2026-04-25, 1, 2026-05-26", //  May 25 2026 is Whit Monday
            "2026-03-01, 2, 2026-05-04", //  May 1 Friday holiday, weekend after
            "2017-08-31, 2, 2017-11-01", //  Oct 31 2017 was a one-off nationwide holiday (Reformation 500)
    })
    void monthsEndOnTheSameDateOrTheMonthsLastDayThenTheNextWorkingDay(LocalDate event, int months,
            LocalDate expected) {
        assertThat(LegalPeriod.months(event, months)).isEqualTo(expected);
    }

    @Test
    void theExtensionCountsFromReceiptNotFromTheFirstDeadline() {
        LocalDate received = LocalDate.of(2026, 10, 31);
        LocalDate chained = LegalPeriod.months(received, 1).plusMonths(2); // Nov 30 + 2 months = Jan 30
        assertThat(LegalPeriod.months(received, 3)).isNotEqualTo(chained).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void neverEndsOnAWeekendOrNationwideHoliday() {
        GermanHolidays holidays = new GermanHolidays();
        LocalDate event = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 3 * 366; i++, event = event.plusDays(1)) {
            for (int m = 1; m <= 3; m++) {
                LocalDate end = LegalPeriod.months(event, m);
                assertThat(end.getDayOfWeek()).as(event + " + " + m).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(holidays.isHoliday(end)).as(event + " + " + m).isFalse();
                LocalDate plain = event.plusMonths(m);
                assertThat(end).as(event + " + " + m).isAfterOrEqualTo(plain).isBefore(plain.plusDays(6));
            }
        }
    }

    @Test
    void refusesPeriodsThatAreNotMonths() {
        assertThatThrownBy(() -> LegalPeriod.months(LocalDate.of(2026, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
