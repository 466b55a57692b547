package de.kontor.domain;

/** An update was based on a version that someone else has changed since. */
public class StaleDataException extends KontorException {
    private static final long serialVersionUID = 1L;

    public StaleDataException(String entity, long id) {
        super("error.stale", entity, id);
    }
}
