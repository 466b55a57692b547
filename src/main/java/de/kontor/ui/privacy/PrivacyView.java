package de.kontor.ui.privacy;

import atlantafx.base.theme.Styles;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.Purpose;
import de.kontor.ui.EnumConverter;
import de.kontor.ui.FieldMarks;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The privacy tab of the person detail: allowed today and why, the actions, the histories. */
public final class PrivacyView {
    private final PrivacyViewModel vm;
    private final UiText text;
    private final FieldMarks marks = new FieldMarks();
    private final Map<String, Control> fields = new HashMap<>();
    private final ScrollPane root;

    public PrivacyView(PrivacyViewModel vm, UiText text) {
        this.vm = vm;
        this.text = text;
        Label informBy = new Label();
        informBy.setId("privacyInformBy");
        informBy.setWrapText(true);
        informBy.getStyleClass().add(Styles.WARNING);
        informBy.setGraphic(Views.icon(Feather.ALERT_TRIANGLE));
        informBy.textProperty().bind(vm.informByProperty());
        informBy.managedProperty().bind(informBy.textProperty().isNotEmpty());
        informBy.visibleProperty().bind(informBy.textProperty().isNotEmpty());
        Label error = Views.errorLabel("privacyError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("privacyMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());

        VBox box = new VBox(10, informBy, decisions(), purposeBar(), error, message, actions(), histories());
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setId("privacyTab");
        root.setFitToWidth(true);
        vm.errors().addListener((MapChangeListener<String, String>) c -> markFields());
    }

    private Node decisions() {
        TableView<PrivacyViewModel.DecisionRow> table = new TableView<>(vm.decisions());
        table.setId("privacyDecisions");
        table.setPrefHeight(180);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column(text.get("ui.privacy.purpose"), PrivacyViewModel.DecisionRow::purposeName));
        table.getColumns().add(Views.column(text.get("ui.privacy.allowed"),
                d -> text.get(d.allowed() ? "ui.privacy.yes" : "ui.privacy.no")));
        table.getColumns().add(Views.column(text.get("ui.privacy.why"), PrivacyViewModel.DecisionRow::why));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                vm.choose(d.purposeKey());
            }
        });
        return table;
    }

    /** The purpose the actions work on, with withdrawal and objection one click away. */
    private Node purposeBar() {
        ComboBox<Purpose> purpose = new ComboBox<>(vm.purposeChoices());
        purpose.setId("privacyPurpose");
        purpose.setConverter(purposeConverter());
        purpose.valueProperty().bindBidirectional(vm.purposeProperty());
        fields.put("purpose", purpose);
        TextField channel = new TextField();
        channel.setId("privacyChannel");
        channel.setPromptText(text.get("ui.privacy.channelPrompt"));
        channel.textProperty().bindBidirectional(vm.channelProperty());
        HBox.setHgrow(channel, Priority.ALWAYS);
        Button withdraw = new Button(text.get("ui.privacy.withdrawAction"), Views.icon(Feather.X_CIRCLE));
        withdraw.setId("privacyWithdraw");
        withdraw.getStyleClass().add(Styles.DANGER);
        withdraw.setOnAction(e -> vm.withdraw());
        Button object = new Button(text.get("ui.privacy.objectAction"), Views.icon(Feather.SLASH));
        object.setId("privacyObject");
        object.setOnAction(e -> confirmObjection());
        HBox bar = new HBox(8, new Label(text.get("ui.privacy.purpose")), purpose, channel, withdraw);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, object);
        second.setAlignment(Pos.CENTER_RIGHT);
        return new VBox(6, bar, second);
    }

    private void confirmObjection() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.get("ui.privacy.objectConfirm"), ButtonType.OK,
                ButtonType.CANCEL);
        a.setHeaderText(null);
        a.setTitle(text.get("ui.privacy.objectAction"));
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.object());
    }

    private Node actions() {
        TitledPane grant = new TitledPane(text.get("ui.privacy.grant"), grantForm());
        grant.setId("privacyGrantPane");
        Accordion accordion = new Accordion(grant,
                new TitledPane(text.get("ui.privacy.setBasis"), basisForm()),
                new TitledPane(text.get("ui.privacy.doi"), doiForm()),
                new TitledPane(text.get("ui.privacy.informed"), informedForm()));
        accordion.setExpandedPane(grant);
        return accordion;
    }

    private ComboBox<ConsentText> textChooser(String id, String field) {
        ComboBox<ConsentText> version = new ComboBox<>(vm.texts());
        version.setId(id);
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConsentText t) {
                return t == null ? "" : t.version() + " · " + t.sha256().substring(0, 12) + "…";
            }

            @Override
            public ConsentText fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        version.valueProperty().bindBidirectional(vm.textVersionProperty());
        fields.put(field, version);
        return version;
    }

    private Node grantForm() {
        GridPane g = Views.formGrid();
        ComboBox<ConsentMethod> method = new ComboBox<>();
        method.setId("grantMethod");
        method.getItems().setAll(ConsentMethod.values());
        method.setConverter(new EnumConverter<>(text, "consentMethod", ConsentMethod::key));
        method.valueProperty().bindBidirectional(vm.methodProperty());
        fields.put("grant:method", method);
        Views.row(g, text.get("ui.privacy.method"), method);
        Views.row(g, text.get("ui.privacy.textVersion"), textChooser("grantText", "grant:textVersion"));
        DatePicker date = datePicker("grantDate", "grant:at", vm.givenDateProperty());
        TextField time = textField("grantTime", "grant:time", vm.givenTimeProperty());
        time.setPromptText(text.get("ui.privacy.time"));
        time.setPrefColumnCount(6);
        Views.row(g, text.get("ui.privacy.date"), new HBox(6, date, time));
        Button choose = new Button(text.get("ui.privacy.chooseEvidence"), Views.icon(Feather.PAPERCLIP));
        choose.setId("grantEvidence");
        choose.setOnAction(e -> chooseEvidence());
        fields.put("grant:evidence", choose);
        Label file = new Label();
        file.textProperty().bind(javafx.beans.binding.Bindings.when(vm.evidenceNameProperty().isEmpty())
                .then(text.get("ui.privacy.noEvidence")).otherwise(vm.evidenceNameProperty()));
        file.getStyleClass().add(Styles.TEXT_MUTED);
        Button clear = new Button(null, Views.icon(Feather.X));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setOnAction(e -> vm.clearEvidence());
        clear.visibleProperty().bind(vm.evidenceNameProperty().isNotEmpty());
        HBox ev = new HBox(6, choose, file, clear);
        ev.setAlignment(Pos.CENTER_LEFT);
        Views.row(g, text.get("ui.privacy.evidence"), ev);
        Views.row(g, text.get("ui.privacy.expiresOn"), datePicker("grantExpires", "grant:expires", vm.expiresOnProperty()));
        Button save = new Button(text.get("ui.privacy.grantAction"), Views.icon(Feather.CHECK));
        save.setId("grantSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> vm.grant());
        g.addRow(g.getRowCount(), new Label(), save);
        return g;
    }

    private void chooseEvidence() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("ui.privacy.chooseEvidence"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("ui.privacy.evidenceFiles"),
                "*.pdf", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.gif", "*.webp"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            vm.setEvidence(f.getName(), Files.readAllBytes(f.toPath()));
        } catch (IOException | OutOfMemoryError e) {
            vm.evidenceUnreadable(f.getName(), String.valueOf(e.getMessage()));
        }
    }

    private Node basisForm() {
        GridPane g = Views.formGrid();
        ComboBox<LawfulBasis> basis = new ComboBox<>();
        basis.setId("basisChoice");
        basis.getItems().setAll(LawfulBasis.values());
        basis.setConverter(new StringConverter<>() {
            @Override
            public String toString(LawfulBasis b) {
                return b == null ? "" : text.label("lawfulBasis", b.key()) + " (Art. " + b.article() + ")";
            }

            @Override
            public LawfulBasis fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        basis.valueProperty().bindBidirectional(vm.basisProperty());
        fields.put("basis:basis", basis);
        Views.row(g, text.get("ui.privacy.basis"), basis);
        Views.row(g, text.get("ui.privacy.from"), datePicker("basisFrom", "basis:from", vm.basisFromProperty()));
        Views.row(g, text.get("ui.privacy.until"), datePicker("basisUntil", "basis:until", vm.basisUntilProperty()));
        Views.row(g, text.get("ui.privacy.evidenceText"), textField("basisEvidence", "basis:evidence",
                vm.basisEvidenceProperty()));
        TextArea note = new TextArea();
        note.setId("basisNote");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(vm.basisNoteProperty());
        fields.put("basis:note", note);
        Views.row(g, text.get("ui.privacy.note"), note);
        Button save = new Button(text.get("ui.privacy.setBasisAction"), Views.icon(Feather.CHECK));
        save.setId("basisSave");
        save.setOnAction(e -> vm.setBasis());
        g.addRow(g.getRowCount(), new Label(), save);
        return g;
    }

    private Node doiForm() {
        GridPane g = Views.formGrid();
        Views.row(g, text.get("ui.privacy.textVersion"), textChooser("doiText", "doi:textVersion"));
        Button request = new Button(text.get("ui.privacy.requestAction"), Views.icon(Feather.SEND));
        request.setId("doiRequest");
        request.setOnAction(e -> vm.requestDoubleOptIn());
        g.addRow(g.getRowCount(), new Label(), request);
        TextArea result = new TextArea();
        result.setId("doiResult");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(8);
        result.textProperty().bind(vm.requestResultProperty());
        result.managedProperty().bind(vm.requestResultProperty().isNotEmpty());
        result.visibleProperty().bind(vm.requestResultProperty().isNotEmpty());
        g.addRow(g.getRowCount(), new Label(), result);
        TextField token = textField("doiToken", "confirm:token", vm.tokenProperty());
        Views.row(g, text.get("ui.privacy.token"), token);
        Button confirm = new Button(text.get("ui.privacy.confirmAction"), Views.icon(Feather.CHECK));
        confirm.setId("doiConfirm");
        confirm.setOnAction(e -> vm.confirm());
        Button reply = new Button(text.get("ui.privacy.replyAction"), Views.icon(Feather.MAIL));
        reply.setId("doiReply");
        reply.setOnAction(e -> vm.confirmByReply());
        g.addRow(g.getRowCount(), new Label(), new HBox(6, confirm, reply));
        return g;
    }

    private Node informedForm() {
        GridPane g = Views.formGrid();
        Views.row(g, text.get("ui.privacy.noticeVersion"), textField("informedVersion", "informed:noticeVersion",
                vm.noticeVersionProperty()));
        TextField how = textField("informedHow", "informed:how", vm.howProperty());
        how.setPromptText(text.get("ui.privacy.howPrompt"));
        Views.row(g, text.get("ui.privacy.how"), how);
        DatePicker date = datePicker("informedDate", "informed:at", vm.informedDateProperty());
        TextField time = textField("informedTime", "informed:time", vm.informedTimeProperty());
        time.setPromptText(text.get("ui.privacy.time"));
        time.setPrefColumnCount(6);
        Views.row(g, text.get("ui.privacy.date"), new HBox(6, date, time));
        Button save = new Button(text.get("ui.privacy.informedAction"), Views.icon(Feather.CHECK));
        save.setId("informedSave");
        save.setOnAction(e -> vm.informed());
        g.addRow(g.getRowCount(), new Label(), save);
        return g;
    }

    private Node histories() {
        TableView<Consent> consents = new TableView<>(vm.consentHistory());
        consents.setId("privacyConsents");
        consents.getColumns().add(Views.column(text.get("ui.privacy.purpose"), Consent::purposeKey));
        consents.getColumns().add(Views.column(text.get("ui.privacy.status"),
                c -> text.label("consentStatus", c.status().key())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.method"),
                c -> text.label("consentMethod", c.method().key())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.textVersion"), Consent::textVersion));
        consents.getColumns().add(Views.column(text.get("ui.privacy.requestedAt"), c -> text.dateTime(c.requestedAt())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.givenAt"), c -> text.dateTime(c.givenAt())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.withdrawnAt"), c -> text.dateTime(c.withdrawnAt())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.expiredAt"), c -> text.dateTime(c.expiredAt())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.expiresOn"), c -> text.date(c.expiresOn())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.channel"), c -> nn(c.withdrawalChannel())));
        consents.getColumns().add(Views.column(text.get("ui.privacy.evidence"),
                c -> c.evidenceId() == null ? "" : "#" + c.evidenceId()));
        consents.getColumns().add(Views.column(text.get("ui.privacy.recordedBy"), Consent::recordedBy));

        TableView<BasisRecord> bases = new TableView<>(vm.basisHistory());
        bases.setId("privacyBases");
        bases.getColumns().add(Views.column(text.get("ui.privacy.purpose"), BasisRecord::purposeKey));
        bases.getColumns().add(Views.column(text.get("ui.privacy.basis"),
                b -> text.label("lawfulBasis", b.basis().key()) + " (Art. " + b.basis().article() + ")"));
        bases.getColumns().add(Views.column(text.get("ui.privacy.from"), b -> text.date(b.validFrom())));
        bases.getColumns().add(Views.column(text.get("ui.privacy.until"), b -> text.date(b.validUntil())));
        bases.getColumns().add(Views.column(text.get("ui.privacy.evidenceText"), b -> nn(b.evidence())));
        bases.getColumns().add(Views.column(text.get("ui.privacy.note"), b -> nn(b.balancingNote())));
        bases.getColumns().add(Views.column(text.get("ui.privacy.recordedAt"), b -> text.dateTime(b.recordedAt())));
        bases.getColumns().add(Views.column(text.get("ui.privacy.recordedBy"), BasisRecord::recordedBy));

        TableView<Objection> objections = new TableView<>(vm.objections());
        objections.setId("privacyObjections");
        objections.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        objections.getColumns().add(Views.column(text.get("ui.privacy.objectedAt"), o -> text.dateTime(o.objectedAt())));
        objections.getColumns().add(Views.column(text.get("ui.privacy.channel"), o -> nn(o.channel())));
        objections.getColumns().add(Views.column(text.get("ui.privacy.recordedBy"), Objection::recordedBy));

        TableView<InformationRecord> info = new TableView<>(vm.information());
        info.setId("privacyInformation");
        info.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        info.getColumns().add(Views.column(text.get("ui.privacy.informedAt"), i -> text.dateTime(i.informedAt())));
        info.getColumns().add(Views.column(text.get("ui.privacy.noticeVersion"), InformationRecord::noticeVersion));
        info.getColumns().add(Views.column(text.get("ui.privacy.how"), InformationRecord::how));
        info.getColumns().add(Views.column(text.get("ui.privacy.recordedBy"), InformationRecord::recordedBy));

        TabPane tabs = new TabPane(tab(text.get("ui.privacy.consents"), consents), tab(text.get("ui.privacy.bases"), bases),
                tab(text.get("ui.privacy.objections"), objections), tab(text.get("ui.privacy.information"), info));
        tabs.setPrefHeight(240);
        tabs.setMinHeight(200);
        return tabs;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private StringConverter<Purpose> purposeConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(Purpose p) {
                return p == null ? "" : p.name(text.locale());
            }

            @Override
            public Purpose fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    private DatePicker datePicker(String id, String field, javafx.beans.property.ObjectProperty<java.time.LocalDate> p) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setConverter(Views.dateConverter(text));
        d.valueProperty().bindBidirectional(p);
        fields.put(field, d);
        return d;
    }

    private TextField textField(String id, String field, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        fields.put(field, f);
        return f;
    }

    private void markFields() {
        fields.forEach((name, control) -> marks.mark(control, vm.errors().get(name)));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    public Parent root() {
        return root;
    }
}
