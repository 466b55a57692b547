package de.kontor.ui.dedupe;

import de.kontor.dedupe.DedupeRecord;
import de.kontor.dedupe.Match;
import de.kontor.ui.UiText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Match reasons, levels and names in the window's language. */
public final class DedupeText {
    private DedupeText() {}

    /**
     * A reason as a sentence part: {@code ui.dedupe.reason.<reason with dots>} when the bundle
     * has it ("given equal" becomes {@code ui.dedupe.reason.given.equal}), else as the matcher
     * said it.
     */
    public static String reason(UiText text, String reason) {
        String key = "ui.dedupe.reason." + reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".")
                .replaceAll("^\\.|\\.$", "");
        return text.messages().has(key) ? text.get(key) : reason;
    }

    public static String reasons(UiText text, List<String> reasons) {
        return reasons.stream().map(r -> reason(text, r)).collect(Collectors.joining(", "));
    }

    public static String level(UiText text, Match.Level level) {
        return text.get(level == Match.Level.CERTAIN ? "ui.dedupe.certain" : "ui.dedupe.possible");
    }

    public static String name(DedupeRecord r) {
        return r.displayName();
    }

    public static String score(UiText text, double score) {
        return String.format(text.locale(), "%.1f", score);
    }

    public static DuplicateHint hint(UiText text, Match m) {
        return new DuplicateHint(m.b().key(), m.score(), m.level(), name(m.b()), reasons(text, m.reasons()));
    }
}
