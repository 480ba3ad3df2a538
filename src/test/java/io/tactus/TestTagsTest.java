package io.tactus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tactus.device.serial.SocatPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast set (`mvn verify -DexcludedGroups=fx,pty,native`, or `-Pfast`) leaves out exactly the slow and
 * tool-bound tests only if they carry their tags: a TestFX class is tagged fx, code that opens a socat pty pair is
 * tagged pty, code that runs gcc/g++/python is tagged native (on the method or its class).
 */
class TestTagsTest {

    private static JavaClasses tests;

    @BeforeAll
    static void importTests() {
        tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.tactus");
    }

    private static boolean tagged(JavaClass c, String tag) {
        JavaClass outer = c;
        while (outer != null) {
            if (outer.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals(tag)).orElse(false)) {
                return true;
            }
            outer = outer.getEnclosingClass().orElse(null);
        }
        return false;
    }

    private static boolean tagged(JavaCodeUnit unit, String tag) {
        return unit.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals(tag)).orElse(false)
                || tagged(unit.getOwner(), tag);
    }

    @Test
    void testFxClassesAreTaggedFx() {
        List<String> untagged = new ArrayList<>();
        int fx = 0;
        for (JavaClass c : tests) {
            boolean usesTestFx = c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.testfx"));
            if (usesTestFx && c.getSimpleName().endsWith("Test") && !c.getName().contains(".bench.")) {
                fx++;
                if (!tagged(c, "fx")) {
                    untagged.add(c.getName());
                }
            }
        }
        assertTrue(fx >= 4, "the TestFX classes were found: " + fx);
        assertEquals(List.of(), untagged, "TestFX test classes without @Tag(\"fx\")");
    }

    @Test
    void codeThatNeedsAnExternalToolIsTagged() {
        // Callee (owner#name) -> the tag its callers need.
        Map<String, String> needs = Map.of(
                SocatPair.class.getName() + "#start", "pty",
                ExternalTool.class.getName() + "#require", "native",
                ExternalTool.class.getName() + "#requirePython", "native");
        Set<String> exempt = Set.of(SocatPair.class.getName(), ExternalTool.class.getName());
        List<String> untagged = new ArrayList<>();
        int callers = 0;
        for (JavaClass c : tests) {
            if (exempt.contains(c.getName()) || c.getName().contains(".bench.")) {
                continue; // the helpers themselves; benchmarks never run in `mvn verify`
            }
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                String tag = needs.get(call.getTargetOwner().getName() + "#" + call.getName());
                if (tag == null) {
                    continue;
                }
                callers++;
                JavaCodeUnit from = call.getOrigin();
                if (!tagged(from, tag)) {
                    untagged.add(from.getFullName() + " needs @Tag(\"" + tag + "\")");
                }
            }
        }
        assertTrue(callers >= 15, "the tool-bound tests were found: " + callers);
        assertEquals(List.of(), untagged);
    }
}
