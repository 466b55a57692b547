package de.kontor.ui.requests;

import atlantafx.base.theme.Styles;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.exchange.ExportFormat;
import de.kontor.ui.FieldMarks;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.erasure.ErasureActions;
import de.kontor.ui.erasure.PersonErasureViewModel;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.MapChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The request register: the table (sortable, open or all, text filter, overdue and soon-due
 * marked), registering a request, and the selected request with its history, the files sent
 * with their SHA-256, and the actions that answer it.
 */
public final class RequestsView {
    private static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

    private final RequestsViewModel vm;
    private final UiText text;
    private final BorderPane root = new BorderPane();
    private final TableView<RequestsViewModel.Row> table = new TableView<>();
    private final FieldMarks marks = new FieldMarks();
    private final Map<String, Control> formFields = new HashMap<>();

    public RequestsView(RequestsViewModel vm, PersonErasureViewModel erasure, UiText text) {
        this.vm = vm;
        this.text = text;
        root.setId("requests");
        Button add = new Button(text.get("ui.requests.new"), Views.icon(Feather.PLUS));
        add.setId("requestNew");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> registerDialog());
        CheckBox openOnly = new CheckBox(text.get("ui.requests.openOnly"));
        openOnly.setId("requestsOpenOnly");
        openOnly.selectedProperty().bindBidirectional(vm.openOnlyProperty());
        TextField filter = new TextField();
        filter.setId("requestsFilter");
        filter.setPromptText(text.get("ui.requests.filter"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        add.setMinWidth(Region.USE_PREF_SIZE);
        openOnly.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(12, Views.title(text.get("ui.requests.title")), gap, add);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(12, filter, openOnly);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label error = Views.errorLabel("requestsError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("requestsMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(8, head, bar, error, message);
        top.setPadding(new Insets(12, 12, 6, 12));

        SplitPane split = new SplitPane(table(), details(erasure));
        split.setDividerPositions(0.58);
        root.setTop(top);
        root.setCenter(split);
        vm.load();
    }

    // --- the table ---

    private Node table() {
        table.setId("requestsTable");
        SortedList<RequestsViewModel.Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("ui.requests.none")));
        TableColumn<RequestsViewModel.Row, Long> number = column(text.get("ui.requests.number"),
                RequestsViewModel.Row::id, r -> Long.toString(r.id()));
        number.setPrefWidth(48);
        number.setMaxWidth(80);
        table.getColumns().add(number);
        table.getColumns().add(column(text.get("ui.requests.type"), RequestsViewModel.Row::type,
                RequestsViewModel.Row::type));
        table.getColumns().add(column(text.get("ui.requests.who"), RequestsViewModel.Row::who,
                RequestsViewModel.Row::who));
        table.getColumns().add(column(text.get("ui.requests.received"), r -> r.request().receivedOn(),
                r -> text.date(r.request().receivedOn())));
        TableColumn<RequestsViewModel.Row, java.time.LocalDate> due = column(text.get("ui.requests.due"),
                r -> r.request().deadline(), r -> text.date(r.request().deadline()));
        table.getColumns().add(due);
        table.getColumns().add(column(text.get("ui.requests.status"), RequestsViewModel.Row::status,
                RequestsViewModel.Row::status));
        TableColumn<RequestsViewModel.Row, Long> left = column(text.get("ui.requests.daysLeft"),
                RequestsViewModel.Row::daysLeft, RequestsViewModel.Row::daysLeftText);
        left.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        table.getColumns().add(left);
        table.getSortOrder().add(due);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != vm.selectedProperty().get()) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            } else if (r == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        Label legend = new Label(text.get("ui.requests.legend", de.kontor.privacy.RequestService.DUE_SOON_DAYS));
        legend.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(6, table, legend);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 6, 12, 12));
        return box;
    }

    /** A column sorted by {@code value} and showing {@code shown} of its row. */
    private <T> TableColumn<RequestsViewModel.Row, T> column(String title, Function<RequestsViewModel.Row, T> value,
            Function<RequestsViewModel.Row, String> shown) {
        TableColumn<RequestsViewModel.Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                RequestsViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : shown.apply(row));
                setStyle(row == null ? null : urgencyStyle(row.urgency()));
            }
        });
        return c;
    }

    /** Overdue rows red and bold, rows due soon amber. */
    private static String urgencyStyle(RequestsViewModel.Urgency u) {
        return switch (u) {
            case OVERDUE -> "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;";
            case DUE_SOON -> "-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;";
            case NONE -> null;
        };
    }

    // --- the details ---

    private Node details(PersonErasureViewModel erasure) {
        Label heading = Views.title("");
        heading.setId("requestHeading");
        heading.setWrapText(true);
        Label facts = new Label();
        facts.setId("requestFacts");
        facts.setWrapText(true);
        Label status = new Label();
        status.setId("requestStatus");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        vm.currentProperty().addListener((o, a, r) -> {
            heading.setText(r == null ? text.get("ui.requests.noneSelected")
                    : text.get("ui.requests.heading", Long.toString(r.id()), text.get("request.type." + r.type().key())));
            facts.setText(r == null ? "" : facts(r));
            status.setText(r == null ? "" : text.get("ui.requests.statusLine",
                    text.get("request.status." + r.status().key()), text.date(r.deadline())));
        });
        // The privacy actions act on the request's person and name the request (also once the person is gone).
        javafx.beans.InvalidationListener sync = o -> {
            Long person = vm.personIdProperty().get();
            Long request = vm.currentProperty().get() == null ? null : vm.currentProperty().get().id();
            if (!java.util.Objects.equals(person, erasure.personIdProperty().get())
                    || !java.util.Objects.equals(request, erasure.requestIdProperty().get())) {
                erasure.load(person, request);
            }
        };
        vm.currentProperty().addListener(sync);
        vm.personIdProperty().addListener(sync);
        heading.setText(text.get("ui.requests.noneSelected"));

        Button report = button("requestReport", "ui.requests.report", Feather.FILE_TEXT, e -> reportDialog());
        Button export = button("requestExport", "ui.requests.export", Feather.DOWNLOAD, e -> exportDialog());
        Button extend = button("requestExtend", "ui.requests.extend", Feather.CLOCK, e -> extendDialog());
        Button link = button("requestLink", "ui.requests.link", Feather.LINK, e -> linkDialog());
        Button close = button("requestClose", "ui.requests.close", Feather.CHECK_CIRCLE, e -> confirmClose());
        var none = vm.currentProperty().isNull();
        var closed = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.currentProperty().get() == null || !vm.currentProperty().get().isOpen(), vm.currentProperty());
        var noPerson = vm.personIdProperty().isNull();
        report.disableProperty().bind(closed.or(noPerson).or(vm.workingProperty()));
        export.disableProperty().bind(closed.or(noPerson).or(vm.workingProperty()));
        extend.disableProperty().bind(closed);
        close.disableProperty().bind(closed);
        link.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.currentProperty().get() == null || vm.currentProperty().get().personId() != null,
                vm.currentProperty()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("requestProgress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.workingProperty());
        progress.managedProperty().bind(vm.workingProperty());
        ErasureActions privacy = new ErasureActions(erasure, text, vm::load, vm::load);
        FlowPane answer = new FlowPane(8, 8, report, export, privacy.header(), progress);
        answer.setAlignment(Pos.CENTER_LEFT);
        FlowPane manage = new FlowPane(8, 8, extend, link, close);
        manage.setAlignment(Pos.CENTER_LEFT);

        ListView<String> history = new ListView<>(vm.history());
        history.setId("requestHistory");
        history.setPrefHeight(170);
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });

        VBox box = new VBox(8, heading, status, facts, answer, manage, privacy.root(),
                subheading("ui.requests.history"), history, subheading("ui.requests.files"), files());
        box.setPadding(new Insets(0, 12, 12, 6));
        box.disableProperty().bind(none);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private String facts(SubjectRequest r) {
        StringBuilder b = new StringBuilder();
        b.append(text.get("ui.requests.factWho", vm.personNameProperty().get()));
        b.append('\n').append(text.get("ui.requests.factReceived", text.date(r.receivedOn()),
                r.channel() == null ? "—" : r.channel()));
        b.append('\n').append(text.get("ui.requests.factIdentity",
                r.identityVerified() == null ? "—" : r.identityVerified()));
        b.append('\n').append(r.isExtended()
                ? text.get("ui.requests.factExtended", text.date(r.dueOn()), text.date(r.extendedTo()),
                        r.extensionReason())
                : text.get("ui.requests.factDue", text.date(r.dueOn())));
        return b.toString();
    }

    private Node files() {
        TableView<RequestsViewModel.FileRow> files = new TableView<>(vm.files());
        files.setId("requestFiles");
        files.setPrefHeight(150);
        files.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        files.setPlaceholder(new Label(text.get("ui.requests.noFiles")));
        files.getColumns().add(Views.column(text.get("ui.requests.fileName"), RequestsViewModel.FileRow::name));
        files.getColumns().add(Views.column(text.get("ui.requests.sentAt"), RequestsViewModel.FileRow::sentAt));
        TableColumn<RequestsViewModel.FileRow, String> hash = Views.column(text.get("ui.requests.sha256"),
                RequestsViewModel.FileRow::sha256);
        hash.setStyle("-fx-font-family: monospace;");
        files.getColumns().add(hash);
        Button copy = new Button(text.get("ui.requests.copyHash"), Views.icon(Feather.CLIPBOARD));
        copy.setId("requestCopyHash");
        copy.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copyHash(files.getSelectionModel().getSelectedItem()));
        MenuItem copyItem = new MenuItem(text.get("ui.requests.copyHash"));
        copyItem.setOnAction(e -> copyHash(files.getSelectionModel().getSelectedItem()));
        files.setContextMenu(new ContextMenu(copyItem));
        files.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copyHash(files.getSelectionModel().getSelectedItem());
            }
        });
        return new VBox(6, files, copy);
    }

    private static void copyHash(RequestsViewModel.FileRow f) {
        if (f != null) {
            ClipboardContent c = new ClipboardContent();
            c.putString(f.sha256());
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    private Label subheading(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private Button button(String id, String key, Feather icon, javafx.event.EventHandler<ActionEvent> action) {
        Button b = new Button(text.get(key), Views.icon(icon));
        b.setId(id);
        b.setOnAction(action);
        return b;
    }

    // --- dialogs ---

    private void registerDialog() {
        vm.newRequest();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.requests.new"));
        d.setHeaderText(text.get("ui.requests.registerHeader"));
        ComboBox<RequestType> type = Views.choice("registerType", RequestType.values(),
                t -> text.get("request.type." + t.key()));
        type.valueProperty().bindBidirectional(vm.typeProperty());
        TextField requester = field("registerRequester", "requester", vm.requesterProperty());
        requester.setPromptText(text.get("ui.requests.requesterPrompt"));
        DatePicker received = new DatePicker();
        received.setId("registerReceived");
        received.setConverter(Views.dateConverter(text));
        received.valueProperty().bindBidirectional(vm.receivedProperty());
        formFields.put("received", received);
        TextField channel = field("registerChannel", "channel", vm.channelProperty());
        channel.setPromptText(text.get("ui.requests.channelPrompt"));
        TextField identity = field("registerIdentity", "identityVerified", vm.identityVerifiedProperty());
        identity.setPromptText(text.get("ui.requests.identityPrompt"));
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.requests.type"), type);
        Views.row(grid, text.get("ui.requests.person"), picker("register"));
        Views.row(grid, text.get("ui.requests.requester"), requester);
        Views.row(grid, text.get("ui.requests.received"), received);
        Views.row(grid, text.get("ui.requests.channel"), channel);
        Views.row(grid, text.get("ui.requests.identity"), identity);
        Label error = Views.errorLabel("registerError");
        error.textProperty().bind(vm.formErrorProperty());
        error.setMaxWidth(520);
        MapChangeListener<String, String> markFields = c ->
                formFields.forEach((name, control) -> marks.mark(control, vm.formErrors().get(name)));
        vm.formErrors().addListener(markFields);
        d.getDialogPane().setContent(new VBox(10, grid, error));
        ButtonType ok = new ButtonType(text.get("ui.requests.register"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button save = (Button) d.getDialogPane().lookupButton(ok);
        save.setId("registerSave");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.register(d::close);
        });
        d.setOnHidden(e -> {
            vm.formErrors().removeListener(markFields);
            formFields.clear();
        });
        owner(d);
        d.show();
    }

    private TextField field(String id, String name, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(30);
        f.textProperty().bindBidirectional(p);
        formFields.put(name, f);
        return f;
    }

    /** Search as you type for a person, the matches, and the one chosen. */
    private Node picker(String prefix) {
        PersonPicker picker = vm.picker();
        TextField search = new TextField();
        search.setId(prefix + "PersonSearch");
        search.setPromptText(text.get("ui.requests.personPrompt"));
        search.textProperty().bindBidirectional(picker.queryProperty());
        ListView<PersonSummary> matches = new ListView<>(picker.matches());
        matches.setId(prefix + "Matches");
        matches.setPrefHeight(110);
        matches.setPlaceholder(new Label(text.get("ui.requests.noMatches")));
        matches.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PersonSummary p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : picker.label(p));
            }
        });
        matches.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                picker.chosenProperty().set(p);
            }
        });
        Label chosen = new Label();
        chosen.setId(prefix + "PersonChosen");
        chosen.setWrapText(true);
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            PersonSummary p = picker.chosenProperty().get();
            return p == null ? text.get("ui.requests.noPersonChosen") : text.get("ui.requests.personChosen", picker.label(p));
        }, picker.chosenProperty()));
        formFields.put("person", search);
        return new VBox(4, search, matches, chosen);
    }

    private void extendDialog() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.requests.extend"));
        d.setHeaderText(text.get("ui.requests.extendHeader", SubjectRequest.MAX_EXTENSION_MONTHS));
        TextField reason = new TextField();
        reason.setId("extendReason");
        reason.setPrefColumnCount(30);
        ComboBox<Integer> months = new ComboBox<>();
        months.setId("extendMonths");
        for (int m = 1; m <= SubjectRequest.MAX_EXTENSION_MONTHS; m++) {
            months.getItems().add(m);
        }
        months.setValue(SubjectRequest.MAX_EXTENSION_MONTHS);
        months.setConverter(Views.converter(m -> text.get("ui.requests.months", m)));
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.requests.reason"), reason);
        Views.row(grid, text.get("ui.requests.by"), months);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(text.get("ui.requests.extendNow"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("extendSave");
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty());
        owner(d);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.extend(reason.getText(), months.getValue()));
    }

    private void linkDialog() {
        vm.picker().reset();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.requests.link"));
        SubjectRequest r = vm.currentProperty().get();
        d.setHeaderText(text.get("ui.requests.linkHeader", r == null || r.requester() == null ? "" : r.requester()));
        d.getDialogPane().setContent(picker("link"));
        ButtonType ok = new ButtonType(text.get("ui.requests.linkNow"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("linkSave");
        d.getDialogPane().lookupButton(ok).disableProperty().bind(vm.picker().chosenProperty().isNull());
        d.setOnHidden(e -> formFields.clear());
        owner(d);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.linkPerson());
    }

    private void confirmClose() {
        SubjectRequest r = vm.currentProperty().get();
        if (r == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.get("ui.requests.closeText"), ButtonType.OK,
                ButtonType.CANCEL);
        a.setTitle(text.get("ui.requests.close"));
        a.setHeaderText(text.get("ui.requests.closeHeader", Long.toString(r.id())));
        owner(a);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.close());
    }

    private void reportDialog() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.requests.report"));
        d.setHeaderText(text.get("ui.requests.reportHeader", vm.personNameProperty().get()));
        ComboBox<Locale> language = Views.choice("reportLanguage", LANGUAGES.toArray(Locale[]::new),
                l -> text.get("ui.requests.language." + l.getLanguage()));
        language.setValue(vm.defaultLanguage());
        Target target = new Target("reportTarget", vm.reportFileName(), "PDF", "*.pdf");
        CheckBox close = new CheckBox(text.get("ui.requests.closeAfter"));
        close.setId("reportClose");
        close.setSelected(vm.selectedIs(RequestType.ACCESS));
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.requests.language"), language);
        Views.row(grid, text.get("ui.requests.target"), target.node);
        grid.addRow(grid.getRowCount(), new Label(), close);
        answerDialog(d, grid, "reportSave", "ui.requests.writeReport", target,
                p -> vm.accessReport(language.getValue(), p, close.isSelected()));
    }

    private void exportDialog() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(text.get("ui.requests.export"));
        d.setHeaderText(text.get("ui.requests.exportHeader", vm.personNameProperty().get()));
        ComboBox<ExportFormat> format = Views.choice("exportFormat", ExportFormat.values(),
                f -> text.get("ui.requests.format." + f.key()));
        format.setValue(ExportFormat.JSON);
        ComboBox<Character> delimiter = Views.choice("exportDelimiter", new Character[] {';', ','},
                c -> text.get(c == ';' ? "ui.requests.semicolon" : "ui.requests.comma"));
        delimiter.setValue(text.locale().getLanguage().equals("de") ? ';' : ',');
        delimiter.disableProperty().bind(format.valueProperty().isNotEqualTo(ExportFormat.CSV));
        Target target = new Target("exportTarget", vm.exportFileName(ExportFormat.JSON), "JSON", "*.json");
        format.valueProperty().addListener((o, a, f) -> target.rename(vm.exportFileName(f),
                text.get("ui.requests.format." + f.key()), "*." + RequestsViewModel.extension(f)));
        CheckBox close = new CheckBox(text.get("ui.requests.closeAfter"));
        close.setId("exportClose");
        close.setSelected(vm.selectedIs(RequestType.PORTABILITY));
        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.requests.format"), format);
        Views.row(grid, text.get("ui.requests.delimiter"), delimiter);
        Views.row(grid, text.get("ui.requests.target"), target.node);
        grid.addRow(grid.getRowCount(), new Label(), close);
        answerDialog(d, grid, "exportSave", "ui.requests.writeExport", target,
                p -> vm.export(format.getValue(), delimiter.getValue(), p, close.isSelected()));
    }

    /** Shows a report or export dialog; OK writes to the target once it names a valid path. */
    private void answerDialog(Dialog<ButtonType> d, GridPane grid, String okId, String okKey, Target target,
            java.util.function.Consumer<Path> write) {
        Label error = Views.errorLabel(okId + "Error");
        d.getDialogPane().setContent(new VBox(10, grid, error));
        ButtonType ok = new ButtonType(text.get(okKey), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button save = (Button) d.getDialogPane().lookupButton(ok);
        save.setId(okId);
        save.disableProperty().bind(target.field.textProperty().isEmpty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<Path> p = target.path();
            if (p.isEmpty()) {
                e.consume();
                error.setText(text.get("ui.requests.badPath", target.field.getText()));
            }
        });
        owner(d);
        d.showAndWait().filter(b -> b == ok).flatMap(b -> target.path()).ifPresent(write);
    }

    /** Where a file goes: a path field (typed or chosen with the file chooser). */
    private final class Target {
        final TextField field = new TextField();
        final Node node;
        private String filterName;
        private String pattern;

        Target(String id, String fileName, String filterName, String pattern) {
            this.filterName = filterName;
            this.pattern = pattern;
            field.setId(id);
            field.setPrefColumnCount(34);
            field.setText(Path.of(System.getProperty("user.home"), fileName).toString());
            Button choose = new Button(text.get("ui.requests.choose"), Views.icon(Feather.FOLDER));
            choose.setId(id + "Choose");
            choose.setMinWidth(Region.USE_PREF_SIZE);
            choose.setOnAction(e -> choose());
            HBox box = new HBox(6, field, choose);
            HBox.setHgrow(field, Priority.ALWAYS);
            node = box;
        }

        void rename(String fileName, String filter, String glob) {
            this.filterName = filter;
            this.pattern = glob;
            Optional<Path> p = path();
            Path dir = p.map(Path::getParent).orElse(Path.of(System.getProperty("user.home")));
            field.setText(dir.resolve(fileName).toString());
        }

        Optional<Path> path() {
            String s = field.getText() == null ? "" : field.getText().strip();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(s));
            } catch (InvalidPathException bad) {
                return Optional.empty();
            }
        }

        private void choose() {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("ui.requests.target"));
            path().ifPresent(p -> {
                if (p.getParent() != null && p.getParent().toFile().isDirectory()) {
                    chooser.setInitialDirectory(p.getParent().toFile());
                }
                chooser.setInitialFileName(p.getFileName().toString());
            });
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
            File f = chooser.showSaveDialog(field.getScene() == null ? null : field.getScene().getWindow());
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        }
    }

    private void owner(Dialog<?> d) {
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
    }

    /** Shows request {@code id} (from the dashboard). */
    public void show(long id) {
        vm.load(id);
    }

    /** Loads the register again when the screen is shown again. */
    public void refresh() {
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
