package io.tactus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
