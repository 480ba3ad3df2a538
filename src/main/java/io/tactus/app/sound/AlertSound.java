package io.tactus.app.sound;

/** Plays the alert sound. Implementations return at once; a missing audio device is reported, never thrown. */
public interface AlertSound extends AutoCloseable {

    /** What kind of alert: the spine gets the most urgent sound. */
    enum Kind { SPINE, BONE, EXCESS, MARKER }

    void play(Kind kind);

    /** False when no audio output could be opened; the UI then says "sound unavailable". */
    boolean available();

    /** One line for the UI about the audio state. */
    String describe();

    @Override
    default void close() {
    }

    /** For tests and muted sessions: counts plays, makes no noise. */
    final class Silent implements AlertSound {
        private int plays;
        private Kind last;

        @Override
        public synchronized void play(Kind kind) {
            plays++;
            last = kind;
        }

        public synchronized int plays() {
            return plays;
        }

        public synchronized Kind last() {
            return last;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "silent";
        }
    }
}
