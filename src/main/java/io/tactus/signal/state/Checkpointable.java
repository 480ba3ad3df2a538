package io.tactus.signal.state;

/**
 * A stage of the signal core that carries state from one frame to the next (filters, baselines, debounce,
 * accumulators, trackers). Every such stage implements this, and {@code SignalPipeline.checkpoint()} composes
 * their states, so a replay can restore the core at any checkpoint and run forward to exactly what a straight
 * run gives. {@code CheckpointCoverageTest} compares every field of a restored core with a straight run's: a
 * stage (or a field) that is not captured fails it.
 *
 * @param <S> an immutable value holding everything the stage needs to continue (arrays in it are copies that
 *            nobody mutates)
 */
public interface Checkpointable<S> {

    /** The stage's complete state now; allocates. */
    S checkpoint();

    /** Puts the stage into a state from {@link #checkpoint()} (of a stage built for the same device). */
    void restore(S state);
}
