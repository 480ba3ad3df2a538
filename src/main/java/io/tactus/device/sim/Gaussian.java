package io.tactus.device.sim;

import java.util.SplittableRandom;

/**
 * Standard normal deviates by Box-Muller over {@link SplittableRandom#nextDouble()}, whose algorithm is fixed,
 * so a seed gives the same noise on every JDK (RandomGenerator.nextGaussian's algorithm is not specified).
 */
final class Gaussian {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    Gaussian(SplittableRandom random) {
        this.random = random;
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1));
        spare = r * Math.sin(2 * Math.PI * u2);
        hasSpare = true;
        return r * Math.cos(2 * Math.PI * u2);
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
