package de.kontor.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the code-built views. */
public final class Views {
    private Views() {}

    public static FontIcon icon(Feather icon) {
        return new FontIcon(icon);
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_3);
        return l;
    }

    public static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /** A two-column form grid: labels left, fields growing right. */
    public static GridPane formGrid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    public static void row(GridPane grid, String label, Node field) {
        int r = grid.getRowCount();
        Label l = new Label(label);
        l.setLabelFor(field);
        l.setPadding(new Insets(6, 0, 0, 0));
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        grid.addRow(r, l, field);
    }

    /** A read-only text column. */
    public static <S> javafx.scene.control.TableColumn<S, String> column(String title,
            java.util.function.Function<S, String> value) {
        javafx.scene.control.TableColumn<S, String> c = new javafx.scene.control.TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    /** Shows choices by {@code label}; the choices cannot be typed. */
    public static <E> javafx.util.StringConverter<E> converter(java.util.function.Function<E, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : label.apply(e);
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    /** A drop-down of {@code values} shown by {@code label}. */
    public static <E> javafx.scene.control.ComboBox<E> choice(String id, E[] values,
            java.util.function.Function<E, String> label) {
        javafx.scene.control.ComboBox<E> c = new javafx.scene.control.ComboBox<>();
        c.setId(id);
        c.getItems().setAll(values);
        c.setConverter(converter(label));
        return c;
    }

    /** A centred card for the start dialogs (setup, login). */
    public static StackPane card(Node... content) {
        VBox box = new VBox(12, content);
        box.setPadding(new Insets(24));
        box.setMaxWidth(440);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        box.getStyleClass().add(Styles.ELEVATED_1);
        box.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;");
        StackPane root = new StackPane(box);
        StackPane.setAlignment(box, Pos.CENTER);
        root.setPadding(new Insets(24));
        root.setStyle("-fx-background-color: -color-bg-subtle;");
        return root;
    }

    /** Dates as the user's language writes them (ISO also accepted); unreadable input is empty. */
    public static StringConverter<java.time.LocalDate> dateConverter(UiText text) {
        return new StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate d) {
                return text.date(d);
            }

            @Override
            public java.time.LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return java.time.LocalDate.parse(s.strip(), text.dateFormatter());
                } catch (java.time.format.DateTimeParseException e) {
                    try {
                        return java.time.LocalDate.parse(s.strip());
                    } catch (java.time.format.DateTimeParseException iso) {
                        return null;
                    }
                }
            }
        };
    }
}
