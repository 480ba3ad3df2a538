package io.tactus.signal.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live left / right balance: a hand's side work gives it, noise on one side does not. */
class BalanceTest {

    private static final int N = 32;
    private final BodyMap map = BodyMap.defaultMap();
    private final Registration reg = Registration.centred(400);
    private final Profile profile = Profiles.defaultProfile();

    private TechniqueTracker tracker() {
        double[] colX = new double[N];
        double[] rowY = new double[N];
        for (int i = 0; i < N; i++) {
            colX[i] = (i + 0.5) * 12.5;
            rowY[i] = (i + 0.5) * 18.75;
        }
        return new TechniqueTracker(N, N, colX, rowY, 12.5 * 18.75, false, List.of());
    }

    /** {@code seconds} of 100 Hz frames with this lateral force on each side and no contact tracked. */
    private static void run(TechniqueTracker t, long fromUs, double seconds, double leftN, double rightN,
                            BodyMap map, Registration reg, Profile p) {
        float[] kpa = new float[N * N];
        boolean[] touched = new boolean[BodyRegion.values().length];
        for (long k = 0; k < seconds * 100; k++) {
            t.update(fromUs + k * 10_000, 10_000, kpa, new int[0], 0, null, p.spineContactKpa(), reg, map, p, leftN,
                    rightN, touched);
        }
    }

    @Test
    void aNoiseSpeckOnOneSideIsNoBalance() {
        TechniqueTracker t = tracker();
        // one cell reading 1 kPa on the left (234 mm2: 0.23 N) for a second, nothing on the right: it read
        // "Left 100 %" (the 2 s average reaches 0.09 N)
        run(t, 0, 1, 0.23, 0, map, reg, profile);
        assertTrue(Double.isNaN(t.leftShare()), "no side work, no balance: " + t.leftShare());
        assertTrue(Double.isNaN(t.snapshot().leftShare()));
    }

    @Test
    void handsOnBothSidesGiveTheirShare() {
        TechniqueTracker t = tracker();
        // a palm on each side, 30 N left and 10 N right, for 10 s (5 time constants)
        run(t, 0, 10, 30, 10, map, reg, profile);
        assertEquals(0.75, t.leftShare(), 0.01);
        // the hands lift: the share stays while the recent work is above the floor, then goes
        run(t, 10_000_000, 1, 0, 0, map, reg, profile);
        assertEquals(0.75, t.leftShare(), 0.01);
        run(t, 11_000_000, 10, 0, 0, map, reg, profile);
        assertTrue(Double.isNaN(t.leftShare()), "10 s after the last side work");
    }
}
