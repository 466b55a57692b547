package de.kontor.domain.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Set;

/**
 * The public holidays that apply in all of Germany (bundeseinheitliche Feiertage), and working
 * days (Monday to Friday that are none of them). Holidays of single Länder (Epiphany, Corpus
 * Christi, Reformation Day, All Saints, ...) are not included: a deadline that ignores them ends
 * at the latest on the day the law allows, never after it (see decision 0011).
 */
public final class GermanHolidays {
    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(Month.JANUARY, 1), // Neujahr
            MonthDay.of(Month.MAY, 1), // Tag der Arbeit
            MonthDay.of(Month.OCTOBER, 3), // Tag der Deutschen Einheit
            MonthDay.of(Month.DECEMBER, 25), // 1. Weihnachtstag
            MonthDay.of(Month.DECEMBER, 26)); // 2. Weihnachtstag
    /** Days after Easter Sunday: Good Friday, Easter Monday, Ascension Day, Whit Monday. */
    private static final Set<Integer> EASTER_OFFSETS = Set.of(-2, 1, 39, 50);
    /** Reformation Day 2017 (500th anniversary) was a holiday in all Länder once. */
    private static final LocalDate REFORMATION_500 = LocalDate.of(2017, Month.OCTOBER, 31);

    public boolean isHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day)) || day.equals(REFORMATION_500)) {
            return true;
        }
        long fromEaster = day.toEpochDay() - easterSunday(day.getYear()).toEpochDay();
        return fromEaster >= -2 && fromEaster <= 50 && EASTER_OFFSETS.contains((int) fromEaster);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The first working day on or after {@code day}. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
