package de.kontor.ui.erasure;

import atlantafx.base.theme.Styles;
import de.kontor.domain.retention.DataCategory;
import de.kontor.privacy.ErasureResult;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The person detail's privacy actions: erase, anonymise, restrict or lift, and the data
 * category with the end of the relationship; with their dialogs and the erasure result.
 */
public final class ErasureActions {
    private final PersonErasureViewModel vm;
    private final UiText text;
    private final Runnable onGone;
    private final Runnable onChanged;
    private final VBox root;
    private final HBox header;
    private final HBox categoryRow;

    /**
     * {@code onGone}: the person was erased or anonymised (the detail clears, the list reloads);
     * {@code onChanged}: a restriction changed (the list reloads).
     */
    public ErasureActions(PersonErasureViewModel vm, UiText text, Runnable onGone, Runnable onChanged) {
        this.vm = vm;
        this.text = text;
        this.onGone = onGone;
        this.onChanged = onChanged;
        MenuItem erase = new MenuItem(text.get("ui.erasure.erase"), Views.icon(Feather.TRASH));
        erase.setId("detailErase");
        erase.setOnAction(e -> confirmErase());
        MenuItem anonymise = new MenuItem(text.get("ui.erasure.anonymise"), Views.icon(Feather.EYE_OFF));
        anonymise.setId("detailAnonymise");
        anonymise.setOnAction(e -> confirmAnonymise());
        MenuItem restrict = new MenuItem(text.get("ui.restriction.restrict"), Views.icon(Feather.LOCK));
        restrict.setId("detailRestrict");
        restrict.setOnAction(e -> restrictDialog());
        restrict.visibleProperty().bind(vm.restrictedProperty().not());
        MenuItem lift = new MenuItem(text.get("ui.restriction.lift"), Views.icon(Feather.UNLOCK));
        lift.setId("detailLift");
        lift.setOnAction(e -> liftDialog());
        lift.visibleProperty().bind(vm.restrictedProperty());
        lift.disableProperty().bind(vm.liftableProperty().not());
        MenuButton menu = new MenuButton(text.get("ui.erasure.actions"), Views.icon(Feather.SHIELD), restrict, lift,
                new SeparatorMenuItem(), anonymise, erase);
        menu.setId("detailPrivacyActions");
        menu.disableProperty().bind(vm.workingProperty().or(vm.personIdProperty().isNull()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("erasureProgress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.workingProperty());
        progress.managedProperty().bind(vm.workingProperty());
        progress.setTooltip(new javafx.scene.control.Tooltip(text.get("ui.erasure.working")));
        header = new HBox(6, progress, menu);
        header.setAlignment(Pos.CENTER_LEFT);

        Label restriction = new Label();
        restriction.setId("restrictionInfo");
        restriction.setWrapText(true);
        restriction.getStyleClass().add(Styles.WARNING);
        restriction.textProperty().bind(vm.restrictionProperty());
        restriction.managedProperty().bind(vm.restrictionProperty().isNotEmpty());
        restriction.visibleProperty().bind(vm.restrictionProperty().isNotEmpty());

        ComboBox<DataCategory> category = new ComboBox<>(vm.categories());
        category.setId("personCategory");
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        category.setConverter(Views.converter(c -> c.name(text.locale())));
        DatePicker ended = new DatePicker();
        ended.setId("relationshipEnded");
        ended.setConverter(Views.dateConverter(text));
        ended.valueProperty().bindBidirectional(vm.relationshipEndedProperty());
        ended.setPromptText(text.get("ui.retention.relationshipEnded"));
        Button saveCategory = new Button(text.get("ui.retention.saveCategory"));
        saveCategory.setId("personCategorySave");
        saveCategory.setOnAction(e -> vm.saveCategory());
        categoryRow = new HBox(8, new Label(text.get("ui.retention.personCategory")), category,
                new Label(text.get("ui.retention.relationshipEnded")), ended, saveCategory);
        categoryRow.setAlignment(Pos.CENTER_LEFT);
        categoryRow.setPadding(new Insets(12, 12, 0, 12));
        categoryRow.disableProperty().bind(vm.restrictedProperty());

        Label error = Views.errorLabel("erasureError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("erasureMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        root = new VBox(4, restriction, error, message);
        root.setPadding(new Insets(0, 12, 0, 12));
    }

    private void confirmErase() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.erasure.erase"));
        d.setHeaderText(text.get("ui.erasure.confirmHeader"));
        Label explain = new Label(text.get("ui.erasure.confirmText"));
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        CheckBox keep = new CheckBox(text.get("ui.erasure.keepDocuments"));
        keep.setId("erasureKeepDocuments");
        d.getDialogPane().setContent(new VBox(12, explain, keep));
        ButtonType ok = new ButtonType(text.get("ui.erasure.eraseNow"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("erasureConfirm");
        d.getDialogPane().lookupButton(ok).getStyleClass().add(Styles.DANGER);
        owner(d);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.erase(keep.isSelected(), this::showResult));
    }

    private void confirmAnonymise() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.get("ui.erasure.anonymiseText"), ButtonType.OK,
                ButtonType.CANCEL);
        a.setTitle(text.get("ui.erasure.anonymise"));
        a.setHeaderText(text.get("ui.erasure.confirmHeader"));
        owner(a);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.anonymise(this::showResult));
    }

    private void showResult(ErasureResult r) {
        onGone.run();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.erasure.resultTitle"));
        d.setHeaderText(text.get("ui.erasure.done." + r.kind()));
        TextArea lines = new TextArea(String.join("\n", vm.resultLines(r)));
        lines.setId("erasureResult");
        lines.setEditable(false);
        lines.setWrapText(true);
        lines.setPrefRowCount(8);
        d.getDialogPane().setContent(lines);
        ButtonType save = new ButtonType(text.get("ui.erasure.saveCertificate"), ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CLOSE);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.setId("erasureSaveCertificate");
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("ui.erasure.saveCertificate"));
            chooser.setInitialFileName(text.get("ui.erasure.certificateFile", r.journalId()));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            File f = chooser.showSaveDialog(d.getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.saveCertificate(f.toPath());
            }
        });
        owner(d);
        d.show();
    }

    private void restrictDialog() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.restriction.restrict"));
        d.setHeaderText(text.get("ui.restriction.header"));
        TextField reason = new TextField();
        reason.setId("restrictionReason");
        reason.setPrefColumnCount(30);
        DatePicker until = new DatePicker();
        until.setId("restrictionUntil");
        until.setConverter(Views.dateConverter(text));
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.restriction.reason"), reason);
        Views.row(grid, text.get("ui.restriction.until"), until);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(text.get("ui.restriction.restrict"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty());
        owner(d);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.restrict(reason.getText(), until.getValue(), onChanged));
    }

    private void liftDialog() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.restriction.lift"));
        d.setHeaderText(text.get("ui.restriction.liftHeader"));
        TextField reason = new TextField();
        reason.setId("liftReason");
        reason.setPrefColumnCount(30);
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.restriction.reason"), reason);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(text.get("ui.restriction.lift"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        owner(d);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.lift(reason.getText(), onChanged));
    }

    private void owner(Dialog<?> d) {
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
    }

    /** Restriction, error and message lines under the header (take no space while empty). */
    public Node root() {
        return root;
    }

    /** The privacy actions menu for the header row. */
    public Node header() {
        return header;
    }

    /** The data category and end of relationship, for the details tab. */
    public Node category() {
        return categoryRow;
    }
}
