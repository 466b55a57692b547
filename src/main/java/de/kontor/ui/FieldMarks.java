package de.kontor.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows a refusal at the field it concerns: a ControlsFX error decoration with the message
 * as tooltip, and AtlantaFX's danger state on the control.
 */
public final class FieldMarks {
    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();

    /** Marks {@code control} with {@code message}; an empty or null message clears the mark. */
    public void mark(Control control, String message) {
        decoration.removeDecorations(control);
        boolean error = message != null && !message.isEmpty();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, error);
        control.setTooltip(error ? new Tooltip(message) : null);
        if (error) {
            decoration.applyValidationDecoration(ValidationMessage.error(control, message));
        }
    }
}
