package de.kontor.domain;

import java.util.List;

/**
 * A refusal the user should read: carries a resource-bundle key and its arguments, so the
 * window and the command line can show it in the user's language. {@link #getMessage()}
 * holds an English fallback for logs.
 */
public class KontorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public KontorException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    public KontorException(Throwable cause, String messageKey, Object... args) {
        super(messageKey + " " + List.of(args), cause);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
