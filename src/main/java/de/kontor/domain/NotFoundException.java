package de.kontor.domain;

public class NotFoundException extends KontorException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, long id) {
        super("error.notFound", entity, id);
    }
}
