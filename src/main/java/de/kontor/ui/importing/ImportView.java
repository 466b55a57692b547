package de.kontor.ui.importing;

import atlantafx.base.theme.Styles;
import de.kontor.exchange.DuplicateDecision;
import de.kontor.exchange.ImportFormat;
import de.kontor.exchange.ImportPreview;
import de.kontor.ui.EnumConverter;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.dedupe.DedupeText;
import de.kontor.ui.importing.ImportViewModel.DuplicateRow;
import de.kontor.ui.importing.ImportViewModel.MappingRow;
import de.kontor.ui.importing.ImportViewModel.ProblemRow;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The import screen: the file and how to read it, the preview in tabs (mapping, ignored,
 * invalid, blocked, duplicates with a decision per row), and the import with its progress and
 * result. Everything the screen knows lives in {@link ImportViewModel}.
 */
public final class ImportView {
    private final ImportViewModel vm;
    private final UiText text;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    public ImportView(ImportViewModel vm, UiText text) {
        this.vm = vm;
        this.text = text;
        root.setId("import");

        TextField path = new TextField();
        path.setId("importPath");
        path.setPromptText(text.get("ui.import.file"));
        path.textProperty().bindBidirectional(vm.pathProperty());
        path.setOnAction(e -> vm.preview());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(text.get("ui.import.choose"), Views.icon(Feather.FOLDER));
        choose.setId("importChoose");
        choose.setOnAction(e -> chooseFile());
        ChoiceBox<ImportFormat> format = new ChoiceBox<>();
        format.setId("importFormat");
        format.getItems().setAll(ImportFormat.values());
        format.setConverter(new EnumConverter<>(text, "importFormat", ImportFormat::key));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        ChoiceBox<String> delimiter = new ChoiceBox<>();
        delimiter.setId("importDelimiter");
        delimiter.getItems().setAll(ImportViewModel.DELIMITERS);
        delimiter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String d) {
                return d == null || d.isEmpty() ? text.get("ui.import.delimiter.auto")
                        : d.equals("\t") ? text.get("ui.import.delimiter.tab") : d;
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        delimiter.valueProperty().bindBidirectional(vm.delimiterProperty());
        ComboBox<String> encoding = new ComboBox<>();
        encoding.setId("importEncoding");
        encoding.setEditable(true);
        encoding.getItems().setAll(ImportViewModel.ENCODINGS);
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        encoding.setPrefWidth(140);
        Label delimiterLabel = new Label(text.get("ui.import.delimiter"));
        Label encodingLabel = new Label(text.get("ui.import.encoding"));
        var csv = vm.formatProperty().isEqualTo(ImportFormat.CSV);
        var text8bit = vm.formatProperty().isNotEqualTo(ImportFormat.JSON);
        for (var n : java.util.List.of(delimiter, delimiterLabel)) {
            n.visibleProperty().bind(csv);
            n.managedProperty().bind(csv);
        }
        for (var n : java.util.List.of(encoding, encodingLabel)) {
            n.visibleProperty().bind(text8bit);
            n.managedProperty().bind(text8bit);
        }
        Button check = new Button(text.get("ui.import.check"), Views.icon(Feather.SEARCH));
        check.setId("importCheck");
        check.disableProperty().bind(vm.workingProperty().or(vm.pathProperty().isEmpty()));
        check.setOnAction(e -> vm.preview());
        HBox fileRow = new HBox(8, new Label(text.get("ui.import.file")), path, choose);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        HBox optionsRow = new HBox(8, new Label(text.get("ui.import.format")), format, delimiterLabel, delimiter,
                encodingLabel, encoding, check);
        optionsRow.setAlignment(Pos.CENTER_LEFT);
        // Labels and buttons keep their text; the path field takes what is left.
        for (HBox row : java.util.List.of(fileRow, optionsRow)) {
            row.getChildren().stream().filter(n -> n instanceof Label || n instanceof Button)
                    .forEach(n -> ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        }

        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label error = Views.errorLabel("importError");
        error.textProperty().bind(vm.errorProperty());
        Label result = new Label();
        result.setId("importResult");
        result.setWrapText(true);
        result.getStyleClass().add(Styles.SUCCESS);
        result.textProperty().bind(vm.resultProperty());
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        result.visibleProperty().bind(result.textProperty().isNotEmpty());
        VBox top = new VBox(8, Views.title(text.get("ui.import.title")), fileRow, optionsRow, summary, error, result);
        top.setPadding(new Insets(8, 12, 8, 12));

        tabs.setId("importTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("importTabMapping", "ui.import.tab.mapping", vm.mapping(), mappingTable()),
                tab("importTabIgnored", "ui.import.tab.ignored", vm.ignored(), ignoredList()),
                tab("importTabInvalid", "ui.import.tab.invalid", vm.invalid(), problemTable("importInvalid", vm.invalid())),
                tab("importTabBlocked", "ui.import.tab.blocked", vm.blocked(), problemTable("importBlocked", vm.blocked())),
                tab("importTabDuplicates", "ui.import.tab.duplicates", vm.duplicates(), duplicatesTable()),
                tab("importTabNotes", "ui.import.tab.notes", vm.notes(), problemTable("importNotes", vm.notes())));
        // After a preview: the first tab that needs attention.
        vm.previewProperty().addListener((o, a, p) -> {
            if (p != null) {
                int at = !p.invalid().isEmpty() ? 2 : !p.blocked().isEmpty() ? 3 : !p.duplicates().isEmpty() ? 4
                        : !p.notes().isEmpty() ? 5 : 0;
                tabs.getSelectionModel().select(at);
            }
        });

        CheckBox skipInvalid = new CheckBox(text.get("ui.import.skipInvalid"));
        skipInvalid.setId("importSkipInvalid");
        skipInvalid.selectedProperty().bindBidirectional(vm.skipInvalidProperty());
        Button run = new Button(text.get("ui.import.run"), Views.icon(Feather.UPLOAD));
        run.setId("importRun");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.canImportProperty().not());
        run.setOnAction(e -> vm.importFile());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("importProgress");
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(vm.workingProperty());
        Label restore = new Label(text.get("ui.import.restoreNote"));
        restore.getStyleClass().add(Styles.TEXT_MUTED);
        restore.setWrapText(true);
        var json = vm.formatProperty().isEqualTo(ImportFormat.JSON);
        restore.visibleProperty().bind(json);
        restore.managedProperty().bind(json);
        HBox bottom = new HBox(12, skipInvalid, run, progress, restore);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 12, 8, 12));

        root.setTop(top);
        root.setCenter(tabs);
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("ui.import.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(text.get("ui.import.filter.all"), "*.csv", "*.txt", "*.tsv", "*.vcf",
                        "*.vcard", "*.json"),
                new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter("vCard", "*.vcf", "*.vcard"),
                new FileChooser.ExtensionFilter("Kontor JSON", "*.json"));
        String current = vm.pathProperty().get();
        if (current != null && !current.isBlank()) {
            File parent = Path.of(current.strip()).toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.pathProperty().set(f.getAbsolutePath());
            vm.preview();
        }
    }

    private Tab tab(String id, String key, ObservableList<?> items, javafx.scene.Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(Bindings.createStringBinding(() -> text.get(key, items.size()), items));
        t.setContent(content);
        return t;
    }

    private TableView<MappingRow> mappingTable() {
        TableView<MappingRow> t = new TableView<>(vm.mapping());
        t.setId("importMapping");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(text.get("ui.import.chooseFirst")));
        t.getColumns().add(Views.column(text.get("ui.import.column"), MappingRow::column));
        t.getColumns().add(Views.column(text.get("ui.import.field"), MappingRow::field));
        return t;
    }

    private VBox ignoredList() {
        Label hint = new Label(text.get("ui.import.ignoredHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        ListView<String> list = new ListView<>(vm.ignored());
        list.setId("importIgnored");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, hint, list);
        box.setPadding(new Insets(6));
        return box;
    }

    private TableView<ProblemRow> problemTable(String id, ObservableList<ProblemRow> rows) {
        TableView<ProblemRow> t = new TableView<>(rows);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(text.get("ui.import.noProblems")));
        TableColumn<ProblemRow, String> line = Views.column(text.get("ui.import.line"), p -> Long.toString(p.line()));
        line.setMaxWidth(80);
        TableColumn<ProblemRow, String> field = Views.column(text.get("ui.import.problemField"), ProblemRow::field);
        field.setMaxWidth(160);
        t.getColumns().add(line);
        t.getColumns().add(field);
        t.getColumns().add(Views.column(text.get("ui.import.problem"), ProblemRow::message));
        return t;
    }

    private TableView<DuplicateRow> duplicatesTable() {
        TableView<DuplicateRow> t = new TableView<>(vm.duplicates());
        t.setId("importDuplicates");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(text.get("ui.import.noDuplicates")));
        TableColumn<DuplicateRow, String> line = Views.column(text.get("ui.import.line"), d -> Long.toString(d.line()));
        line.setMaxWidth(80);
        TableColumn<DuplicateRow, String> score = Views.column(text.get("ui.dedupe.score"),
                d -> DedupeText.score(text, d.score()) + " · " + DedupeText.level(text, d.level()));
        score.setMaxWidth(140);
        TableColumn<DuplicateRow, DuplicateDecision> decision = new TableColumn<>(text.get("ui.import.decision"));
        decision.setCellValueFactory(f -> f.getValue().decisionProperty());
        decision.setCellFactory(c -> new DecisionCell());
        decision.setMinWidth(180);
        t.getColumns().add(line);
        t.getColumns().add(Views.column(text.get("ui.import.row"), DuplicateRow::name));
        t.getColumns().add(Views.column(text.get("ui.import.candidate"), DuplicateRow::candidate));
        t.getColumns().add(score);
        t.getColumns().add(decision);
        return t;
    }

    /** A choice of skip, merge or import anyway, bound to the row's decision. */
    private final class DecisionCell extends TableCell<DuplicateRow, DuplicateDecision> {
        private final ChoiceBox<DuplicateDecision> choice = new ChoiceBox<>();
        private DuplicateRow bound;

        DecisionCell() {
            choice.getItems().setAll(DuplicateDecision.values());
            choice.setConverter(new EnumConverter<>(text, "importDecision", DuplicateDecision::key));
            choice.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(DuplicateDecision item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                choice.valueProperty().unbindBidirectional(bound.decisionProperty());
                bound = null;
            }
            DuplicateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            choice.setId("decision-" + row.line());
            choice.valueProperty().bindBidirectional(row.decisionProperty());
            ImportPreview p = vm.previewProperty().get();
            choice.setDisable(p != null && !p.decidable());
            setGraphic(choice);
        }
    }
}
