package io.tactus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rule: protocol -> device -> signal -> session -> app / cli. Lower never imports higher; core never imports JavaFX. */
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
                        "io.tactus.session..", "io.tactus.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void protocolDependsOnNothingAbove() {
        noClasses().that().resideInAPackage("io.tactus.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.device..", "io.tactus.signal..",
                        "io.tactus.session..", "io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void deviceDependsOnlyOnProtocol() {
        noClasses().that().resideInAPackage("io.tactus.device..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.signal..", "io.tactus.session..",
                        "io.tactus.app..", "io.tactus.cli..")
                .check(classes);
    }

    @Test
    void signalDoesNotKnowSessionsOrUi() {
        noClasses().that().resideInAPackage("io.tactus.signal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.session..", "io.tactus.app..",
                        "io.tactus.cli..")
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
                .should().dependOnClassesThat().resideInAnyPackage("io.tactus.app..", "io.tactus.cli..")
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
