package de.kontor.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Small null-safe string helpers shared by the domain rules. */
public final class Text {
    private Text() {}

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Trimmed value, or null for null or blank input. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Joins the non-blank parts with the separator. */
    public static String join(String separator, String... parts) {
        return Arrays.stream(parts)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.joining(separator));
    }

    public static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
