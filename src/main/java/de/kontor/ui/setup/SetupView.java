package de.kontor.ui.setup;

import atlantafx.base.theme.Styles;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.app.Workspace;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** The first-start dialog: creates the encrypted database and its owner account. */
public final class SetupView {
    private final Parent root;

    public SetupView(SetupViewModel vm, UiText text, Consumer<Workspace> onOpen) {
        TextField owner = new TextField();
        owner.setId("setupOwner");
        owner.textProperty().bindBidirectional(vm.ownerProperty());
        PasswordField password = new PasswordField();
        password.setId("setupPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("setupRepeat");
        repeat.textProperty().bindBidirectional(vm.repeatProperty());

        ProgressBar strength = new ProgressBar(0);
        strength.setId("setupStrength");
        strength.setMaxWidth(Double.MAX_VALUE);
        strength.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> vm.passwordProperty().get().isEmpty() ? 0 : (vm.strengthProperty().get() + 1) / 5.0,
                vm.passwordProperty(), vm.strengthProperty()));
        vm.strengthProperty().addListener((o, a, b) -> styleStrength(strength, b.intValue()));
        styleStrength(strength, 0);
        Label strengthText = new Label();
        strengthText.setId("setupStrengthText");
        strengthText.textProperty().bind(vm.strengthTextProperty());
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(vm.hintProperty());

        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.setup.owner"), owner);
        Views.row(grid, text.get("ui.setup.password"), password);
        Views.row(grid, text.get("ui.setup.repeat"), repeat);
        Views.row(grid, text.get("ui.setup.strength"), new HBox(8, strength, strengthText));
        HBox.setHgrow(strength, javafx.scene.layout.Priority.ALWAYS);

        Button create = new Button(text.get("ui.setup.create"));
        create.setId("setupCreate");
        create.setDefaultButton(true);
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(vm.canCreateBinding().not());
        create.setOnAction(e -> vm.create(onOpen));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(vm.busyProperty());

        Label error = Views.errorLabel("setupError");
        error.textProperty().bind(vm.errorProperty());
        Label intro = new Label(text.get("ui.setup.intro"));
        intro.setWrapText(true);
        root = Views.card(Views.title(text.get("ui.setup.title")), intro, grid, hint,
                error, new HBox(12, create, progress));
    }

    private static void styleStrength(ProgressBar bar, int s) {
        bar.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
        bar.getStyleClass().add(s < 2 ? Styles.DANGER : s < 3 ? Styles.WARNING : Styles.SUCCESS);
    }

    public Parent root() {
        return root;
    }
}
