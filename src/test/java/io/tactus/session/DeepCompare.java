package io.tactus.session;

import static org.junit.jupiter.api.Assertions.fail;

import io.tactus.signal.state.Scratch;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two object graphs field by field: every non-static field of every Tactus object (records, stages,
 * anonymous listeners), arrays element by element (floats and doubles bit for bit), lists and maps by content,
 * other JDK values by {@code equals}; fields marked {@link Scratch} (one frame's working memory) are skipped. Used to prove a core restored from a checkpoint holds exactly the state
 * of a core that ran straight: a field a stage forgets to capture shows up here with its path.
 */
final class DeepCompare {

    private final IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
    private final List<String> diffs = new ArrayList<>();

    private DeepCompare() {
    }

    static void assertSame(Object expected, Object actual, String what) {
        DeepCompare d = new DeepCompare();
        d.compare(expected, actual, expected.getClass().getSimpleName());
        if (!d.diffs.isEmpty()) {
            fail(what + ": " + d.diffs.size() + " field(s) differ, e.g.\n  "
                    + String.join("\n  ", d.diffs.subList(0, Math.min(10, d.diffs.size()))));
        }
    }

    private void compare(Object a, Object b, String path) {
        if (a == b || diffs.size() > 50) {
            return;
        }
        if (a == null || b == null) {
            diffs.add(path + ": " + brief(a) + " vs " + brief(b));
            return;
        }
        Class<?> c = a.getClass();
        if (c != b.getClass()) {
            diffs.add(path + ": " + c.getName() + " vs " + b.getClass().getName());
            return;
        }
        if (a instanceof Number || a instanceof Boolean || a instanceof Character || a instanceof CharSequence
                || a instanceof Enum<?> || a instanceof Class<?>) {
            if (!a.equals(b)) { // Float / Double equals compare bits: NaN equals NaN, -0.0 differs from 0.0
                diffs.add(path + ": " + a + " vs " + b);
            }
            return;
        }
        if (seen.get(a) == b) {
            return;
        }
        seen.put(a, b);
        if (c.isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                diffs.add(path + ": length " + n + " vs " + Array.getLength(b));
                return;
            }
            for (int i = 0; i < n; i++) {
                compare(Array.get(a, i), Array.get(b, i), path + "[" + i + "]");
            }
        } else if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                diffs.add(path + ": size " + la.size() + " vs " + lb.size());
                return;
            }
            for (int i = 0; i < la.size(); i++) {
                compare(la.get(i), lb.get(i), path + "[" + i + "]");
            }
        } else if (a instanceof Map<?, ?> ma) {
            Map<?, ?> mb = (Map<?, ?>) b;
            if (!ma.keySet().equals(mb.keySet())) {
                diffs.add(path + ": keys " + ma.keySet() + " vs " + mb.keySet());
                return;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                compare(e.getValue(), mb.get(e.getKey()), path + "{" + e.getKey() + "}");
            }
        } else if (c.getName().startsWith("io.tactus.")) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(Scratch.class)) {
                        continue;
                    }
                    f.setAccessible(true);
                    try {
                        compare(f.get(a), f.get(b), path + "." + f.getName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } else if (!Objects.equals(a, b)) {
            diffs.add(path + ": " + brief(a) + " vs " + brief(b));
        }
    }

    private static String brief(Object o) {
        String s = String.valueOf(o);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
