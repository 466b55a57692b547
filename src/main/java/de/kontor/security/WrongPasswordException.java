package de.kontor.security;

import de.kontor.domain.KontorException;

public class WrongPasswordException extends KontorException {
    private static final long serialVersionUID = 1L;

    public WrongPasswordException(String user) {
        super("error.wrongPassword", user);
    }

    /** The only slot was tried: no user name was given. */
    public WrongPasswordException() {
        super("error.wrongPasswordOnly");
    }
}
