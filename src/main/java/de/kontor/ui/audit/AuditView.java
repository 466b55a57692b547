package de.kontor.ui.audit;

import atlantafx.base.theme.Styles;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.ui.UiText;
import de.kontor.ui.Views;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/** The audit trail screen: verify button with its result, and the latest entries. */
public final class AuditView {
    private final BorderPane root = new BorderPane();

    public AuditView(AuditViewModel vm, UiText text) {
        Button verify = new Button(text.get("ui.audit.verify"), Views.icon(Feather.SHIELD));
        verify.setId("auditVerify");
        verify.setOnAction(e -> vm.verify());
        Label result = new Label();
        result.setId("auditResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        vm.okProperty().addListener((o, a, ok) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (ok != null) {
                result.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        HBox bar = new HBox(12, Views.title(text.get("ui.nav.audit")), verify, result);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));

        TableView<AuditEntry> table = new TableView<>(vm.entries());
        table.setId("auditTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.<AuditEntry>column("#", e -> Long.toString(e.seq())));
        table.getColumns().add(Views.column(text.get("ui.history.when"), e -> text.dateTime(e.at())));
        table.getColumns().add(Views.column(text.get("ui.history.who"), AuditEntry::actorName));
        table.getColumns().add(Views.column(text.get("ui.history.action"), e -> text.label("auditAction", e.action().name())));
        table.getColumns().add(Views.column(text.get("ui.audit.entity"), e -> e.entityType() + " " + e.entityId()));
        table.getColumns().add(Views.column(text.get("ui.history.field"),
                e -> e.field() == null ? "" : text.label("field", e.field())));
        table.getColumns().add(Views.column(text.get("ui.history.change"), e -> e.valuesErased()
                ? text.get("ui.history.erased")
                : (e.oldValue() == null ? "∅" : e.oldValue()) + " → " + (e.newValue() == null ? "∅" : e.newValue())));
        root.setTop(bar);
        root.setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 12, 12, 12));
        vm.refresh();
    }

    public Parent root() {
        return root;
    }
}
