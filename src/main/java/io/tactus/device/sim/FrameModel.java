package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;

/** What a simulated device turns a script into, at a scenario time: raw counts, pose, and the truth inputs. */
interface FrameModel {

    DeviceDescriptor descriptor();

    /**
     * The true (noise-free) peak pressure per region ({@link BackGeometry#REGIONS} order) at scenario time t, and
     * for each loaded region the note of the stroke that dominates its peak.
     */
    void regionPeaks(double t, double[] peakKpa, String[] note);

    /**
     * Raw counts at scenario time t, with the no-load baseline drifted by {@code driftCounts} (nominal; cells
     * scatter around it). Consumes noise, so call once per frame in time order.
     */
    void counts(double t, double driftCounts, int[] out, Gaussian noise);

    /** Hand position on the back in mat mm (glove), or null when the device has no tracker (mat). */
    Path.Point poseMm(double t);
}
