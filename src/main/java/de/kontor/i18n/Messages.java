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
        String head = headline(e);
        if (e instanceof ValidationException v) {
            return head + " " + v.errors().stream().map(this::describe).collect(Collectors.joining(" "));
        }
        return head;
    }

    /**
     * The refusal's own sentence. An argument that is null (an exception without a message)
     * is shown as the kind of the cause, e.g. "the file ends too early", never as "null".
     */
    public String headline(KontorException e) {
        Object[] args = e.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                args[i] = kind(e.getCause());
            }
        }
        return get(e.messageKey(), args);
    }

    /** What kind of failure {@code t} is, in words where the bundle knows it, else its class name. */
    public String kind(Throwable t) {
        if (t == null) {
            return get("error.kind.unknown");
        }
        String key = "error.kind." + t.getClass().getSimpleName();
        return has(key) ? get(key) : t.getClass().getSimpleName();
    }

    /** "email: 'x' is not a valid e-mail address." */
    public String describe(FieldError f) {
        return f.field() + ": " + get(f.messageKey(), f.args().toArray());
    }
}
