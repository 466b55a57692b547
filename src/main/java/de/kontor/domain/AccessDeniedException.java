package de.kontor.domain;

public class AccessDeniedException extends KontorException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String username, String action) {
        super("error.accessDenied", username, action);
    }
}
