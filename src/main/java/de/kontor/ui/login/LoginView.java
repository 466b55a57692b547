package de.kontor.ui.login;

import atlantafx.base.theme.Styles;
import de.kontor.app.Workspace;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** The unlock dialog. A wrong password shows the reason and keeps the dialog open. */
public final class LoginView {
    private final Parent root;

    public LoginView(LoginViewModel vm, UiText text, String folder, Consumer<Workspace> onOpen) {
        GridPane grid = Views.formGrid();
        if (vm.asksForUser()) {
            TextField user = new TextField();
            user.setId("loginUser");
            user.textProperty().bindBidirectional(vm.userProperty());
            Views.row(grid, text.get("ui.login.user"), user);
        }
        PasswordField password = new PasswordField();
        password.setId("loginPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.disableProperty().bind(vm.busyProperty());
        Views.row(grid, text.get("ui.login.password"), password);

        Button unlock = new Button(text.get("ui.login.unlock"));
        unlock.setId("loginUnlock");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.disableProperty().bind(vm.busyProperty().or(vm.passwordProperty().isEmpty()));
        unlock.setOnAction(e -> vm.unlock(onOpen));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(vm.busyProperty());
        Label error = Views.errorLabel("loginError");
        error.textProperty().bind(vm.errorProperty());
        vm.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                Platform.runLater(password::requestFocus);
            }
        });

        Label where = new Label(text.get("ui.login.folder", folder));
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        root = Views.card(Views.title(text.get("ui.login.title")), where, grid, error, new HBox(12, unlock, progress));
        Platform.runLater(password::requestFocus);
    }

    public Parent root() {
        return root;
    }
}
