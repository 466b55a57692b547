package de.kontor.i18n;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.ValidationException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The user's texts in one language, from the {@code de.kontor.i18n.messages} bundles (UTF-8).
 * Made once per locale by the composition root and handed to the window and command line.
 */
public final class Messages {
    public static final String BUNDLE = "de.kontor.i18n.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key} with its arguments; the key itself if it is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            // Record ids are longs: shown as typed ("4711"), never grouped ("4,711").
            if (shown[i] instanceof Long id && !pattern.contains("{" + i + ",")) {
                shown[i] = Long.toString(id);
            }
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** A user-readable sentence for any refusal, with every field error for validation. */
    public String describe(KontorException e) {
        String head = get(e.messageKey(), e.args().toArray());
        if (e instanceof ValidationException v) {
            return head + " " + v.errors().stream().map(this::describe).collect(Collectors.joining(" "));
        }
        return head;
    }

    /** "email: 'x' is not a valid e-mail address." */
    public String describe(FieldError f) {
        return f.field() + ": " + get(f.messageKey(), f.args().toArray());
    }
}
