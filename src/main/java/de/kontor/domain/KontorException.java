package de.kontor.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A refusal the user should read: carries a resource-bundle key and its arguments, so the
 * window and the command line can show it in the user's language. {@link #getMessage()} is
 * the key only: arguments may name people or files and must not reach a log.
 * Arguments may be null (e.g. the message of an {@code EOFException}); the cause is kept.
 */
public class KontorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public KontorException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    public KontorException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(args)));
    }

    public String messageKey() {
        return messageKey;
    }

    /** The arguments in order; an element may be null. */
    public List<Object> args() {
        return args;
    }
}
