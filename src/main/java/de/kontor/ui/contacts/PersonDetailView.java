package de.kontor.ui.contacts;

import atlantafx.base.theme.Styles;
import de.kontor.domain.Activity;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Provenance;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.ui.EnumConverter;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.erasure.ErasureActions;
import de.kontor.ui.erasure.PersonErasureViewModel;
import de.kontor.ui.privacy.PrivacyView;
import de.kontor.ui.privacy.PrivacyViewModel;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The selected person in tabs: details with provenance, activities, privacy, history. */
public final class PersonDetailView {
    private final PersonDetailViewModel vm;
    private final UiText text;
    private final BorderPane root = new BorderPane();
    private final GridPane details = Views.formGrid();

    public PersonDetailView(PersonDetailViewModel vm, PrivacyViewModel privacy, UiText text, Consumer<Person> onEdit,
            Runnable onDeleted) {
        this(vm, privacy, null, text, onEdit, onDeleted);
    }

    /** With the privacy actions (erase, anonymise, restrict) when {@code erasure} is given. */
    public PersonDetailView(PersonDetailViewModel vm, PrivacyViewModel privacy, PersonErasureViewModel erasure,
            UiText text, Consumer<Person> onEdit, Runnable onDeleted) {
        this.vm = vm;
        this.text = text;
        root.setId("personDetail");
        Label name = Views.title("");
        name.setId("detailName");
        Button edit = new Button(text.get("ui.detail.edit"), Views.icon(Feather.EDIT_2));
        edit.setId("detailEdit");
        edit.setOnAction(e -> onEdit.accept(vm.personProperty().get()));
        Button delete = new Button(text.get("ui.detail.delete"), Views.icon(Feather.TRASH_2));
        delete.setId("detailDelete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> confirmDelete(onDeleted));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label badge = new Label(text.get("ui.restriction.badge"), Views.icon(Feather.LOCK));
        badge.setId("restrictedBadge");
        badge.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        badge.setVisible(false);
        badge.setManaged(false);
        HBox header = new HBox(8, name, badge, gap, edit, delete);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new Insets(12));
        // Keep the name readable: buttons give way first (they keep their icon and tooltip).
        name.setMinWidth(120);
        edit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label error = Views.errorLabel("detailError");
        error.textProperty().bind(vm.errorProperty());
        Node actions = null;
        Node category = null;
        if (erasure != null) {
            badge.visibleProperty().bind(erasure.restrictedProperty());
            badge.managedProperty().bind(erasure.restrictedProperty());
            edit.disableProperty().bind(erasure.restrictedProperty());
            delete.disableProperty().bind(erasure.restrictedProperty());
            ErasureActions privacyActions = new ErasureActions(erasure, text, () -> {
                vm.load(null);
                onDeleted.run();
            }, onDeleted);
            header.getChildren().add(privacyActions.header());
            actions = privacyActions.root();
            category = privacyActions.category();
        }

        TabPane tabs = new TabPane(
                tab(text.get("ui.detail.details"), scroll(category == null ? details : new VBox(category, details))),
                tab(text.get("ui.detail.activities"), activities()),
                tab(text.get("ui.privacy.tab"), new PrivacyView(privacy, text).root()),
                tab(text.get("ui.detail.history"), history()));
        VBox top = new VBox(header, error);
        if (actions != null) {
            top.getChildren().add(actions);
        }
        root.setTop(top);
        root.setCenter(tabs);
        root.disableProperty().bind(vm.personProperty().isNull());
        vm.personProperty().addListener((o, a, p) -> {
            name.setText(p == null ? "" : p.displayName());
            showDetails(p);
            privacy.load(p == null ? null : p.id());
            if (erasure != null) {
                erasure.load(p == null ? null : p.id());
            }
        });
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    private void confirmDelete(Runnable onDeleted) {
        Person p = vm.personProperty().get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.get("ui.detail.deleteConfirm", p.displayName()),
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        a.setTitle(text.get("ui.detail.delete"));
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(onDeleted));
    }

    private void showDetails(Person p) {
        details.getChildren().clear();
        details.setPadding(new Insets(12));
        if (p == null) {
            return;
        }
        PersonData d = p.data();
        add("salutation", d.salutation());
        add("title", d.title());
        add("givenName", d.givenName());
        add("familyName", d.familyName());
        add("birthDate", text.date(d.birthDate()));
        add("language", d.language());
        add("organisation", d.organisation());
        add("jobTitle", d.jobTitle());
        for (EmailAddress e : d.emails()) {
            add("email", e.address() + " (" + text.label("contactKind", e.kind().key()) + ")");
        }
        for (PhoneNumber ph : d.phones()) {
            add("phone", ph.raw() + " (" + text.label("contactKind", ph.kind().key()) + ")"
                    + (ph.checked() ? "" : " – " + text.get("ui.detail.phoneUnchecked")));
        }
        for (PostalAddress a : d.addresses()) {
            add("address", a.oneLine() + (a.country() == null ? "" : ", " + a.country()) + " ("
                    + text.label("contactKind", a.kind().key()) + ")");
        }
        add("tags", String.join(", ", d.tags()));
        add("notes", d.notes());
        Provenance pr = p.provenance();
        Label heading = new Label(text.get("ui.detail.provenance"));
        heading.getStyleClass().add(Styles.TITLE_4);
        details.addRow(details.getRowCount(), heading);
        add("source", text.label("sourceKind", pr.kind().key()));
        add("sourceDetail", pr.detail());
        add("sourceFile", pr.fileName());
        add("sourceRecord", pr.sourceRecordId());
        add("capturedAt", text.dateTime(pr.capturedAt()));
        add("capturedBy", pr.capturedBy());
    }

    private void add(String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Label v = new Label(value);
        v.setWrapText(true);
        Label l = new Label(text.get("ui.field." + field));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        details.addRow(details.getRowCount(), l, v);
    }

    private Node activities() {
        ListView<Activity> list = new ListView<>(vm.activities());
        list.setId("activityList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Activity a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : text.dateTime(a.data().occurredAt()) + " · "
                        + text.label("activityKind", a.data().kind().key()) + " · " + a.data().subject()
                        + (a.data().body() == null ? "" : "\n" + a.data().body()));
            }
        });
        ComboBox<ActivityKind> kind = new ComboBox<>();
        kind.getItems().setAll(ActivityKind.values());
        kind.setConverter(new EnumConverter<>(text, "activityKind", ActivityKind::key));
        kind.valueProperty().bindBidirectional(vm.newKindProperty());
        DatePicker date = new DatePicker();
        date.setConverter(Views.dateConverter(text));
        date.valueProperty().bindBidirectional(vm.newDateProperty());
        TextField subject = new TextField();
        subject.setId("activitySubject");
        subject.setPromptText(text.get("ui.activity.subject"));
        subject.textProperty().bindBidirectional(vm.newSubjectProperty());
        HBox.setHgrow(subject, Priority.ALWAYS);
        TextArea body = new TextArea();
        body.setId("activityText");
        body.setPromptText(text.get("ui.activity.text"));
        body.setPrefRowCount(2);
        body.textProperty().bindBidirectional(vm.newTextProperty());
        Button add = new Button(text.get("ui.activity.add"), Views.icon(Feather.PLUS));
        add.setId("activityAdd");
        add.setOnAction(e -> vm.addActivity());
        VBox form = new VBox(6, new HBox(6, kind, date, subject), body, add);
        form.setPadding(new Insets(8, 0, 0, 0));
        BorderPane pane = new BorderPane(list);
        pane.setBottom(form);
        pane.setPadding(new Insets(8));
        return pane;
    }

    private Node history() {
        TableView<AuditEntry> table = new TableView<>(vm.history());
        table.setId("historyTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column(text.get("ui.history.when"), e -> text.dateTime(e.at())));
        table.getColumns().add(Views.column(text.get("ui.history.who"), AuditEntry::actorName));
        table.getColumns().add(Views.column(text.get("ui.history.action"), e -> text.label("auditAction", e.action().name())));
        table.getColumns().add(Views.column(text.get("ui.history.field"),
                e -> e.field() == null ? "" : text.label("field", e.field())));
        table.getColumns().add(Views.column(text.get("ui.history.change"), e -> e.valuesErased()
                ? text.get("ui.history.erased")
                : nn(e.oldValue()) + " → " + nn(e.newValue())));
        return table;
    }

    private static String nn(String s) {
        return s == null ? "∅" : s;
    }

    public Parent root() {
        return root;
    }
}
