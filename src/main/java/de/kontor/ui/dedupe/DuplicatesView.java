package de.kontor.ui.dedupe;

import atlantafx.base.theme.Styles;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.dedupe.DuplicatesViewModel.FieldRow;
import de.kontor.ui.dedupe.DuplicatesViewModel.PairRow;
import de.kontor.ui.dedupe.DuplicatesViewModel.Review;
import de.kontor.ui.dedupe.DuplicatesViewModel.Side;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The duplicates screen: scan with progress and cancel, the pairs found, and the selected
 * pair side by side (differences highlighted) with merge, not a duplicate and skip.
 */
public final class DuplicatesView {
    private static final String DIFFERS = "-fx-background-color: -color-warning-subtle; -fx-background-radius: 3;";

    private final DuplicatesViewModel vm;
    private final UiText text;
    private final LongConsumer openPerson;
    private final BorderPane root = new BorderPane();
    private final VBox reviewBox = new VBox(10);
    private final TableView<PairRow> table;

    public DuplicatesView(DuplicatesViewModel vm, UiText text, LongConsumer openPerson) {
        this.vm = vm;
        this.text = text;
        this.openPerson = openPerson;
        root.setId("duplicates");

        Button scan = new Button(text.get("ui.dedupe.scan"), Views.icon(Feather.SEARCH));
        scan.setId("dedupeScan");
        scan.getStyleClass().add(Styles.ACCENT);
        scan.disableProperty().bind(vm.scanningProperty());
        scan.setOnAction(e -> vm.scan());
        Button cancel = new Button(text.get("ui.dedupe.cancel"));
        cancel.setId("dedupeCancel");
        cancel.visibleProperty().bind(vm.scanningProperty());
        cancel.managedProperty().bind(vm.scanningProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("dedupeProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.scanningProperty());
        progress.managedProperty().bind(vm.scanningProperty());
        Label status = new Label();
        status.setId("dedupeStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        Label title = Views.title(text.get("ui.dedupe.title"));
        HBox bar = new HBox(8, title, scan, cancel, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));

        table = new TableView<>(vm.pairs());
        table.setId("dedupePairs");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("ui.dedupe.empty")));
        TableColumn<PairRow, String> score = Views.column(text.get("ui.dedupe.score"), p -> DedupeText.score(text, p.score()));
        score.setMaxWidth(80);
        TableColumn<PairRow, String> level = Views.column(text.get("ui.dedupe.level"), p -> DedupeText.level(text, p.level()));
        level.setMaxWidth(100);
        table.getColumns().add(score);
        table.getColumns().add(level);
        table.getColumns().add(Views.column(text.get("ui.dedupe.personA"), PairRow::nameA));
        table.getColumns().add(Views.column(text.get("ui.dedupe.personB"), PairRow::nameB));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> vm.select(p));
        vm.selectedPairProperty().addListener((o, a, p) -> {
            if (p == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(p);
            }
        });

        reviewBox.setPadding(new Insets(12));
        vm.reviewProperty().addListener((o, a, r) -> showReview(r));
        showReview(null);
        ScrollPane scroll = new ScrollPane(reviewBox);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, scroll);
        split.setDividerPositions(0.4);
        root.setTop(bar);
        root.setCenter(split);
    }

    private void showReview(Review r) {
        Label error = Views.errorLabel("dedupeError");
        error.textProperty().bind(vm.errorProperty());
        if (r == null) {
            Label hint = new Label(text.get("ui.dedupe.select"));
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            reviewBox.getChildren().setAll(error, hint);
            return;
        }
        Label reasons = new Label(text.get("ui.dedupe.reasons", DedupeText.reasons(text, r.pair().reasons())));
        reasons.setId("dedupeReasons");
        reasons.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setId("dedupeCompare");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(40);
        half.setHgrow(Priority.ALWAYS);
        ColumnConstraints otherHalf = new ColumnConstraints();
        otherHalf.setPercentWidth(40);
        otherHalf.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, half, otherHalf);
        grid.addRow(0, bold(text.get("ui.dedupe.field")), personLink(text.get("ui.dedupe.personA"), r.a().id()),
                personLink(text.get("ui.dedupe.personB"), r.b().id()));
        int row = 1;
        for (FieldRow f : r.fields()) {
            Label name = new Label(text.get("ui.dedupe.field." + f.field()));
            Node a;
            Node b;
            if (f.choosable()) {
                ToggleGroup group = new ToggleGroup();
                RadioButton ra = radio(f.valueA(), group, f.field() + "A");
                RadioButton rb = radio(f.valueB(), group, f.field() + "B");
                (vm.choices().get(f.field()) == Side.B ? rb : ra).setSelected(true);
                ra.setOnAction(e -> vm.choose(f.field(), Side.A));
                rb.setOnAction(e -> vm.choose(f.field(), Side.B));
                a = ra;
                b = rb;
            } else {
                a = wrap(f.valueA());
                b = wrap(f.valueB());
            }
            if (f.differs()) {
                a.setStyle(DIFFERS);
                b.setStyle(DIFFERS);
                name.getStyleClass().add(Styles.WARNING);
            }
            grid.addRow(row++, name, a, b);
        }
        Label lists = new Label(text.get("ui.dedupe.lists"));
        lists.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        lists.setWrapText(true);
        Button merge = new Button(text.get("ui.dedupe.merge"), Views.icon(Feather.GIT_MERGE));
        merge.setId("dedupeMerge");
        merge.getStyleClass().add(Styles.ACCENT);
        merge.disableProperty().bind(vm.workingProperty());
        merge.setOnAction(e -> vm.merge());
        Button distinct = new Button(text.get("ui.dedupe.distinct"));
        distinct.setId("dedupeDistinct");
        distinct.disableProperty().bind(vm.workingProperty());
        distinct.setOnAction(e -> vm.distinct());
        Button skip = new Button(text.get("ui.dedupe.skip"));
        skip.setId("dedupeSkip");
        skip.setOnAction(e -> vm.skip());
        HBox actions = new HBox(8, merge, distinct, skip);
        reviewBox.getChildren().setAll(error, reasons, grid, lists, actions);
    }

    private Hyperlink personLink(String label, long id) {
        Hyperlink link = new Hyperlink(label + " (" + id + ")");
        link.getStyleClass().add(Styles.TEXT_BOLD);
        link.setOnAction(e -> openPerson.accept(id));
        return link;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static RadioButton radio(String value, ToggleGroup group, String id) {
        RadioButton r = new RadioButton(value.isEmpty() ? "—" : value);
        r.setId("choose-" + id);
        r.setToggleGroup(group);
        r.setWrapText(true);
        r.setMaxWidth(Double.MAX_VALUE);
        r.setPadding(new Insets(2, 4, 2, 4));
        return r;
    }

    private static Label wrap(String value) {
        Label l = new Label(value.isEmpty() ? "—" : value);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setPadding(new Insets(2, 4, 2, 4));
        return l;
    }

    public Parent root() {
        return root;
    }
}
