package io.tactus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rule: protocol -> device -> signal -> render -> session -> report -> library -> app / cli. Lower never
 * imports higher; nothing but app imports JavaFX (reports render headless, so the CLI works on a server).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tactus");
    }

    @Test
    void coreNeverImportsJavaFx() {
        noClasses().that().resideInAnyPackage("io.tactus.protocol..", "io.tactus.device..", "io.tactus.signal..",
                        "io.tactus.session..", "io.tactus.render..", "io.tactus.report..", "io.tactus.library..",
                        "io.tactus.templates..", "io.tactus.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void protocolDependsOnNothingAbove() {
        noClasses().that().resideInAPackage("io.tactus.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.device..", "io.tactus.signal..",
                        "io.tactus.session..", "io.tactus.render..", "io.tactus.report..", "io.tactus.library..",
                        "io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void deviceDependsOnlyOnProtocol() {
        noClasses().that().resideInAPackage("io.tactus.device..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.signal..", "io.tactus.session..",
                        "io.tactus.render..", "io.tactus.report..", "io.tactus.library..", "io.tactus.app..",
                        "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void signalDoesNotKnowSessionsOrUi() {
        noClasses().that().resideInAPackage("io.tactus.signal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.session..", "io.tactus.render..",
                        "io.tactus.report..", "io.tactus.library..", "io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void renderDrawsWithoutSessions() {
        noClasses().that().resideInAPackage("io.tactus.render..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.session..", "io.tactus.report..",
                        "io.tactus.library..", "io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void signalPartsDoNotKnowThePipeline() {
        // The sub-packages (calibration, body, flags, technique, metrics, store) are the pipeline's parts; the
        // pipeline's face in io.tactus.signal composes them, never the other way round (no cycle).
        noClasses().that().resideInAPackage("io.tactus.signal.(*)..")
                .should().dependOnClassesThat().resideInAPackage("io.tactus.signal")
                .check(classes);
    }

    @Test
    void sessionDoesNotKnowUi() {
        noClasses().that().resideInAPackage("io.tactus.session..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.report..", "io.tactus.library..",
                        "io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void reportsDoNotKnowTheLibraryOrUi() {
        noClasses().that().resideInAPackage("io.tactus.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.library..", "io.tactus.app..",
                        "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void libraryDoesNotKnowUi() {
        noClasses().that().resideInAPackage("io.tactus.library..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    /** Precompiled jte templates (generated into io.tactus.templates) are views: they see report and library only. */
    @Test
    void templatesAreViewsOverReportsAndTheLibrary() {
        noClasses().that().resideInAPackage("io.tactus.templates..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.app..", "io.tactus.cli..",
                        "javafx..")
                .check(classes);
    }

    @Test
    void appAndCliAreIndependent() {
        noClasses().that().resideInAPackage("io.tactus.app..")
                .should().dependOnClassesThat().resideInAPackage("io.tactus.cli..").check(classes);
        noClasses().that().resideInAPackage("io.tactus.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.tactus.app..").check(classes);
    }

    @Test
    void noPackageCyclesInTheBytecode() {
        slices().matching("io.tactus.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * javac inlines constants ({@code static final} primitives and strings), so a package that only reads another
     * package's constant has no trace of it in the bytecode: the source is checked too (imports and qualified
     * names outside comments).
     */
    @Test
    void noPackageCyclesInTheSource() throws IOException {
        Map<String, Set<String>> deps = sourcePackageDependencies(Path.of("src/main/java"));
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = cycleThrough(start, deps);
            if (!path.isEmpty() && path.get(0).equals(new TreeSet<>(path).first())) {
                cycles.add(String.join(" -> ", path) + " -> " + path.get(0));
            }
        }
        assertEquals(List.of(), cycles, "package cycles in src/main/java");
    }

    @Test
    void theHeatmapRasterIsPlainJava() {
        // HeatmapRaster's comment promises no JavaFX: it is unit tested and benchmarked without a toolkit, and
        // the headless reports draw with it (it lives in io.tactus.render with ColorMap and Interpolation).
        noClasses().that().resideInAPackage("io.tactus.render..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsNeedNoStage() {
        // View models are "testable without a stage": observable properties yes, scene-graph nodes and stages no.
        noClasses().that().resideInAPackage("io.tactus.app..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void onlyTheCliWritesToTheConsole() {
        // Everything else reports through return values, exceptions or System.Logger. The Launcher is the one
        // exception: when the desktop cannot start there is no window to show why, only the terminal.
        noClasses().that().resideOutsideOfPackage("io.tactus.cli..")
                .and().doNotHaveFullyQualifiedName("io.tactus.Launcher").should(ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void oneJacksonMapper() {
        noClasses().that().doNotHaveFullyQualifiedName("io.tactus.protocol.Json")
                .should().callConstructor(ObjectMapper.class)
                .orShould().callMethod(JsonMapper.class, "builder")
                .because("every layer shares protocol.Json.MAPPER (configured once, cheaper start-up)")
                .check(classes);
    }

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.tactus(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    /** Package -> packages whose classes its sources name (imports, static imports, qualified names). */
    private static Map<String, Set<String>> sourcePackageDependencies(Path root) throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Matcher pm = PACKAGE.matcher(text);
                if (!pm.find()) {
                    return;
                }
                String pkg = pm.group(1);
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = QUALIFIED.matcher(COMMENT.matcher(text).replaceAll(""));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.add(m.group(1));
                    }
                }
            });
        }
        return deps;
    }

    /** A shortest path from {@code start} back to itself, or empty (breadth-first). */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> deps) {
        Map<String, String> parent = new HashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < queue.size(); i++) {
            String at = queue.get(i);
            for (String next : deps.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String p = at; p != null; p = parent.get(p)) {
                        path.add(0, p);
                    }
                    return path;
                }
                if (seen.add(next)) {
                    parent.put(next, at);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}
