package de.kontor.service;

import de.kontor.domain.FieldError;
import de.kontor.domain.ValidationException;
import java.util.List;

/** A validation error in one item of a batch (0-based {@code row}); nothing of the batch was saved. */
public class BatchValidationException extends ValidationException {
    private static final long serialVersionUID = 1L;
    private final int row;

    public BatchValidationException(int row, List<FieldError> errors) {
        super(errors);
        this.row = row;
    }

    public int row() {
        return row;
    }
}
