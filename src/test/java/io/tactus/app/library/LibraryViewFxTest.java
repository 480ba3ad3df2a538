package io.tactus.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.library.LibraryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The library tab end to end with a real DuckDB library: add a folder (through the button), every file listed
 * including a broken one with its problem, search by trainee, the progress chart, open and compare.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class LibraryViewFxTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    static Path dir;

    private static Path folder;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private LibraryView view;

    @BeforeAll
    static void recordings() throws Exception {
        folder = dir.resolve("recordings");
        Files.createDirectories(folder);
        for (String s : new String[] {"mistakes", "scapula-contact", "gentle-routine"}) {
            Files.copy(SAMPLES.resolve(s + ".tactus"), folder.resolve(s + ".tactus"));
        }
        Files.writeString(folder.resolve("broken.tactus"), "this is not a recording");
    }

    @Start
    void start(Stage stage) {
        LibraryViewModel vm = new LibraryViewModel(Threads.javafx(), dir.resolve("library.duckdb"),
                new LibraryViewModel.Opener() {
                    @Override
                    public void open(Path recording) {
                        opened.add("open " + recording.getFileName());
                    }

                    @Override
                    public void compare(Path recording, Path reference) {
                        opened.add("compare " + recording.getFileName() + " with " + reference.getFileName());
                    }
                });
        view = new LibraryView(vm, () -> folder);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
    }

    @Test
    void addSearchOpenCompareAndProgress(FxRobot robot) throws Exception {
        TableView<LibraryEntry> table = robot.lookup("#libraryTable").queryTableView();
        robot.clickOn("#libraryAdd");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        Label message = robot.lookup("#libraryMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("4 recordings"));
        assertTrue(message.getText().contains("1 unreadable"), message.getText());
        LibraryEntry broken = table.getItems().stream().filter(e -> e.fileName().equals("broken.tactus"))
                .findFirst().orElseThrow();
        assertTrue(broken.statusLine().startsWith("unreadable: "), broken.statusLine());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof
                javafx.scene.control.TableCell<?, ?> c && c.getText() != null && c.getText().startsWith("unreadable: "))
                .tryQuery().isPresent()); // the problem is shown in the table

        robot.clickOn("#libraryTrainee").write("trainee-04");
        robot.clickOn("#librarySearch");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertTrue(table.getItems().stream().allMatch(e -> "trainee-04".equals(e.trainee())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.chartPoints() == 2);

        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        robot.clickOn("#libraryOpen");
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("#libraryCompare");
        WaitForAsyncUtils.waitForFxEvents();
        String first = table.getItems().get(0).fileName();
        String second = table.getItems().get(1).fileName();
        assertEquals(List.of("open " + first, "compare " + first + " with " + second), opened);
    }
}
