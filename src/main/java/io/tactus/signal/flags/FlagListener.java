package io.tactus.signal.flags;

/**
 * Called synchronously from {@link io.tactus.signal.SignalPipeline#process} when a flag is confirmed and when it
 * ends.
 */
public interface FlagListener {

    /** The flag was confirmed (after debounce); {@code event.startUs()} is the first crossing frame. */
    void onFlagStart(FlagEvent event);

    /** The flag ended; the event is complete. */
    void onFlagEnd(FlagEvent event);
}
