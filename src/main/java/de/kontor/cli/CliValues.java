package de.kontor.cli;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.ValidationException;
import de.kontor.domain.privacy.Keyed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Parsing of command-line values with messages that name the option. */
final class CliValues {
    private CliValues() {}

    static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(FieldError.of(option, "validation.date", value)));
        }
    }

    /** 2026-11-20T10:15:00Z, 2026-11-20T10:15 (local time) or 2026-11-20 (start of day). */
    static Instant dateTime(String option, String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            java.time.temporal.TemporalAccessor t = DATE_TIME.parseBest(v, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (t instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            if (t instanceof LocalDateTime ldt) {
                return ldt.atZone(zone).toInstant();
            }
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(FieldError.of(option, "validation.dateTime", value)));
        }
    }

    /** ISO date, optionally with a time, optionally with an offset ("Z", "+01:00"). */
    private static final java.time.format.DateTimeFormatter DATE_TIME = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T')
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME).optionalStart().appendOffsetId().toFormatter();

    static <E extends Enum<E> & Keyed> E keyed(Class<E> type, String value, String messageKey) {
        return Keyed.fromKey(type, value).orElseThrow(() -> new KontorException(messageKey, value,
                Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", "))));
    }
}
