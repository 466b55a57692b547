package de.kontor.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows enum constants by their bundle label ({@code ui.<prefix>.<key>}). */
public final class EnumConverter<E extends Enum<E>> extends StringConverter<E> {
    private final UiText text;
    private final String prefix;
    private final Function<E, String> key;

    public EnumConverter(UiText text, String prefix, Function<E, String> key) {
        this.text = text;
        this.prefix = prefix;
        this.key = key;
    }

    @Override
    public String toString(E value) {
        return value == null ? "" : text.label(prefix, key.apply(value));
    }

    @Override
    public E fromString(String string) {
        throw new UnsupportedOperationException("choice only");
    }
}
