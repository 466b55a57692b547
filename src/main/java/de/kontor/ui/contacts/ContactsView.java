package de.kontor.ui.contacts;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import de.kontor.domain.Person;
import de.kontor.domain.PersonSummary;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import de.kontor.ui.erasure.PersonErasureViewModel;
import de.kontor.ui.privacy.PrivacyViewModel;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * The contacts screen: search as you type, the results table, and on the right either the
 * selected person or the person form.
 */
public final class ContactsView {
    private final ContactListViewModel list;
    private final PersonDetailViewModel detail;
    private final Supplier<PersonFormViewModel> forms;
    private final UiText text;
    private final BorderPane root = new BorderPane();
    private final StackPane right = new StackPane();
    private final TextField search = new TextField();
    private final TableView<PersonSummary> table;
    private final Parent detailView;

    public ContactsView(ContactListViewModel list, PersonDetailViewModel detail, PrivacyViewModel privacy,
            Supplier<PersonFormViewModel> forms, UiText text) {
        this(list, detail, privacy, null, forms, text);
    }

    /** With the privacy actions in the detail (erase, anonymise, restrict). */
    public ContactsView(ContactListViewModel list, PersonDetailViewModel detail, PrivacyViewModel privacy,
            PersonErasureViewModel erasure, Supplier<PersonFormViewModel> forms, UiText text) {
        this.list = list;
        this.detail = detail;
        this.forms = forms;
        this.text = text;
        search.setId("search");
        search.setPromptText(text.get("ui.contacts.searchPrompt"));
        search.textProperty().bindBidirectional(list.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label status = new Label();
        status.setId("contactsStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(list.statusProperty());
        Button add = new Button(text.get("ui.contacts.new"), Views.icon(Feather.USER_PLUS));
        add.setId("newPerson");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> newPerson());
        ToggleSwitch showRestricted = new ToggleSwitch(text.get("ui.restriction.show"));
        showRestricted.setId("showRestricted");
        showRestricted.selectedProperty().bindBidirectional(list.includeRestrictedProperty());
        HBox bar = new HBox(8, Views.icon(Feather.SEARCH), search, showRestricted, status, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));

        table = table();
        detailView = new PersonDetailView(detail, privacy, erasure, text, this::edit, list::search).root();
        right.getChildren().setAll(detailView);
        SplitPane split = new SplitPane(table, right);
        split.setDividerPositions(0.5);
        root.setTop(bar);
        root.setCenter(split);
        list.search();
    }

    private TableView<PersonSummary> table() {
        TableView<PersonSummary> t = new TableView<>(list.rows());
        t.setId("contactsTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(text.get("ui.contacts.empty")));
        TableColumn<PersonSummary, String> mark = Views.column("",
                p -> list.restricted().contains(p.id()) ? text.get("ui.restriction.marker") : "");
        mark.setId("restrictedColumn");
        mark.setPrefWidth(34);
        mark.setMaxWidth(90);
        mark.setStyle("-fx-text-fill: -color-warning-fg;");
        t.getColumns().add(mark);
        t.getColumns().add(width(Views.column(text.get("ui.contacts.name"), PersonSummary::sortName), 180));
        t.getColumns().add(width(Views.column(text.get("ui.field.email"), p -> nn(p.email())), 190));
        t.getColumns().add(width(Views.column(text.get("ui.field.phone"), p -> nn(p.phone())), 120));
        t.getColumns().add(width(Views.column(text.get("ui.field.organisation"), p -> nn(p.organisation())), 160));
        t.getColumns().add(width(Views.column(text.get("ui.field.city"), p -> nn(p.city())), 110));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                right.getChildren().setAll(detailView);
                detail.load(p.id());
            }
        });
        return t;
    }

    private static <T> TableColumn<PersonSummary, T> width(TableColumn<PersonSummary, T> c, double pref) {
        c.setPrefWidth(pref);
        return c;
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    public void newPerson() {
        PersonFormViewModel vm = forms.get();
        vm.startNew();
        showForm(vm);
    }

    private void edit(Person p) {
        if (p == null) {
            return;
        }
        PersonFormViewModel vm = forms.get();
        vm.edit(p);
        showForm(vm);
    }

    private void showForm(PersonFormViewModel vm) {
        PersonFormView form = new PersonFormView(vm, text, this::saved, this::closeForm, this::showPerson);
        right.getChildren().setAll(form.root());
        Platform.runLater(form::focusFirst);
    }

    private void saved(Person p) {
        closeForm();
        detail.load(p.id());
        list.search();
    }

    private void closeForm() {
        right.getChildren().setAll(detailView);
        table.requestFocus();
    }

    /** Shows a person by id (opened from another screen), selecting it in the table when listed. */
    public void showPerson(long id) {
        right.getChildren().setAll(detailView);
        PersonSummary row = table.getItems().stream().filter(p -> p.id() == id).findFirst().orElse(null);
        if (row != null && table.getSelectionModel().getSelectedItem() != row) {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        } else {
            detail.load(id);
        }
    }

    /** Runs the search again (when the screen is shown again; others may have changed data). */
    public void refresh() {
        list.search();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public Parent root() {
        return root;
    }
}
