package io.tactus.app.replay;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * How the playhead moves by itself: playing or paused, the speed, and a loop range; each pulse advances the
 * position by the wall time since the last one times the speed, wrapping at the loop's end and stopping at the
 * recording's. No threads: the view's pulse drives it.
 */
final class PlaybackClock {

    static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16};

    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final LongProperty loopInUs = new SimpleLongProperty(-1);
    private final LongProperty loopOutUs = new SimpleLongProperty(-1);
    private long lastPulse;

    /** The position after a pulse at {@code now} (ns), from {@code positionUs} in a recording ending at endUs. */
    long pulse(long now, long positionUs, long endUs) {
        long dt = lastPulse == 0 ? 0 : now - lastPulse;
        lastPulse = now;
        if (!playing.get() || dt <= 0) {
            return positionUs;
        }
        dt = Math.min(dt, 100_000_000L); // a stalled pulse must not jump far ahead
        long next = positionUs + (long) (dt / 1000.0 * speed.get());
        if (looping() && next >= loopOutUs.get()) {
            next = loopInUs.get();
        } else if (next >= endUs) {
            next = endUs;
            playing.set(false);
        }
        return next;
    }

    /** Where play resumes when toggled on at {@code positionUs}: at the end it starts over (the loop's start). */
    long resumeFrom(long positionUs, long startUs, long endUs) {
        if (!playing.get() && positionUs >= endUs) {
            return loopInUs.get() >= 0 ? loopInUs.get() : startUs;
        }
        return positionUs;
    }

    void setLoopIn(long positionUs) {
        loopInUs.set(positionUs);
        if (loopOutUs.get() >= 0 && loopOutUs.get() <= loopInUs.get()) {
            loopOutUs.set(-1);
        }
    }

    /** @return false (nothing set) unless the loop start is set and before {@code positionUs} */
    boolean setLoopOut(long positionUs) {
        if (loopInUs.get() < 0 || positionUs <= loopInUs.get()) {
            return false;
        }
        loopOutUs.set(positionUs);
        return true;
    }

    void clearLoop() {
        loopInUs.set(-1);
        loopOutUs.set(-1);
    }

    boolean looping() {
        return loopInUs.get() >= 0 && loopOutUs.get() > loopInUs.get();
    }

    void faster() {
        speed.set(nextSpeed(speed.get(), 1));
    }

    void slower() {
        speed.set(nextSpeed(speed.get(), -1));
    }

    static double nextSpeed(double s, int dir) {
        int i = 0;
        while (i < SPEEDS.length - 1 && SPEEDS[i] < s) {
            i++;
        }
        return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + dir))];
    }

    /** m:ss.mmm from microseconds. */
    static String format(long us) {
        long ms = Math.max(0, us) / 1000;
        return String.format(Locale.ROOT, "%d:%02d.%03d", ms / 60_000, (ms / 1000) % 60, ms % 1000);
    }

    /** "0:11.020 / 1:25.690": the playhead and the length of {@code d} from its start ("0:00.000 / 0:00.000"). */
    static String timeText(long positionUs, io.tactus.session.ReplayEngine d) {
        return d == null ? "0:00.000 / 0:00.000"
                : format(positionUs - d.startUs()) + " / " + format(d.endUs() - d.startUs());
    }

    BooleanProperty playingProperty() {
        return playing;
    }

    DoubleProperty speedProperty() {
        return speed;
    }

    LongProperty loopInUsProperty() {
        return loopInUs;
    }

    LongProperty loopOutUsProperty() {
        return loopOutUs;
    }
}
