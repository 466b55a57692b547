package de.kontor.domain.retention;

import de.kontor.domain.privacy.Keyed;
import java.time.Period;

/** The standard periods a deletion rule may use (DIN 66398 keeps the list short on purpose). */
public enum RetentionPeriod implements Keyed {
    IMMEDIATELY("0", Period.ZERO),
    MONTHS_1("1m", Period.ofMonths(1)),
    MONTHS_3("3m", Period.ofMonths(3)),
    MONTHS_6("6m", Period.ofMonths(6)),
    YEARS_1("1y", Period.ofYears(1)),
    YEARS_2("2y", Period.ofYears(2)),
    YEARS_3("3y", Period.ofYears(3)),
    YEARS_6("6y", Period.ofYears(6)),
    YEARS_10("10y", Period.ofYears(10));

    private final String key;
    private final Period period;

    RetentionPeriod(String key, Period period) {
        this.key = key;
        this.period = period;
    }

    @Override
    public String key() {
        return key;
    }

    public Period period() {
        return period;
    }
}
