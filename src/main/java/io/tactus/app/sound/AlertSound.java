package io.tactus.app.sound;

/**
 * The app's sound sink: alert tones, coaching cues and spoken step prompts. Implementations return at once; a
 * missing audio device is reported, never thrown. {@link Silent} records what it was asked to play, so every
 * sound decision is tested without audio hardware.
 */
public interface AlertSound extends AutoCloseable {

    /**
     * What to sound: alerts (the spine gets the most urgent), the receiver's marker, and the coaching cues: a soft
     * tick per counted movement, a chime when a step completes, a low double cue when a movement misses the step.
     */
    enum Kind { SPINE, BONE, EXCESS, MARKER, TICK, CHIME, MISS }

    void play(Kind kind);

    /**
     * Speaks a prompt: its bundled clips one after another ({@code prompts/ID.wav}, see {@link PromptVoice}); a
     * missing clip is skipped.
     */
    default void speak(Prompt prompt) {
    }

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
        private final java.util.List<String> heard = new java.util.ArrayList<>();

        @Override
        public synchronized void play(Kind kind) {
            plays++;
            last = kind;
            heard.add(kind.name());
        }

        private final java.util.List<Prompt> spoken = new java.util.ArrayList<>();

        @Override
        public synchronized void speak(Prompt prompt) {
            heard.add("say " + String.join(" ", prompt.clips()));
            spoken.add(prompt);
        }

        /** Every prompt asked for, in order. */
        public synchronized java.util.List<Prompt> spoken() {
            return java.util.List.copyOf(spoken);
        }

        /** Everything asked for, in order: kind names and "say CLIP CLIP ...". */
        public synchronized java.util.List<String> heard() {
            return java.util.List.copyOf(heard);
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
