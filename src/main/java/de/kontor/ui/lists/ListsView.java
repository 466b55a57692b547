package de.kontor.ui.lists;

import atlantafx.base.theme.Styles;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.privacy.Purpose;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import java.io.File;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The "who may be contacted" screen: purpose, the allowed people, exclusions, CSV export. */
public final class ListsView {
    private final ListsViewModel vm;
    private final BorderPane root = new BorderPane();

    public ListsView(ListsViewModel vm, UiText text, LongConsumer openPerson) {
        this.vm = vm;
        ComboBox<Purpose> purpose = new ComboBox<>(vm.purposeChoices());
        purpose.setId("listPurpose");
        purpose.valueProperty().bindBidirectional(vm.purposeProperty());
        purpose.setConverter(new StringConverter<>() {
            @Override
            public String toString(Purpose p) {
                return p == null ? "" : p.name(text.locale());
            }

            @Override
            public Purpose fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        Label summary = new Label();
        summary.setId("listSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Button refresh = new Button(null, Views.icon(Feather.REFRESH_CW));
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button(text.get("ui.lists.export"), Views.icon(Feather.DOWNLOAD));
        export.setId("listExport");
        export.disableProperty().bind(vm.purposeProperty().isNull());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("ui.lists.export"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("ui.lists.csvFiles"), "*.csv"));
            Purpose p = vm.purposeProperty().get();
            chooser.setInitialFileName((p == null ? "list" : p.key()) + ".csv");
            File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(text.get("ui.lists.purpose")), purpose, refresh, summary, gap, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label error = Views.errorLabel("listError");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("listMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(8, Views.title(text.get("ui.lists.title")), bar, error, message);
        top.setPadding(new Insets(12));

        TableView<PersonSummary> table = new TableView<>(vm.people());
        table.setId("listTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("ui.lists.empty")));
        table.getColumns().add(Views.column(text.get("ui.contacts.name"), PersonSummary::sortName));
        table.getColumns().add(Views.column(text.get("ui.field.email"), p -> nn(p.email())));
        table.getColumns().add(Views.column(text.get("ui.field.phone"), p -> nn(p.phone())));
        table.getColumns().add(Views.column(text.get("ui.field.organisation"), p -> nn(p.organisation())));
        table.getColumns().add(Views.column(text.get("ui.field.city"), p -> nn(p.city())));
        table.setRowFactory(t -> {
            TableRow<PersonSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openPerson.accept(row.getItem().id());
                }
            });
            return row;
        });
        Label hint = new Label(text.get("ui.lists.openHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox center = new VBox(6, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        center.setPadding(new Insets(0, 12, 12, 12));

        ListView<String> excluded = new ListView<>(vm.exclusions());
        excluded.setId("listExclusions");
        VBox side = new VBox(6, Views.title(text.get("ui.lists.excluded")), excluded);
        side.setPadding(new Insets(0, 12, 12, 0));
        side.setPrefWidth(280);
        VBox.setVgrow(excluded, Priority.ALWAYS);

        root.setTop(top);
        root.setCenter(center);
        root.setRight(side);
        vm.load();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** Builds the list again when the screen is shown again. */
    public void refresh() {
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
