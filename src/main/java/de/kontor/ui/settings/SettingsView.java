package de.kontor.ui.settings;

import atlantafx.base.theme.Styles;
import de.kontor.privacy.SmtpSecurity;
import de.kontor.ui.EnumConverter;
import de.kontor.ui.FieldMarks;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.backup.BackupPane;
import de.kontor.ui.backup.BackupViewModel;
import javafx.geometry.Insets;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import java.io.File;
import javafx.scene.layout.HBox;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Settings screen: language (System, Deutsch, English) and theme (light, dark) for this
 * computer; SMTP server and double opt-in stale days for the database.
 */
public final class SettingsView {
    private final VBox root;


    private final FieldMarks marks = new FieldMarks();
    private final Map<String, Control> fields = new HashMap<>();

    public SettingsView(SettingsViewModel vm, PrivacySettingsViewModel privacy, UiText text) {
        this(vm, privacy, null, null, text);
    }

    /** With the backups and the lifting of re-entry blocks when those view models are given. */
    public SettingsView(SettingsViewModel vm, PrivacySettingsViewModel privacy, BackupViewModel backup,
            SuppressionViewModel suppression, UiText text) {
        this(vm, privacy, null, backup, suppression, text);
    }

    /** With the controller details and the Art. 30 register when {@code controller} is given. */
    public SettingsView(SettingsViewModel vm, PrivacySettingsViewModel privacy, ControllerSettingsViewModel controller,
            BackupViewModel backup, SuppressionViewModel suppression, UiText text) {
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
        root = new VBox(16, Views.title(text.get("ui.nav.settings")), grid, privacy(privacy, text));
        root.setPadding(new Insets(12));
        // A bidirectional binding holds both properties only weakly, and nothing else refers to the
        // language and theme view model: after a garbage collection choosing a language or theme
        // did nothing. The screen's root keeps its view models for as long as it is shown.
        root.getProperties().put(SettingsView.class, java.util.stream.Stream.of(vm, privacy, controller, backup,
                suppression).filter(java.util.Objects::nonNull).toList());
        privacy.load();
        if (controller != null) {
            root.getChildren().add(controller(controller, text));
            controller.load();
        }
        if (suppression != null) {
            root.getChildren().add(suppression(suppression, text));
        }
        if (backup != null) {
            root.getChildren().add(new BackupPane(backup, text).root());
            backup.load();
        }
    }

    private Node privacy(PrivacySettingsViewModel vm, UiText text) {
        GridPane smtp = Views.formGrid();
        smtp.setMaxWidth(480);
        Views.row(smtp, text.get("ui.privacy.smtpHost"), bound(new TextField(), "smtpHost", "smtp:host", vm.hostProperty()));
        Views.row(smtp, text.get("ui.privacy.smtpPort"), bound(new TextField(), "smtpPort", "smtp:port", vm.portProperty()));
        Views.row(smtp, text.get("ui.privacy.smtpFrom"), bound(new TextField(), "smtpFrom", "smtp:from", vm.fromProperty()));
        Views.row(smtp, text.get("ui.privacy.smtpUser"), bound(new TextField(), "smtpUser", "smtp:username",
                vm.usernameProperty()));
        Views.row(smtp, text.get("ui.privacy.smtpPassword"), bound(new PasswordField(), "smtpPassword", "smtp:password",
                vm.passwordProperty()));
        ComboBox<SmtpSecurity> security = new ComboBox<>(vm.securityChoices());
        security.setId("smtpSecurity");
        security.setConverter(new EnumConverter<>(text, "smtpSecurity", SmtpSecurity::key));
        security.valueProperty().bindBidirectional(vm.securityProperty());
        Views.row(smtp, text.get("ui.privacy.smtpSecurity"), security);
        Button save = new Button(text.get("ui.privacy.smtpSave"));
        save.setId("smtpSave");
        save.setOnAction(e -> vm.saveSmtp());
        Button remove = new Button(text.get("ui.privacy.smtpRemove"));
        remove.setId("smtpRemove");
        remove.setOnAction(e -> vm.removeSmtp());
        smtp.addRow(smtp.getRowCount(), new Label(), new HBox(8, save, remove));

        GridPane stale = Views.formGrid();
        stale.setMaxWidth(480);
        TextField days = bound(new TextField(), "staleDays", "stale:staleDays", vm.staleDaysProperty());
        days.setPrefColumnCount(5);
        Button saveDays = new Button(text.get("ui.privacy.staleSave"));
        saveDays.setId("staleSave");
        saveDays.setOnAction(e -> vm.saveStaleDays());
        Views.row(stale, text.get("ui.privacy.staleDays"), new HBox(8, days, saveDays));

        Label error = Views.errorLabel("privacySettingsError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("privacySettingsMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        Label smtpTitle = new Label(text.get("ui.privacy.smtpTitle"));
        smtpTitle.getStyleClass().add(Styles.TITLE_4);
        vm.errors().addListener((MapChangeListener<String, String>) c -> {
            mark("smtp:", vm.errors());
            mark("stale:", vm.errors());
        });
        return new VBox(10, Views.title(text.get("ui.privacy.settingsTitle")), smtpTitle, smtp, stale, error, message);
    }

    private Node controller(ControllerSettingsViewModel vm, UiText text) {
        GridPane grid = Views.formGrid();
        grid.setMaxWidth(560);
        Views.row(grid, text.get("ui.controller.name"), bound(new TextField(), "controllerName", "controller:name",
                vm.nameProperty()));
        TextArea address = new TextArea();
        address.setPrefRowCount(3);
        address.setId("controllerAddress");
        address.textProperty().bindBidirectional(vm.addressProperty());
        fields.put("controller:address", address);
        Views.row(grid, text.get("ui.controller.address"), address);
        Views.row(grid, text.get("ui.controller.email"), bound(new TextField(), "controllerEmail", "controller:email",
                vm.emailProperty()));
        Views.row(grid, text.get("ui.controller.dpo"), bound(new TextField(), "controllerDpo", "controller:dpo",
                vm.dpoProperty()));
        Views.row(grid, text.get("ui.controller.authority"), bound(new TextField(), "controllerAuthority",
                "controller:authority", vm.authorityProperty()));
        Button save = new Button(text.get("ui.controller.save"));
        save.setId("controllerSave");
        save.setOnAction(e -> vm.save());
        Button register = new Button(text.get("ui.controller.register"),
                Views.icon(org.kordamp.ikonli.feather.Feather.PRINTER));
        register.setId("controllerRegister");
        register.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("ui.controller.register"));
            chooser.setInitialFileName(text.get("ui.controller.registerFile"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            File f = chooser.showSaveDialog(register.getScene() == null ? null : register.getScene().getWindow());
            if (f != null) {
                vm.saveRegister(f.toPath());
            }
        });
        grid.addRow(grid.getRowCount(), new Label(), new HBox(8, save, register));
        Label hint = new Label(text.get("ui.controller.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Label error = Views.errorLabel("controllerError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("controllerMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        vm.errors().addListener((MapChangeListener<String, String>) c -> mark("controller:", vm.errors()));
        return new VBox(10, Views.title(text.get("ui.controller.title")), hint, grid, error, message);
    }

    /** Marks the fields of one form ({@code prefix}) with their refusals. */
    private void mark(String prefix, Map<String, String> errors) {
        fields.forEach((name, control) -> {
            if (name.startsWith(prefix)) {
                marks.mark(control, errors.get(name));
            }
        });
    }

    private Node suppression(SuppressionViewModel vm, UiText text) {
        ComboBox<SuppressionViewModel.Kind> kind = new ComboBox<>();
        kind.setId("blockKind");
        kind.getItems().setAll(SuppressionViewModel.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(SuppressionViewModel.Kind k) {
                return k == null ? "" : text.get("ui.erasure.blockKind." + k.key());
            }

            @Override
            public SuppressionViewModel.Kind fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField value = new TextField();
        value.setId("blockValue");
        value.textProperty().bindBidirectional(vm.valueProperty());
        TextField reason = new TextField();
        reason.setId("blockReason");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        Button lift = new Button(text.get("ui.erasure.liftBlock"));
        lift.setId("blockLift");
        lift.setOnAction(e -> vm.lift());
        GridPane grid = Views.formGrid();
        grid.setMaxWidth(480);
        Views.row(grid, text.get("ui.erasure.blockKind"), kind);
        Views.row(grid, text.get("ui.erasure.blockValue"), value);
        Views.row(grid, text.get("ui.erasure.blockReason"), reason);
        grid.addRow(grid.getRowCount(), new Label(), lift);
        Label error = Views.errorLabel("blockError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("blockMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        return new VBox(10, Views.title(text.get("ui.erasure.blockTitle")), grid, error, message);
    }

    private <C extends TextField> C bound(C c, String id, String key, javafx.beans.property.StringProperty p) {
        c.setId(id);
        c.textProperty().bindBidirectional(p);
        fields.put(key, c);
        return c;
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
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
