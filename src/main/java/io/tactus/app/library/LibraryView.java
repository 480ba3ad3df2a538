package io.tactus.app.library;

import io.tactus.library.LibraryEntry;
import io.tactus.library.ProgressReport.Measure;
import io.tactus.report.Fmt;
import io.tactus.report.Scores;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The library tab: search by trainee, profile and dates; the matching sessions with their scores and integrity;
 * open one in replay, compare two, write a report; and the searched trainee's progress as a chart of one score
 * over their sessions. Only binds to {@link LibraryViewModel}.
 */
public final class LibraryView extends BorderPane {

    private final LibraryViewModel vm;
    private final TableView<LibraryEntry> table = new TableView<>();
    private final LineChart<Number, Number> chart;
    private final ComboBox<Measure> measure = new ComboBox<>();

    /**
     * @param chooseFolder asks for a folder (null: cancelled); the app passes a DirectoryChooser, tests a fixed path
     */
    public LibraryView(LibraryViewModel vm, Supplier<Path> chooseFolder) {
        this.vm = vm;
        ComboBox<String> trainee = new ComboBox<>(vm.trainees());
        trainee.setEditable(true);
        trainee.setPromptText("any trainee");
        trainee.setId("libraryTrainee");
        trainee.valueProperty().bindBidirectional(vm.traineeProperty());
        TextField profile = new TextField();
        profile.setPromptText("any profile");
        profile.setPrefColumnCount(8);
        profile.textProperty().bindBidirectional(vm.profileProperty());
        DatePicker from = new DatePicker();
        from.setPromptText("from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setPromptText("to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button search = button("Search", "librarySearch", vm::search);
        search.setDefaultButton(true);
        Button add = button("Add folder...", "libraryAdd", () -> {
            Path dir = chooseFolder.get();
            if (dir != null) {
                vm.addFolder(dir);
            }
        });
        Button refresh = button("Refresh", "libraryRefresh", vm::refresh);
        HBox top = new HBox(8, new Label("Trainee"), trainee, new Label("Profile"), profile, from, to, search,
                add, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));

        table.setId("libraryTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No session: add a folder of recordings, or change the search"));
        table.getColumns().setAll(List.of(
                column("Started (UTC)", e -> Fmt.when(e.startUtc())),
                column("Trainee", e -> Fmt.text(e.trainee())),
                column("Status", LibraryEntry::statusLine),
                column("Profile", e -> Fmt.text(e.profile())),
                column("Length s", e -> score(e, s -> Fmt.d1(s.durationS()))),
                column("Spine", e -> score(e, s -> Integer.toString(s.spineContacts()))),
                column("Bone", e -> score(e, s -> Integer.toString(s.boneContacts()))),
                column("Excess s", e -> score(e, s -> Fmt.d1(s.excessS()))),
                column("In band", e -> score(e, s -> Fmt.pct(s.timeInBand()))),
                column("Left", e -> score(e, s -> Fmt.pct(s.leftShare()))),
                column("File", LibraryEntry::fileName)));
        table.setItems(vm.sessions());
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<LibraryEntry>();
            row.setOnMouseClicked(ev -> {
                if (ev.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });

        NumberAxis x = new NumberAxis();
        x.setLabel("session");
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        chart = new LineChart<>(x, y);
        chart.setId("libraryChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        measure.getItems().setAll(Measure.values());
        measure.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Measure m) {
                return m == null ? "" : m.title();
            }

            @Override
            public Measure fromString(String s) {
                return null;
            }
        });
        measure.setValue(Measure.SPINE_PER_MIN);
        measure.valueProperty().addListener((o, a, b) -> redrawChart());
        vm.progress().addListener((ListChangeListener<LibraryEntry>) c -> redrawChart());
        Label progressTitle = new Label();
        progressTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.progress().isEmpty() ? "Progress: search for a trainee"
                        : "Progress of " + vm.progress().get(0).trainee() + " (" + vm.progress().size() + " sessions)",
                vm.progress()));
        VBox progress = new VBox(6, progressTitle, measure, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        progress.setPadding(new Insets(0, 8, 0, 8));
        SplitPane center = new SplitPane(table, progress);
        center.setDividerPositions(0.62);

        Button open = button("Open", "libraryOpen", () -> vm.open(table.getSelectionModel().getSelectedItem()));
        Button compare = button("Compare two", "libraryCompare",
                () -> vm.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button report = button("Report...", "libraryReport", () -> {
            Path dir = chooseFolder.get();
            if (dir != null) {
                vm.report(table.getSelectionModel().getSelectedItem(), dir);
            }
        });
        Label message = new Label();
        message.setId("libraryMessage");
        message.textProperty().bind(vm.messageProperty());
        HBox bottom = new HBox(8, open, compare, report, message);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8));
        top.disableProperty().bind(vm.busyProperty());

        setTop(top);
        setCenter(center);
        setBottom(bottom);
    }

    private void redrawChart() {
        Measure m = measure.getValue();
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        List<LibraryEntry> p = vm.progress();
        for (int i = 0; i < p.size(); i++) {
            Double v = m == null ? null : m.of(p.get(i));
            if (v != null) {
                s.getData().add(new XYChart.Data<>(i + 1, v));
            }
        }
        chart.getData().setAll(List.of(s));
    }

    /** Points drawn in the progress chart (for tests). */
    public int chartPoints() {
        return chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size();
    }

    private static String score(LibraryEntry e, Function<Scores, String> f) {
        return e.scores() == null ? Fmt.NONE : f.apply(e.scores());
    }

    private static TableColumn<LibraryEntry, String> column(String title, Function<LibraryEntry, String> value) {
        TableColumn<LibraryEntry, String> c = new TableColumn<>(title);
        // Wide enough for its (bold) heading: the default 80 px cut "Started (UTC)" to "Started..."
        javafx.scene.text.Text t = new javafx.scene.text.Text(title);
        t.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 14));
        c.setPrefWidth(Math.max(80, Math.ceil(t.getLayoutBounds().getWidth()) + 28));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
