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
     * Every visible Labeled whose displayed text (the skin's text node) differs from its text or ends in an
     * ellipsis its text does not end in (JavaFX replaces a cut part with the label's ellipsis string, "..." by
     * default, wrapped or not), as "id/class: 'text' shown as 'rendered'".
     */
    static List<String> truncatedLabels(Parent root) {
        List<String> out = new ArrayList<>();
        root.applyCss();
        root.layout();
        walk(root, n -> {
            if (n instanceof Labeled l && visible(l) && l.getText() != null && !l.getText().isEmpty()) {
                Node t = l.lookup(".text");
                if (t instanceof Text shown && (!l.getText().equals(shown.getText())
                        || endsInEllipsis(shown.getText(), l) && !endsInEllipsis(l.getText(), l))) {
                    out.add(describe(l) + ": '" + l.getText() + "' shown as '" + shown.getText() + "'");
                }
            }
        });
        return out;
    }

    private static boolean endsInEllipsis(String s, Labeled l) {
        return s.endsWith("\u2026") || s.endsWith("...") || !l.getEllipsisString().isEmpty()
                && s.endsWith(l.getEllipsisString());
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

    /**
     * Every visible Labeled (or node with an id) that reaches more than 2 px outside one of its ancestor panes,
     * where it is cut off or drawn over a neighbour although it is inside the window, as "what overflows
     * which pane". Scroll panes and tables and their content are exempt (scrolling is how their content is
     * reached).
     */
    static List<String> overflowing(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, n -> {
            if (!visible(n) || insideScrollPane(n) || !(n instanceof Labeled || n.getId() != null)) {
                return;
            }
            Bounds b = n.localToScene(n.getBoundsInLocal());
            if (b.getWidth() <= 0 || b.getHeight() <= 0) {
                return;
            }
            for (Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.layout.Region r && !(p instanceof javafx.scene.control.Control)
                        && r.getWidth() > 0) {
                    Bounds pb = p.localToScene(p.getLayoutBounds());
                    if (b.getMinX() < pb.getMinX() - 2 || b.getMaxX() > pb.getMaxX() + 2
                            || b.getMinY() < pb.getMinY() - 2 || b.getMaxY() > pb.getMaxY() + 2) {
                        out.add(describe(n) + " overflows " + describe(p) + ": " + (int) b.getMinX() + ","
                                + (int) b.getMinY() + " to " + (int) b.getMaxX() + "," + (int) b.getMaxY()
                                + " in " + (int) pb.getMinX() + "," + (int) pb.getMinY() + " to "
                                + (int) pb.getMaxX() + "," + (int) pb.getMaxY());
                        return;
                    }
                }
            }
        });
        return out;
    }

    /** Inside a scroll pane, or a table (whose column headings scroll sideways with its rows). */
    private static boolean insideScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane || p instanceof javafx.scene.control.TableView) {
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
