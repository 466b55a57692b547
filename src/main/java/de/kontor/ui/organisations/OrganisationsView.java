package de.kontor.ui.organisations;

import atlantafx.base.theme.Styles;
import de.kontor.domain.Organisation;
import de.kontor.domain.Person;
import de.kontor.ui.FieldMarks;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Organisations: table (name, city, people), the selected one's people, create and edit. */
public final class OrganisationsView {
    private final OrganisationsViewModel vm;
    private final Supplier<OrganisationFormViewModel> forms;
    private final UiText text;
    private final BorderPane root = new BorderPane();
    private final StackPane right = new StackPane();
    private final VBox detail = new VBox(8);

    public OrganisationsView(OrganisationsViewModel vm, Supplier<OrganisationFormViewModel> forms, UiText text) {
        this.vm = vm;
        this.forms = forms;
        this.text = text;
        Button add = new Button(text.get("ui.organisations.new"), Views.icon(Feather.PLUS));
        add.setId("newOrganisation");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> showForm(null));
        HBox bar = new HBox(12, Views.title(text.get("ui.nav.organisations")), add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));

        TableView<Organisation> table = new TableView<>(vm.rows());
        table.setId("organisationsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("ui.organisations.empty")));
        table.getColumns().add(Views.column(text.get("ui.field.name"), Organisation::name));
        table.getColumns().add(Views.column(text.get("ui.field.city"), o -> o.data().city() == null ? "" : o.data().city()));
        TableColumn<Organisation, Number> count = new TableColumn<>(text.get("ui.organisations.people"));
        count.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyIntegerWrapper(d.getValue().peopleCount()));
        table.getColumns().add(count);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            vm.select(b);
            right.getChildren().setAll(detail);
        });

        Label name = Views.title("");
        vm.selectedProperty().addListener((o, a, b) -> name.setText(b == null ? "" : b.name()));
        Button edit = new Button(text.get("ui.detail.edit"), Views.icon(Feather.EDIT_2));
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        edit.setOnAction(e -> showForm(vm.selectedProperty().get()));
        ListView<Person> people = new ListView<>(vm.people());
        people.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.displayName()
                        + (p.data().jobTitle() == null ? "" : " · " + p.data().jobTitle()));
            }
        });
        Label error = Views.errorLabel("organisationsError");
        error.textProperty().bind(vm.errorProperty());
        detail.getChildren().setAll(new HBox(12, name, edit), new Label(text.get("ui.organisations.people")), people, error);
        detail.setPadding(new Insets(12));
        right.getChildren().setAll(detail);
        root.setTop(bar);
        root.setCenter(new SplitPane(table, right));
        vm.refresh();
    }

    private void showForm(Organisation o) {
        OrganisationFormViewModel f = forms.get();
        if (o == null) {
            f.startNew();
        } else {
            f.edit(o);
        }
        FieldMarks marks = new FieldMarks();
        Map<String, TextField> controls = new HashMap<>();
        GridPane grid = Views.formGrid();
        f.fields().forEach((field, property) -> {
            TextField t = new TextField();
            t.setId("org-" + field);
            t.textProperty().bindBidirectional(property);
            controls.put(field, t);
            Views.row(grid, text.get("ui.field." + field), t);
        });
        f.errors().addListener((MapChangeListener<String, String>) c ->
                controls.forEach((field, control) -> marks.mark(control, f.errors().get(field))));
        Label summary = Views.errorLabel("organisationSummary");
        summary.textProperty().bind(f.summaryProperty());
        Button save = new Button(text.get("ui.form.save"), Views.icon(Feather.SAVE));
        save.getStyleClass().add(Styles.ACCENT);
        Runnable doSave = () -> f.save(saved -> {
            right.getChildren().setAll(detail);
            vm.refresh();
            vm.select(saved);
        });
        save.setOnAction(e -> doSave.run());
        Button cancel = new Button(text.get("ui.form.cancel"));
        cancel.setOnAction(e -> right.getChildren().setAll(detail));
        Button reload = new Button(text.get("ui.form.reload"));
        reload.visibleProperty().bind(f.staleProperty());
        reload.setOnAction(e -> f.reload());
        VBox form = new VBox(12, Views.title(text.get(f.isNew() ? "ui.organisations.newTitle"
                : "ui.organisations.editTitle")), grid, summary, new HBox(8, save, cancel, reload));
        form.setPadding(new Insets(12));
        form.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                right.getChildren().setAll(detail);
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                doSave.run();
            }
        });
        right.getChildren().setAll(form);
    }

    public Parent root() {
        return root;
    }
}
