package io.tactus.fuzz;

import java.util.Random;

/** One entry point under fuzz: how to make an input from the seeds, and how to run and judge it. */
interface FuzzTarget {

    /**
     * One mutated input.
     *
     * @param bytes    the input
     * @param crcValid made to pass every checksum (a hostile file, not a damaged one): a changed result is not
     *                 "silent", the input says what it says
     */
    record Input(byte[] bytes, boolean crcValid) {
        static Input damaged(byte[] b) {
            return new Input(b, false);
        }
    }

    String name();

    /** A mutated input (deterministic for the given random source). */
    Input nextInput(Random rnd);

    /**
     * Runs the entry point on {@code input} and judges the result. Throws only for an outcome the target does
     * not classify itself (the runner counts it as {@link Outcome#UNEXPECTED}).
     */
    Outcome run(Input input) throws Exception;
}
