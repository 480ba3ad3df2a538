package io.tactus.signal;

import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.metrics.RegionValue;
import java.util.List;

/**
 * Immutable result of processing one frame: what the UI draws, what export writes. Produced on demand by
 * {@link SignalPipeline#snapshot()} (it copies; the pipeline's hot path itself does not allocate).
 *
 * @param index          frame index (unwrapped packet sequence number)
 * @param deviceTimeUs   device time, unwrapped microseconds
 * @param hostNanos      host receive time (System.nanoTime at the reader); 0 when replayed from a capture
 * @param rows           grid rows (1 for a glove)
 * @param cols           grid columns (taxel count for a glove)
 * @param kpa            calibrated, tared, filtered pressure per cell in kPa, row-major; do not modify
 * @param totalForceN    total force in newtons
 * @param contactAreaCm2 area of cells above the noise floor
 * @param peakKpa        highest cell pressure
 * @param copXmm         centre of pressure, mm from the left edge of the mat (receiver's left); NaN without contact
 * @param copYmm         centre of pressure, mm from the head-end edge; NaN without contact
 * @param regions        per-region values indexed by {@link BodyRegion#ordinal()}
 * @param activeFlags    flags open at this frame
 */
public record FrameSnapshot(long index, long deviceTimeUs, long hostNanos, int rows, int cols, float[] kpa,
                            double totalForceN, double contactAreaCm2, double peakKpa, double copXmm,
                            double copYmm, RegionValue[] regions, List<FlagEvent> activeFlags) {

    public RegionValue region(BodyRegion r) {
        return regions[r.ordinal()];
    }

    public boolean hasFlag(FlagType type) {
        for (FlagEvent e : activeFlags) {
            if (e.type() == type) {
                return true;
            }
        }
        return false;
    }
}
