package de.kontor.ui.purposes;

import atlantafx.base.theme.Styles;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.privacy.PurposeData;
import de.kontor.ui.FieldMarks;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The purpose catalogue: table, details with consent texts, new purpose, retire. */
public final class PurposesView {
    private final PurposesViewModel vm;
    private final UiText text;
    private final FieldMarks marks = new FieldMarks();
    private final Map<String, Control> fields = new HashMap<>();
    private final BorderPane root = new BorderPane();
    private final GridPane details = Views.formGrid();

    public PurposesView(PurposesViewModel vm, UiText text) {
        this.vm = vm;
        this.text = text;
        Label error = Views.errorLabel("purposesError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("purposesMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(6, Views.title(text.get("ui.purposes.title")), error, message);
        top.setPadding(new Insets(12));

        TableView<Purpose> table = new TableView<>(vm.rows());
        table.setId("purposesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column(text.get("ui.purposes.key"), Purpose::key));
        table.getColumns().add(Views.column(text.get("ui.purposes.name"), p -> p.name(text.locale())));
        table.getColumns().add(Views.column(text.get("ui.purposes.defaultBasis"),
                p -> basis(p.data().defaultBasis())));
        table.getColumns().add(Views.column(text.get("ui.purposes.marketing"), p -> yesNo(p.marketing())));
        table.getColumns().add(Views.column(text.get("ui.purposes.retired"),
                p -> p.retired() ? text.dateTime(p.retiredAt()) : ""));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p != vm.selectedProperty().get()) {
                vm.selectedProperty().set(p);
            }
        });
        vm.selectedProperty().addListener((o, a, p) -> {
            showDetails(p);
            if (p != null && table.getSelectionModel().getSelectedItem() != p) {
                table.getSelectionModel().select(p);
            }
        });
        TitledPane add = new TitledPane(text.get("ui.purposes.addTitle"), addForm());
        add.setId("purposeAddPane");
        add.setExpanded(false);
        VBox left = new VBox(8, table, add);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 12, 12));

        ScrollPane right = new ScrollPane(rightSide());
        right.setFitToWidth(true);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        root.setTop(top);
        root.setCenter(split);
        vm.errors().addListener((MapChangeListener<String, String>) c ->
                fields.forEach((name, control) -> marks.mark(control, vm.errors().get(name))));
        vm.load();
    }

    private String basis(LawfulBasis b) {
        return b == null ? "" : text.label("lawfulBasis", b.key()) + " (Art. " + b.article() + ")";
    }

    private String yesNo(boolean b) {
        return text.get(b ? "ui.purposes.yes" : "ui.purposes.no");
    }

    private Node rightSide() {
        details.setPadding(new Insets(0, 0, 8, 0));
        Button retire = new Button(text.get("ui.purposes.retire"), Views.icon(Feather.ARCHIVE));
        retire.setId("purposeRetire");
        retire.getStyleClass().add(Styles.DANGER);
        retire.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().retired(),
                vm.selectedProperty()));
        retire.setOnAction(e -> confirmRetire());

        TableView<ConsentText> texts = new TableView<>(vm.texts());
        texts.setId("purposeTexts");
        texts.setPrefHeight(160);
        texts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        texts.getColumns().add(Views.column(text.get("ui.purposes.version"), ConsentText::version));
        texts.getColumns().add(Views.column(text.get("ui.purposes.created"), t -> text.dateTime(t.createdAt())));
        texts.getColumns().add(Views.column(text.get("ui.purposes.sha256"), ConsentText::sha256));
        TextArea shown = new TextArea();
        shown.setEditable(false);
        shown.setWrapText(true);
        shown.setPrefRowCount(3);
        texts.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> shown.setText(t == null ? "" : t.body()));

        TextField version = field(new TextField(), "purposeNewVersion", "text:version");
        version.textProperty().bindBidirectional(vm.newVersionProperty());
        version.setPromptText(text.get("ui.purposes.newVersion"));
        TextArea body = field(new TextArea(), "purposeNewText", "text:text");
        body.textProperty().bindBidirectional(vm.newTextProperty());
        body.setPromptText(text.get("ui.purposes.textBody"));
        body.setWrapText(true);
        body.setPrefRowCount(5);
        Button addText = new Button(text.get("ui.purposes.addText"), Views.icon(Feather.PLUS));
        addText.setId("purposeAddText");
        addText.setOnAction(e -> vm.addText());
        addText.disableProperty().bind(retire.disableProperty());

        Label textsTitle = new Label(text.get("ui.purposes.texts"));
        textsTitle.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, details, retire, textsTitle, texts, shown, version, body, addText);
        box.setPadding(new Insets(0, 12, 12, 12));
        return box;
    }

    private void showDetails(Purpose p) {
        details.getChildren().clear();
        if (p == null) {
            return;
        }
        PurposeData d = p.data();
        Label name = Views.title(p.name(text.locale()));
        details.addRow(0, name);
        GridPane.setColumnSpan(name, 2);
        add("ui.purposes.key", d.key());
        add("ui.purposes.description", p.description(text.locale()));
        add("ui.purposes.defaultBasis", basis(d.defaultBasis()));
        add("ui.purposes.marketing", yesNo(d.marketing()));
        add("ui.purposes.categories", d.dataCategories());
        add("ui.purposes.recipients", d.recipients());
        add("ui.purposes.thirdCountry", d.thirdCountry() == null ? text.get("ui.purposes.noThirdCountry")
                : d.thirdCountry());
        add("ui.purposes.notes", d.notes());
        if (p.retired()) {
            add("ui.purposes.retired", text.dateTime(p.retiredAt()));
        }
    }

    private void add(String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Label l = new Label(text.get(labelKey));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.setWrapText(true);
        details.addRow(details.getRowCount(), l, v);
    }

    private void confirmRetire() {
        Purpose p = vm.selectedProperty().get();
        if (p == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.get("ui.purposes.retireConfirm", p.name(text.locale())),
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        a.setTitle(text.get("ui.purposes.retire"));
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.retire());
    }

    private Node addForm() {
        GridPane g = Views.formGrid();
        Views.row(g, text.get("ui.purposes.key"), bound(new TextField(), "purposeKey", "add:key", vm.keyProperty()));
        Views.row(g, text.get("ui.purposes.nameDe"), bound(new TextField(), "purposeNameDe", "add:name", vm.nameDeProperty()));
        Views.row(g, text.get("ui.purposes.nameEn"), bound(new TextField(), "purposeNameEn", "add:nameEn",
                vm.nameEnProperty()));
        Views.row(g, text.get("ui.purposes.descriptionDe"), bound(area(), "purposeDescDe", "add:descriptionDe",
                vm.descriptionDeProperty()));
        Views.row(g, text.get("ui.purposes.descriptionEn"), bound(area(), "purposeDescEn", "add:descriptionEn",
                vm.descriptionEnProperty()));
        ComboBox<LawfulBasis> basis = field(new ComboBox<>(), "purposeBasis", "add:basis");
        basis.getItems().setAll(LawfulBasis.values());
        basis.setConverter(new StringConverter<>() {
            @Override
            public String toString(LawfulBasis b) {
                return basis(b);
            }

            @Override
            public LawfulBasis fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        basis.valueProperty().bindBidirectional(vm.defaultBasisProperty());
        Views.row(g, text.get("ui.purposes.defaultBasis"), basis);
        CheckBox marketing = new CheckBox(text.get("ui.purposes.marketing"));
        marketing.setId("purposeMarketing");
        marketing.selectedProperty().bindBidirectional(vm.marketingProperty());
        g.addRow(g.getRowCount(), new Label(), marketing);
        Views.row(g, text.get("ui.purposes.categories"), bound(new TextField(), "purposeCategories", "add:dataCategories",
                vm.categoriesProperty()));
        Views.row(g, text.get("ui.purposes.recipients"), bound(new TextField(), "purposeRecipients", "add:recipients",
                vm.recipientsProperty()));
        Views.row(g, text.get("ui.purposes.thirdCountry"), bound(new TextField(), "purposeThirdCountry",
                "add:thirdCountry", vm.thirdCountryProperty()));
        Views.row(g, text.get("ui.purposes.notes"), bound(area(), "purposeNotes", "add:notes", vm.notesProperty()));
        Button save = new Button(text.get("ui.purposes.add"), Views.icon(Feather.PLUS));
        save.setId("purposeAdd");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> vm.addPurpose());
        g.addRow(g.getRowCount(), new Label(), new HBox(save));
        return g;
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setPrefRowCount(2);
        a.setWrapText(true);
        return a;
    }

    private <C extends Control> C field(C c, String id, String key) {
        c.setId(id);
        fields.put(key, c);
        return c;
    }

    private <C extends TextInputControl> C bound(C c, String id, String key, javafx.beans.property.StringProperty p) {
        field(c, id, key);
        c.textProperty().bindBidirectional(p);
        return c;
    }

    public void refresh() {
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
