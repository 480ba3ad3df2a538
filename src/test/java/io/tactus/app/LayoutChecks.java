package io.tactus.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Layout checks for TestFX tests: cut text and nodes outside the window. Call on the FX thread or after it settled. */
final class LayoutChecks {

    private LayoutChecks() {
    }

    /**
     * Every visible Labeled whose rendered text is not its whole text (JavaFX replaces the cut part with an
     * ellipsis in the skin's text node), as "id/class: 'text' shown as 'rendered'".
     */
    static List<String> truncatedLabels(Parent root) {
        List<String> out = new ArrayList<>();
        root.applyCss();
        root.layout();
        walk(root, n -> {
            if (n instanceof Labeled l && visible(l) && l.getText() != null && !l.getText().isEmpty()) {
                Node t = l.lookup(".text");
                if (t instanceof Text shown && !l.getText().equals(shown.getText()) && !l.isWrapText()) {
                    out.add(describe(l) + ": '" + l.getText() + "' shown as '" + shown.getText() + "'");
                } else if (t instanceof Text shown && l.isWrapText() && shown.getText().contains("\u2026")
                        && !l.getText().contains("\u2026")) {
                    out.add(describe(l) + ": '" + l.getText() + "' cut to '" + shown.getText() + "'");
                }
            }
        });
        return out;
    }

    /**
     * Every visible node of {@code root} (with an id, a label, a scroll pane) whose bounds reach outside
     * {@code width} x {@code height}. Inside a scroll pane only the pane counts: scrolling is how its content
     * is meant to be reached.
     */
    static List<String> outside(Parent root, double width, double height) {
        List<String> out = new ArrayList<>();
        walk(root, n -> {
            if (visible(n) && !insideScrollPane(n)
                    && (n.getId() != null || n instanceof Labeled || n instanceof javafx.scene.control.ScrollPane)) {
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getWidth() > 0 && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > width + 1
                        || b.getMaxY() > height + 1)) {
                    out.add(describe(n) + " at " + (int) b.getMinX() + "," + (int) b.getMinY() + " to "
                            + (int) b.getMaxX() + "," + (int) b.getMaxY());
                }
            }
        });
        return out;
    }

    private static boolean insideScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node n) {
        return (n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName())
                + (n instanceof Labeled l ? " '" + l.getText() + "'" : "");
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, visit);
            }
        }
    }
}
