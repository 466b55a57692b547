package de.kontor.ui.retention;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.DueAction;
import de.kontor.domain.retention.RetentionPeriod;
import de.kontor.domain.retention.StartEvent;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** The deletion concept screen: rules above, the due list (Wiedervorlage) below. */
public final class RetentionView {
    private final RetentionViewModel vm;
    private final UiText text;
    private final BorderPane root = new BorderPane();

    public RetentionView(RetentionViewModel vm, UiText text) {
        this.vm = vm;
        this.text = text;
        root.setId("retention");
        Button print = new Button(text.get("ui.retention.print"), Views.icon(Feather.PRINTER));
        print.setId("retentionPrint");
        print.setOnAction(e -> printConcept());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, Views.title(text.get("ui.retention.title")), gap, print);
        head.setAlignment(Pos.CENTER_LEFT);
        Label error = Views.errorLabel("retentionError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("retentionMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(6, head, error, message);
        top.setPadding(new Insets(12, 12, 0, 12));
        SplitPane split = new SplitPane(rules(), due());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        root.setTop(top);
        root.setCenter(split);
        vm.load();
    }

    private Node rules() {
        TableView<DataCategory> table = new TableView<>(vm.categories());
        table.setId("retentionRules");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column(text.get("ui.retention.category"), c -> c.name(text.locale())));
        table.getColumns().add(Views.column(text.get("ui.retention.period"),
                c -> text.get("concept.period." + c.period().key())));
        table.getColumns().add(Views.column(text.get("ui.retention.start"),
                c -> text.get("concept.start." + c.startEvent().key())
                        + (c.fromYearEnd() ? " " + text.get("concept.yearEnd") : "")));
        table.getColumns().add(Views.column(text.get("ui.retention.action"),
                c -> text.get("concept.action." + c.action().key())));
        table.getColumns().add(Views.column(text.get("ui.retention.statutory"),
                c -> c.statutory() == null ? "" : c.statutory()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> vm.selectedProperty().set(c));

        ComboBox<RetentionPeriod> period = Views.choice("rulePeriod", RetentionPeriod.values(),
                p -> text.get("concept.period." + p.key()));
        period.valueProperty().bindBidirectional(vm.periodProperty());
        ComboBox<StartEvent> start = Views.choice("ruleStart", StartEvent.values(), s -> text.get("concept.start." + s.key()));
        start.valueProperty().bindBidirectional(vm.startEventProperty());
        ComboBox<DueAction> action = Views.choice("ruleAction", DueAction.values(), a -> text.get("concept.action." + a.key()));
        action.valueProperty().bindBidirectional(vm.actionProperty());
        CheckBox yearEnd = new CheckBox(text.get("ui.retention.yearEnd"));
        yearEnd.setId("ruleYearEnd");
        yearEnd.selectedProperty().bindBidirectional(vm.fromYearEndProperty());
        Button save = new Button(text.get("ui.retention.saveRule"), Views.icon(Feather.SAVE));
        save.setId("ruleSave");
        save.setOnAction(e -> vm.saveRule());
        HBox edit = new HBox(8, period, start, action, yearEnd, save);
        edit.setAlignment(Pos.CENTER_LEFT);
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        Label heading = new Label(text.get("ui.retention.rules"));
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, heading, table, edit);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 12, 8, 12));
        return box;
    }

    private Node due() {
        DatePicker asOf = new DatePicker();
        asOf.setId("retentionAsOf");
        asOf.setConverter(Views.dateConverter(text));
        asOf.valueProperty().bindBidirectional(vm.asOfProperty());
        ToggleSwitch ahead = new ToggleSwitch(text.get("ui.retention.next90"));
        ahead.setId("retentionAhead");
        ahead.setSelected(!vm.dueOnlyProperty().get());
        ahead.selectedProperty().addListener((o, a, b) -> vm.dueOnlyProperty().set(!b));
        Button refresh = new Button(text.get("ui.retention.refresh"), Views.icon(Feather.REFRESH_CW));
        refresh.setId("retentionRefresh");
        refresh.setOnAction(e -> vm.loadDue());

        TableView<RetentionViewModel.DueRow> table = new TableView<>(vm.rows());
        table.setId("retentionDue");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("ui.retention.nothingDue")));
        table.getColumns().add(Views.column(text.get("ui.retention.type"), RetentionViewModel.DueRow::type));
        table.getColumns().add(Views.column(text.get("ui.retention.person"), RetentionViewModel.DueRow::person));
        table.getColumns().add(Views.column(text.get("ui.retention.category"), RetentionViewModel.DueRow::category));
        table.getColumns().add(Views.column(text.get("ui.retention.startDate"), RetentionViewModel.DueRow::start));
        table.getColumns().add(Views.column(text.get("ui.retention.dueDate"), RetentionViewModel.DueRow::due));
        table.getColumns().add(Views.column(text.get("ui.retention.action"), RetentionViewModel.DueRow::action));
        table.getColumns().add(Views.column(text.get("ui.retention.postponedReason"),
                RetentionViewModel.DueRow::postponed));

        Button apply = new Button(text.get("ui.retention.apply"), Views.icon(Feather.TRASH_2));
        apply.setId("retentionApply");
        apply.getStyleClass().add(Styles.DANGER);
        apply.setOnAction(e -> vm.preview(r -> confirmApply(vm.summary(r), vm::apply)));
        Button applySelected = new Button(text.get("ui.retention.applySelected"), Views.icon(Feather.CHECK_SQUARE));
        applySelected.setId("retentionApplySelected");
        applySelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.workingProperty()));
        applySelected.setOnAction(e -> {
            List<RetentionViewModel.DueRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            vm.preview(chosen, r -> confirmApply(vm.summary(r), () -> vm.apply(chosen)));
        });
        Button postpone = new Button(text.get("ui.retention.postpone"), Views.icon(Feather.CLOCK));
        postpone.setId("retentionPostpone");
        postpone.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        postpone.setOnAction(e -> postpone(List.copyOf(table.getSelectionModel().getSelectedItems())));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("retentionProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.workingProperty());
        apply.disableProperty().bind(vm.workingProperty());

        Label heading = new Label(text.get("ui.retention.due"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(text.get("ui.retention.asOf")), asOf, ahead, refresh, gap, progress, postpone,
                applySelected, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, heading, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    private void confirmApply(String summary, Runnable onOk) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, summary + "\n\n" + text.get("ui.retention.applyConfirm"),
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(text.get("ui.retention.preview"));
        a.setTitle(text.get("ui.retention.apply"));
        owner(a);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> onOk.run());
    }

    private void postpone(List<RetentionViewModel.DueRow> items) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.retention.postpone"));
        d.setHeaderText(text.get("ui.retention.postponeHeader", items.size()));
        DatePicker date = new DatePicker(vm.suggestedPostponeDate());
        date.setId("postponeDate");
        date.setConverter(Views.dateConverter(text));
        TextField reason = new TextField();
        reason.setId("postponeReason");
        reason.setPrefColumnCount(30);
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.retention.newDate"), date);
        Views.row(grid, text.get("ui.retention.reason"), reason);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(text.get("ui.retention.postpone"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty()
                .or(date.valueProperty().isNull()));
        owner(d);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.postpone(items, date.getValue(), reason.getText()));
    }

    private void printConcept() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("ui.retention.print"));
        chooser.setInitialFileName(text.get("ui.retention.conceptFile"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.saveConcept(f.toPath());
        }
    }

    private void owner(Dialog<?> d) {
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
    }

    public void refresh() {
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
