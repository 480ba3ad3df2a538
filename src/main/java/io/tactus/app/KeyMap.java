package io.tactus.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut in one table: the keys, what they do (the help text), where they apply, and the
 * action. The same rows drive the key handling, the menus' accelerator labels and the shortcuts dialog, so the
 * help can never disagree with the keys.
 */
public final class KeyMap {

    /** Where a shortcut applies. */
    public enum Scope {
        EVERYWHERE("Everywhere"), LIVE("Live view"), REPLAY("Replay view");

        private final String title;

        Scope(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One row. {@code keys} is what the help shows ("Shift+Left"), {@code combination} what is matched. */
    public record Shortcut(String keys, KeyCombination combination, String what, Scope scope, Runnable action) {
    }

    public static final KeyCombination CONNECT = shortcut(KeyCode.K);
    public static final KeyCombination OPEN = shortcut(KeyCode.O);
    public static final KeyCombination EXPORT = shortcut(KeyCode.E);
    public static final KeyCombination REPORT = shortcut(KeyCode.P);
    public static final KeyCombination SETTINGS = shortcut(KeyCode.COMMA);
    public static final KeyCombination ABOUT = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination RECORD = new KeyCodeCombination(KeyCode.R);
    public static final KeyCombination TARE = new KeyCodeCombination(KeyCode.T);
    public static final KeyCombination MUTE = new KeyCodeCombination(KeyCode.M);

    private final List<Shortcut> rows = new ArrayList<>();

    /** Adds a row; rows are shown in the order they are added. */
    public KeyMap add(String keys, KeyCombination combination, String what, Scope scope, Runnable action) {
        rows.add(new Shortcut(keys, combination, what, scope, action));
        return this;
    }

    /** A key with no modifier (Shift, Ctrl... must be up). */
    public static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    public static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    public static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    public List<Shortcut> rows() {
        return List.copyOf(rows);
    }

    /** The help text for a combination (for menus and tooltips), or null when the table has none. */
    public Shortcut find(KeyCombination combination) {
        return rows.stream().filter(r -> r.combination().equals(combination)).findFirst().orElse(null);
    }

    /**
     * Runs the first row matching {@code e} whose scope is active. Plain keys are left alone while the user
     * types in a text field. Returns true when a row ran (the event is then consumed).
     */
    public boolean handle(KeyEvent e, Scope active, boolean typing) {
        for (Shortcut s : rows) {
            if ((s.scope() == Scope.EVERYWHERE || s.scope() == active) && s.combination().match(e)
                    && !(typing && plain(s.combination()))) {
                s.action().run();
                e.consume();
                return true;
            }
        }
        return false;
    }

    /** Handles key presses in {@code scene}; {@code active} says which view shows. */
    public void install(Scene scene, Supplier<Scope> active) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> handle(e, active.get(),
                e.getTarget() instanceof TextInputControl || scene.getFocusOwner() instanceof TextInputControl));
    }

    private static boolean plain(KeyCombination c) {
        return c.getShortcut() == KeyCombination.ModifierValue.UP && c.getControl() == KeyCombination.ModifierValue.UP
                && c.getAlt() == KeyCombination.ModifierValue.UP && c.getMeta() == KeyCombination.ModifierValue.UP
                && !(c instanceof KeyCodeCombination k && k.getCode().isFunctionKey());
    }
}
