package de.kontor.exchange;

import java.util.List;

/**
 * Why one line of an import file was refused: the physical line number (the header is line 1),
 * the field ({@code null} when the whole line is bad, e.g. wrong column count) and a message
 * key with its arguments from the {@code de.kontor.i18n.messages} bundle.
 */
public record LineProblem(long line, String field, String messageKey, List<String> args) {
    public LineProblem {
        args = List.copyOf(args);
    }

    public static LineProblem of(long line, String field, String messageKey, String... args) {
        return new LineProblem(line, field, messageKey, List.of(args));
    }
}
