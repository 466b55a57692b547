package de.kontor.ui.settings;

import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Settings screen: language (System, Deutsch, English) and theme (light, dark). */
public final class SettingsView {
    private final VBox root;

    public SettingsView(SettingsViewModel vm, UiText text) {
        ComboBox<UiSettings.Language> language = new ComboBox<>();
        language.setId("settingsLanguage");
        language.getItems().setAll(UiSettings.Language.values());
        language.setConverter(converter(text, "ui.settings.language."));
        language.valueProperty().bindBidirectional(vm.languageProperty());
        ComboBox<UiSettings.Theme> theme = new ComboBox<>();
        theme.setId("settingsTheme");
        theme.getItems().setAll(UiSettings.Theme.values());
        theme.setConverter(converter(text, "ui.settings.theme."));
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.settings.languageLabel"), language);
        Views.row(grid, text.get("ui.settings.themeLabel"), theme);
        grid.setMaxWidth(480);
        root = new VBox(16, Views.title(text.get("ui.nav.settings")), grid);
        root.setPadding(new Insets(12));
    }

    private static <E extends Enum<E>> StringConverter<E> converter(UiText text, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : text.get(prefix + e.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    public Parent root() {
        return root;
    }
}
