package de.kontor.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GermanHolidaysTest {
    private final GermanHolidays holidays = new GermanHolidays();

    @ParameterizedTest(name = "Easter Sunday {0}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16",
            "2038, 2038-04-25", "2008, 2008-03-23", "2019, 2019-04-21"})
    void easterSunday(int year, LocalDate easter) {
        assertThat(GermanHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0} is a nationwide holiday")
    @CsvSource({"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03",
            "2026-12-25", "2026-12-26", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17", "2017-10-31"})
    void nationwide(LocalDate day) {
        assertThat(holidays.isHoliday(day)).isTrue();
    }

    @ParameterizedTest(name = "{0} is no nationwide holiday")
    @CsvSource({
            "2026-04-05", // Easter Sunday: a Sunday, not in the list of holidays
            "2026-06-04", // Corpus Christi: only some Länder
            "2026-10-31", // Reformation Day: only some Länder (nationwide only in 2017)
            "2026-11-01", // All Saints: only some Länder
            "2026-12-24", // Christmas Eve: no public holiday
            "2026-12-31", // New Year's Eve: no public holiday
            "2026-11-18", // Day of Repentance: only Saxony
    })
    void notNationwide(LocalDate day) {
        assertThat(holidays.isHoliday(day)).isFalse();
    }

    @ParameterizedTest(name = "working day {0}: {1}")
    @CsvSource({"2026-12-03, true", "2026-12-05, false", "2026-12-06, false", "2026-12-25, false",
            "2026-12-28, true"})
    void workingDays(LocalDate day, boolean working) {
        assertThat(holidays.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025", "2026", "2027"})
    void nineHolidaysAYear(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, Month.JANUARY, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += holidays.isHoliday(d) ? 1 : 0;
        }
        assertThat(n).isEqualTo(9);
    }
}
