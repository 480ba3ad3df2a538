package io.tactus;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on an asynchronous outcome in tests: poll the outcome itself under a generous deadline, never sleep a
 * fixed time and hope it happened. The deadline only guards against a hang; a busy machine (CI, stress-ng beside
 * the suite) just takes longer.
 */
public final class Await {

    /** Long enough for a 2-core machine under full load; a passing test never waits this long. */
    public static final long DEADLINE_S = 30;

    private Await() {
    }

    /** Polls until the condition holds or the deadline passes; returns whether it held. */
    public static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }

    /** Waits for the condition and fails with {@code what} and the current state if it never holds. */
    public static void until(String what, BooleanSupplier condition, Supplier<?> state) throws InterruptedException {
        if (!eventually(condition)) {
            throw new AssertionError("not within " + DEADLINE_S + " s: " + what + " (now: " + state.get() + ")");
        }
    }
}
