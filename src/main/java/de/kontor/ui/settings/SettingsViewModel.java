package de.kontor.ui.settings;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Language and theme; each change is remembered and applied at once. */
public final class SettingsViewModel {
    private final ObjectProperty<UiSettings.Language> language;
    private final ObjectProperty<UiSettings.Theme> theme;

    public SettingsViewModel(UiSettings settings, Consumer<UiSettings.Language> onLanguage,
            Consumer<UiSettings.Theme> onTheme) {
        language = new SimpleObjectProperty<>(settings.language());
        theme = new SimpleObjectProperty<>(settings.theme());
        language.addListener((o, a, b) -> {
            settings.setLanguage(b);
            onLanguage.accept(b);
        });
        theme.addListener((o, a, b) -> {
            settings.setTheme(b);
            onTheme.accept(b);
        });
    }

    public ObjectProperty<UiSettings.Language> languageProperty() {
        return language;
    }

    public ObjectProperty<UiSettings.Theme> themeProperty() {
        return theme;
    }
}
