package de.kontor.ui.backup;

import atlantafx.base.theme.Styles;
import de.kontor.app.Backups;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** The backups section of Settings. */
public final class BackupPane {
    private final BackupViewModel vm;
    private final UiText text;
    private final VBox root;

    public BackupPane(BackupViewModel vm, UiText text) {
        this.vm = vm;
        this.text = text;
        Button now = new Button(text.get("ui.backup.now"), Views.icon(Feather.DOWNLOAD));
        now.setId("backupNow");
        now.setOnAction(e -> vm.backupNow());
        Button to = new Button(text.get("ui.backup.nowTo"), Views.icon(Feather.SAVE));
        to.setId("backupTo");
        to.setOnAction(e -> chooseTarget());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("backupProgress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.workingProperty());
        Label working = new Label(text.get("ui.backup.working"));
        working.visibleProperty().bind(vm.workingProperty());
        now.disableProperty().bind(vm.workingProperty());
        to.disableProperty().bind(vm.workingProperty());
        HBox actions = new HBox(8, now, to, progress, working);
        actions.setAlignment(Pos.CENTER_LEFT);

        TableView<BackupViewModel.BackupRow> table = new TableView<>(vm.rows());
        table.setId("backupTable");
        table.setPrefHeight(180);
        table.setMaxWidth(640);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("ui.backup.none")));
        table.getColumns().add(Views.column(text.get("ui.backup.file"), BackupViewModel.BackupRow::name));
        table.getColumns().add(Views.column(text.get("ui.backup.date"), BackupViewModel.BackupRow::made));
        table.getColumns().add(Views.column(text.get("ui.backup.size"), BackupViewModel.BackupRow::size));
        Button restore = new Button(text.get("ui.backup.restore"), Views.icon(Feather.ROTATE_CCW));
        restore.setId("backupRestore");
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.workingProperty()));
        restore.setOnAction(e -> confirmRestore(table.getSelectionModel().getSelectedItem()));

        TextField generations = new TextField();
        generations.setId("backupGenerations");
        generations.setPrefColumnCount(4);
        generations.textProperty().bindBidirectional(vm.generationsProperty());
        Button saveGenerations = new Button(text.get("ui.backup.generationsSave"));
        saveGenerations.setId("backupGenerationsSave");
        saveGenerations.setOnAction(e -> vm.saveGenerations());
        HBox gen = new HBox(8, new Label(text.get("ui.backup.generations")), generations, saveGenerations);
        gen.setAlignment(Pos.CENTER_LEFT);
        Label auto = new Label(text.get("ui.backup.auto", vm.folder()));
        auto.setWrapText(true);
        auto.getStyleClass().add(Styles.TEXT_MUTED);

        Label error = Views.errorLabel("backupError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("backupMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        root = new VBox(10, Views.title(text.get("ui.backup.title")), actions, table, restore, gen, auto, error,
                message);
    }

    private void chooseTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("ui.backup.nowTo"));
        chooser.setInitialFileName("kontor" + Backups.EXTENSION);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Kontor", "*" + Backups.EXTENSION));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.backupTo(f.toPath());
        }
    }

    private void confirmRestore(BackupViewModel.BackupRow row) {
        if (row == null) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.backup.restore"));
        d.setHeaderText(text.get("ui.backup.restoreHeader", row.name()));
        Label explain = new Label(text.get("ui.backup.restoreText"));
        explain.setWrapText(true);
        explain.setMaxWidth(440);
        PasswordField password = new PasswordField();
        password.setId("restorePassword");
        password.setPromptText(text.get("ui.backup.password"));
        d.getDialogPane().setContent(new VBox(10, explain, password));
        ButtonType ok = new ButtonType(text.get("ui.backup.restore"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(password.textProperty().isEmpty());
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> {
            char[] pw = password.getText().toCharArray();
            password.clear();
            vm.restore(row.path(), pw);
        });
    }

    public Node root() {
        return root;
    }
}
