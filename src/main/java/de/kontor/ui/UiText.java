package de.kontor.ui;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.ValidationException;
import de.kontor.i18n.Messages;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The window's texts and formats in one language: bundle texts, refusals as sentences, dates
 * and times for the locale. No JavaFX, so view models can use it in plain tests.
 */
public final class UiText {
    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public UiText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone);
    }

    public UiText(Locale locale) {
        this(new Messages(locale), ZoneId.systemDefault());
    }

    public Messages messages() {
        return messages;
    }

    public Locale locale() {
        return messages.locale();
    }

    public ZoneId zone() {
        return zone;
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
    }

    /** The label of an enum constant: {@code ui.<prefix>.<key>}, or the key when there is none. */
    public String label(String prefix, String key) {
        String k = "ui." + prefix + "." + key;
        return messages.has(k) ? messages.get(k) : key;
    }

    /** The head line of a refusal (without per-field details), or a generic sentence. */
    public String error(Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof KontorException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof KontorException k) {
            return messages.headline(k);
        }
        return messages.get("error.unexpected", String.valueOf(t.getMessage() == null ? t : t.getMessage()));
    }

    /**
     * A refusal as one line: every field error of a validation in turn, a file problem with its
     * message, any other refusal as {@link #error(Throwable)}.
     */
    public String refusal(Throwable t) {
        if (t instanceof ValidationException v && !v.errors().isEmpty()) {
            return v.errors().stream().map(f -> messages.get(f.messageKey(), f.args().toArray()))
                    .collect(Collectors.joining(" "));
        }
        if (t instanceof IOException io) {
            return messages.get("error.unexpected", io.getMessage());
        }
        return error(t);
    }

    /**
     * Puts each field error into {@code errors} under "{@code form}:field" (or "field" when
     * {@code form} is null), joining several for one field, for the marks at the fields.
     */
    public void fieldErrors(String form, List<FieldError> list, Map<String, String> errors) {
        for (FieldError f : list) {
            errors.merge(form == null ? f.baseField() : form + ":" + f.baseField(),
                    messages.get(f.messageKey(), f.args().toArray()), (a, b) -> a + " " + b);
        }
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public String dateTime(Instant i) {
        return i == null ? "" : dateTime.format(i);
    }

    public DateTimeFormatter dateFormatter() {
        return date;
    }

    public String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }
}
