package de.kontor.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import de.kontor.ui.settings.UiSettings;
import javafx.application.Application;

/** Applies the AtlantaFX theme for a setting (JavaFX keeps one user-agent style sheet). */
public final class Themes {
    private Themes() {}

    public static void apply(UiSettings.Theme theme) {
        Application.setUserAgentStylesheet(theme == UiSettings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
