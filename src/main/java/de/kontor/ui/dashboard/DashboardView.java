package de.kontor.ui.dashboard;

import atlantafx.base.theme.Styles;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.privacy.DashboardService;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.privacy.RequestService;
import de.kontor.ui.requests.RequestDueViewModel;
import de.kontor.ui.retention.DueSummaryViewModel;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The start page: four cards of things to do (each line opens the person) and the status chart. */
public final class DashboardView {
    private final DashboardViewModel vm;
    private final UiText text;
    private final LongConsumer openPerson;
    private final ScrollPane root;
    private final StackedBarChart<String, Number> chart;

    public DashboardView(DashboardViewModel vm, UiText text, LongConsumer openPerson) {
        this(vm, null, text, openPerson, null);
    }

    /** With the "due for deletion" card, which opens the deletion concept screen. */
    public DashboardView(DashboardViewModel vm, DueSummaryViewModel due, UiText text, LongConsumer openPerson,
            Runnable openRetention) {
        this(vm, due, null, text, openPerson, openRetention, null);
    }

    /**
     * With the request cards (overdue, due within 7 days) when {@code requests} is given; each line
     * opens the request in the register.
     */
    public DashboardView(DashboardViewModel vm, DueSummaryViewModel due, RequestDueViewModel requests, UiText text,
            LongConsumer openPerson, Runnable openRetention, LongConsumer openRequest) {
        this.vm = vm;
        this.text = text;
        this.openPerson = openPerson;
        Button refresh = new Button(text.get("ui.dashboard.refresh"), Views.icon(Feather.REFRESH_CW));
        refresh.setId("dashboardRefresh");
        refresh.setOnAction(e -> vm.load());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, Views.title(text.get("ui.dashboard.title")), gap, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        Label error = Views.errorLabel("dashboardError");
        error.textProperty().bind(vm.errorProperty());

        GridPane cards = new GridPane();
        cards.setHgap(12);
        cards.setVgap(12);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        cards.getColumnConstraints().addAll(half, half);
        cards.add(card("dashConsents", text.get("ui.dashboard.consentsEnding", DashboardService.HORIZON_DAYS),
                Feather.CALENDAR, vm.consentsEnding()), 0, 0);
        cards.add(card("dashBases", text.get("ui.dashboard.basesEnding", DashboardService.HORIZON_DAYS),
                Feather.FILE_TEXT, vm.basesEnding()), 1, 0);
        cards.add(card("dashPending", text.get("ui.dashboard.pending"), Feather.CLOCK, vm.pending()), 0, 1);
        cards.add(card("dashInformation", text.get("ui.dashboard.informationDue"), Feather.INFO,
                vm.informationDue()), 1, 1);
        int row = 2;
        if (requests != null) {
            cards.add(card("dashRequestsOverdue", text.get("ui.requests.cardOverdue"), Feather.ALERT_TRIANGLE,
                    requests.overdue(), RequestDueViewModel.Item::text, i -> true, RequestDueViewModel.Item::requestId,
                    openRequest), 0, row);
            cards.add(card("dashRequestsSoon", text.get("ui.requests.cardSoon", RequestService.DUE_SOON_DAYS),
                    Feather.INBOX, requests.dueSoon(), RequestDueViewModel.Item::text, i -> false,
                    RequestDueViewModel.Item::requestId, openRequest), 1, row);
            row++;
            refresh.setOnAction(e -> {
                vm.load();
                requests.load();
            });
            requests.load();
        }
        if (due != null) {
            cards.add(dueCard(due, openRetention), 0, row, 2, 1);
            due.load();
        }

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(text.get("ui.dashboard.count"));
        y.setMinorTickVisible(false);
        y.setTickUnit(1);
        chart = new StackedBarChart<>(x, y);
        chart.setId("dashChart");
        chart.setTitle(text.get("ui.dashboard.chart"));
        chart.setAnimated(false);
        chart.setPrefHeight(320);
        vm.statusCounts().addListener((ListChangeListener<DashboardViewModel.StatusCount>) c -> fillChart());

        VBox box = new VBox(12, head, error, cards, chart);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setId("dashboard");
        root.setFitToWidth(true);
        vm.load();
    }

    private Node card(String id, String title, Feather icon, ObservableList<DashboardViewModel.Item> items) {
        return card(id, title, icon, items, DashboardViewModel.Item::text, DashboardViewModel.Item::flagged,
                DashboardViewModel.Item::personId, openPerson);
    }

    /** A card of lines; {@code flagged} lines are red; a click or Enter opens {@code target} of the line. */
    private <T> Node card(String id, String title, Feather icon, ObservableList<T> items, Function<T, String> label,
            Predicate<T> flagged, ToLongFunction<T> target, LongConsumer open) {
        Label heading = new Label(title, Views.icon(icon));
        heading.getStyleClass().add(Styles.TITLE_4);
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(150);
        list.setPlaceholder(new Label(text.get("ui.dashboard.nothing")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                boolean red = !empty && item != null && flagged.test(item);
                setText(empty || item == null ? null : label.apply(item));
                pseudoClassStateChanged(Styles.STATE_DANGER, red);
                setStyle(red ? "-fx-text-fill: -color-danger-fg;" : null);
            }
        });
        list.setOnMouseClicked(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (item != null && e.getClickCount() >= 1 && open != null) {
                open.accept(target.applyAsLong(item));
            }
        });
        list.setOnKeyPressed(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (item != null && e.getCode() == javafx.scene.input.KeyCode.ENTER && open != null) {
                open.accept(target.applyAsLong(item));
            }
        });
        VBox card = new VBox(6, heading, list);
        card.setPadding(new Insets(12));
        card.getStyleClass().add(Styles.ELEVATED_1);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;");
        return card;
    }

    private void fillChart() {
        Map<ConsentStatus, XYChart.Series<String, Number>> series = new EnumMap<>(ConsentStatus.class);
        Set<String> purposes = new LinkedHashSet<>(vm.chartPurposes());
        for (DashboardViewModel.StatusCount c : vm.statusCounts()) {
            purposes.add(c.purposeName());
            series.computeIfAbsent(c.status(), s -> {
                XYChart.Series<String, Number> ser = new XYChart.Series<>();
                ser.setName(c.statusLabel());
                return ser;
            }).getData().add(new XYChart.Data<>(c.purposeName(), c.count()));
        }
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(purposes);
        chart.getData().setAll(series.values());
    }

    private Node dueCard(DueSummaryViewModel due, Runnable openRetention) {
        Label heading = new Label(text.get("ui.retention.card"), Views.icon(Feather.TRASH_2));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label summary = new Label();
        summary.setId("dashDue");
        summary.setWrapText(true);
        summary.textProperty().bind(due.summaryProperty());
        Button open = new Button(text.get("ui.retention.open"), Views.icon(Feather.ARROW_RIGHT));
        open.setId("dashDueOpen");
        open.setOnAction(e -> {
            if (openRetention != null) {
                openRetention.run();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(8, summary, gap, open);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, heading, line);
        card.setPadding(new Insets(12));
        card.getStyleClass().add(Styles.ELEVATED_1);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;");
        return card;
    }

    public void refresh() {
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
