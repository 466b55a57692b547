package de.kontor.ui.contacts;

import atlantafx.base.theme.Styles;
import de.kontor.domain.ContactKind;
import de.kontor.domain.Person;
import de.kontor.domain.SourceKind;
import de.kontor.ui.EnumConverter;
import de.kontor.ui.FieldMarks;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;

/**
 * The person form. Ctrl+S saves, Esc cancels. Refusals are shown at the field (decoration and
 * tooltip) with a summary line above the buttons.
 */
public final class PersonFormView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final PersonFormViewModel vm;
    private final UiText text;
    private final FieldMarks marks = new FieldMarks();
    private final Map<String, Control> fields = new HashMap<>();
    private final BorderPane root = new BorderPane();
    private final Consumer<Person> onSaved;

    public PersonFormView(PersonFormViewModel vm, UiText text, Consumer<Person> onSaved, Runnable onCancel) {
        this(vm, text, onSaved, onCancel, id -> { });
    }

    /**
     * With the possible duplicates beside the form: "Open" calls {@code onOpen} with the
     * person's id; "Merge instead" adds the typed contacts to that person and calls
     * {@code onSaved} with it.
     */
    public PersonFormView(PersonFormViewModel vm, UiText text, Consumer<Person> onSaved, Runnable onCancel,
            java.util.function.LongConsumer onOpen) {
        this.vm = vm;
        this.text = text;
        this.onSaved = onSaved;
        root.setId("personForm");

        GridPane grid = Views.formGrid();
        Views.row(grid, text.get("ui.field.salutation"), field("salutation", vm.salutationProperty()));
        Views.row(grid, text.get("ui.field.title"), field("title", vm.titleProperty()));
        Views.row(grid, text.get("ui.field.givenName"), field("givenName", vm.givenNameProperty()));
        Views.row(grid, text.get("ui.field.familyName"), field("familyName", vm.familyNameProperty()));
        DatePicker birth = new DatePicker();
        birth.setId("birthDate");
        birth.setConverter(Views.dateConverter(text));
        birth.valueProperty().bindBidirectional(vm.birthDateProperty());
        fields.put("birthDate", birth);
        Views.row(grid, text.get("ui.field.birthDate"), birth);
        TextField language = field("language", vm.languageProperty());
        language.setPromptText("de");
        Views.row(grid, text.get("ui.field.language"), language);
        TextField organisation = field("organisation", vm.organisationProperty());
        TextFields.bindAutoCompletion(organisation, request -> vm.suggestOrganisations(request.getUserText()));
        vm.loadSuggestions();
        Views.row(grid, text.get("ui.field.organisation"), organisation);
        Views.row(grid, text.get("ui.field.jobTitle"), field("jobTitle", vm.jobTitleProperty()));
        Views.row(grid, text.get("ui.field.email"), rows(vm.emails(), "email", vm::addEmail));
        Views.row(grid, text.get("ui.field.phone"), rows(vm.phones(), "phone", vm::addPhone));
        Views.row(grid, text.get("ui.field.address"), addresses());
        TextField tags = field("tags", vm.tagsProperty());
        tags.setPromptText(text.get("ui.form.tagsPrompt"));
        Views.row(grid, text.get("ui.field.tags"), tags);
        TextArea notes = new TextArea();
        notes.setId("notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        fields.put("notes", notes);
        Views.row(grid, text.get("ui.field.notes"), notes);
        if (vm.isNew()) {
            ComboBox<SourceKind> source = new ComboBox<>();
            source.setId("sourceKind");
            source.getItems().setAll(SourceKind.values());
            source.setConverter(new EnumConverter<>(text, "sourceKind", SourceKind::key));
            source.valueProperty().bindBidirectional(vm.sourceKindProperty());
            Views.row(grid, text.get("ui.field.source"), source);
            Views.row(grid, text.get("ui.field.sourceDetail"), field("sourceDetail", vm.sourceDetailProperty()));
        }
        vm.errors().addListener((MapChangeListener<String, String>) c -> markFields());

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        grid.setPadding(new Insets(12));
        root.setTop(header());
        root.setCenter(scroll);
        root.setBottom(footer(onCancel));
        root.setRight(duplicates(onOpen));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                save();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                onCancel.run();
            }
        });
    }

    private Label header() {
        Label title = Views.title(text.get(vm.isNew() ? "ui.form.newTitle" : "ui.form.editTitle"));
        title.setPadding(new Insets(12, 12, 0, 12));
        return title;
    }

    private VBox footer(Runnable onCancel) {
        Label summary = Views.errorLabel("formSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Button reload = new Button(text.get("ui.form.reload"), Views.icon(Feather.REFRESH_CW));
        reload.setId("formReload");
        reload.visibleProperty().bind(vm.staleProperty());
        reload.managedProperty().bind(vm.staleProperty());
        reload.setOnAction(e -> vm.reload());
        Button save = new Button(text.get("ui.form.save"), Views.icon(Feather.SAVE));
        save.setId("formSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> save());
        Button cancel = new Button(text.get("ui.form.cancel"));
        cancel.setId("formCancel");
        cancel.setOnAction(e -> onCancel.run());
        Label blocked = Views.errorLabel("formBlocked");
        blocked.setGraphic(Views.icon(Feather.SLASH));
        blocked.textProperty().bind(vm.blockedProperty());
        VBox box = new VBox(8, blocked, summary, new HBox(8, save, cancel, reload));
        box.setPadding(new Insets(12));
        return box;
    }

    private VBox duplicates(java.util.function.LongConsumer onOpen) {
        VBox cards = new VBox(8);
        Label heading = new Label(text.get("ui.dedupe.possibleDuplicates"), Views.icon(Feather.USERS));
        heading.getStyleClass().add(Styles.WARNING);
        heading.setWrapText(true);
        VBox box = new VBox(8, heading, cards);
        box.setId("formDuplicates");
        box.setPadding(new Insets(12));
        box.setPrefWidth(230);
        box.setMinWidth(200);
        box.setStyle("-fx-background-color: -color-bg-subtle;");
        Runnable rebuild = () -> {
            cards.getChildren().clear();
            for (int i = 0; i < vm.duplicates().size(); i++) {
                cards.getChildren().add(duplicateCard(vm.duplicates().get(i), i, onOpen));
            }
            box.setVisible(!vm.duplicates().isEmpty());
            box.setManaged(!vm.duplicates().isEmpty());
        };
        vm.duplicates().addListener((ListChangeListener<de.kontor.ui.dedupe.DuplicateHint>) c -> rebuild.run());
        rebuild.run();
        return box;
    }

    private VBox duplicateCard(de.kontor.ui.dedupe.DuplicateHint h, int i, java.util.function.LongConsumer onOpen) {
        Label name = new Label(h.name());
        name.setId("duplicateName" + i);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setWrapText(true);
        Label score = new Label(text.get("ui.dedupe.scoreLevel", de.kontor.ui.dedupe.DedupeText.score(text, h.score()),
                de.kontor.ui.dedupe.DedupeText.level(text, h.level())));
        score.getStyleClass().add(Styles.TEXT_MUTED);
        Label reasons = new Label(h.reasons());
        reasons.setWrapText(true);
        reasons.getStyleClass().add(Styles.TEXT_SMALL);
        Button open = new Button(text.get("ui.dedupe.open"));
        open.setId("duplicateOpen" + i);
        open.setOnAction(e -> onOpen.accept(h.personId()));
        Button merge = new Button(text.get("ui.dedupe.mergeInstead"));
        merge.setId("duplicateMerge" + i);
        merge.getStyleClass().add(Styles.ACCENT);
        merge.disableProperty().bind(vm.busyProperty());
        merge.setOnAction(e -> vm.mergeInto(h.personId(), onSaved));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(4, 4, open, merge);
        VBox card = new VBox(4, name, score, reasons, buttons);
        card.setPadding(new Insets(8));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-warning-emphasis;"
                + " -fx-border-radius: 4; -fx-background-radius: 4;");
        return card;
    }

    private void save() {
        vm.save(onSaved);
    }

    private TextField field(String name, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(name);
        f.textProperty().bindBidirectional(property);
        fields.put(name, f);
        return f;
    }

    private void markFields() {
        fields.forEach((name, control) -> marks.mark(control, vm.errors().get(name)));
    }

    private VBox rows(ObservableList<ContactRow> rows, String idPrefix, Runnable add) {
        VBox box = new VBox(4);
        Button plus = new Button(null, Views.icon(Feather.PLUS));
        plus.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        plus.setOnAction(e -> add.run());
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (int i = 0; i < rows.size(); i++) {
                box.getChildren().add(contactRow(rows, rows.get(i), idPrefix + i));
            }
            box.getChildren().add(plus);
        };
        rows.addListener((ListChangeListener<ContactRow>) c -> rebuild.run());
        rebuild.run();
        return box;
    }

    private HBox contactRow(ObservableList<ContactRow> rows, ContactRow row, String id) {
        ComboBox<ContactKind> kind = kindBox(row.kindProperty());
        TextField value = new TextField();
        value.setId(id);
        value.textProperty().bindBidirectional(row.valueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        row.errorProperty().addListener((o, a, b) -> marks.mark(value, b));
        marks.mark(value, row.errorProperty().get());
        return new HBox(4, kind, value, removeButton(() -> rows.remove(row)));
    }

    private VBox addresses() {
        VBox box = new VBox(6);
        Button plus = new Button(null, Views.icon(Feather.PLUS));
        plus.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        plus.setOnAction(e -> vm.addAddress());
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (int i = 0; i < vm.addresses().size(); i++) {
                box.getChildren().add(addressRow(vm.addresses().get(i), i));
            }
            box.getChildren().add(plus);
        };
        vm.addresses().addListener((ListChangeListener<AddressRow>) c -> rebuild.run());
        rebuild.run();
        return box;
    }

    private VBox addressRow(AddressRow row, int index) {
        Map<String, TextField> parts = new HashMap<>();
        TextField street = part(parts, "street", row.streetProperty(), index, 3);
        TextField number = part(parts, "houseNumber", row.houseNumberProperty(), index, 1);
        TextField postcode = part(parts, "postcode", row.postcodeProperty(), index, 1);
        TextField city = part(parts, "city", row.cityProperty(), index, 3);
        TextField country = part(parts, "country", row.countryProperty(), index, 1);
        Runnable mark = () -> parts.forEach((name, f) -> marks.mark(f, row.errors().get(name)));
        row.errors().addListener((MapChangeListener<String, String>) c -> mark.run());
        mark.run();
        HBox first = new HBox(4, kindBox(row.kindProperty()), street, number,
                removeButton(() -> vm.addresses().remove(row)));
        HBox second = new HBox(4, postcode, city, country);
        return new VBox(4, first, second);
    }

    private TextField part(Map<String, TextField> parts, String name, javafx.beans.property.StringProperty p,
            int index, int grow) {
        TextField f = new TextField();
        f.setId(name + index);
        f.setPromptText(text.get("ui.field." + name));
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(grow * 4);
        f.setMinWidth(60);
        HBox.setHgrow(f, grow > 1 ? Priority.ALWAYS : Priority.SOMETIMES);
        parts.put(name, f);
        return f;
    }

    private ComboBox<ContactKind> kindBox(javafx.beans.property.ObjectProperty<ContactKind> kind) {
        ComboBox<ContactKind> box = new ComboBox<>();
        box.getItems().setAll(ContactKind.values());
        box.setConverter(new EnumConverter<>(text, "contactKind", ContactKind::key));
        box.valueProperty().bindBidirectional(kind);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    private Button removeButton(Runnable remove) {
        Button b = new Button(null, Views.icon(Feather.X));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setOnAction(e -> remove.run());
        return b;
    }

    public Parent root() {
        return root;
    }

    /** Focuses the first field (for a new person). */
    public void focusFirst() {
        fields.get("givenName").requestFocus();
    }
}
