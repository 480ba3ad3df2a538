package io.tactus.session;

import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.technique.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of running a whole session (recording or raw capture) through the core.
 *
 * @param descriptor      the device descriptor (last seen), or null if the stream had none
 * @param events          flag events from the core, in start order, device times (unwrapped us)
 * @param markers         receiver marker presses seen in the stream
 * @param series          per-region pressure over time, downsampled
 * @param regions         per-region statistics of the whole session, in {@link BodyRegion} order: the core's own
 *                        {@link SessionMetrics.RegionMetrics} (docs/SIGNAL.md defines them), summed over segments
 * @param metrics         whole-session figures
 * @param stream          counts about the input itself (packets, gaps, corruption)
 * @param integrity       a recording's integrity as the pass found it (damage, lost spans); null for captures
 * @param descriptorNote  null when the stream's own HELLO described every frame; otherwise where the layout
 *                        of the frames before it came from (e.g. "the recording's metadata: its HELLO record is
 *                        damaged")
 * @param segments        one per sensor the stream described (a HELLO of a different sensor starts a new one;
 *                        one re-sent for the same sensor, e.g. after SET_RATE, continues the running one)
 */
public record SessionAnalysis(DeviceDescriptor descriptor, List<FlagEvent> events, List<Marker> markers,
                              RegionSeries series, List<SessionMetrics.RegionMetrics> regions, Metrics metrics,
                              StreamStats stream, IntegrityReport integrity, String descriptorNote,
                              List<Segment> segments) {

    /** A marker press. */
    public record Marker(long deviceTimeUs, int code, String text) {
    }

    /**
     * One segment: the sensor, its frames, the core's session metrics over them, and its technique.
     *
     * @param firstFrameUs device time of its first frame (-1: none)
     * @param movements    the movements its pipeline measured (contact ids as that pipeline numbered them)
     * @param contacts     contacts it tracked ({@code SignalPipeline.contactsSeen()})
     */
    public record Segment(DeviceDescriptor descriptor, long firstFrameUs, long lastFrameUs, long frames,
                          SessionMetrics metrics, List<Movement> movements, int contacts) {
    }

    /**
     * Every segment's movements, in segment order; each segment's contact ids come after the previous segments'
     * (a pipeline numbers its contacts from 1), so an id names one contact in the whole session.
     */
    public List<Movement> movements() {
        List<Movement> all = new ArrayList<>();
        int offset = 0;
        for (Segment s : segments) {
            int top = 0;
            for (Movement m : s.movements()) {
                all.add(offset == 0 ? m : m.withContact(m.contact() + offset));
                top = Math.max(top, m.contact());
            }
            offset += Math.max(top, s.contacts());
        }
        return all;
    }

    /** Contacts tracked in all segments. */
    public int contactsSeen() {
        return segments.stream().mapToInt(Segment::contacts).sum();
    }

    /** The segments' per-region metrics added up (times and integrals summed, the peak the highest). */
    public static List<SessionMetrics.RegionMetrics> sumRegions(List<Segment> segments) {
        List<SessionMetrics.RegionMetrics> out = new ArrayList<>();
        for (BodyRegion r : BodyRegion.values()) {
            double touched = 0;
            double below = 0;
            double within = 0;
            double above = 0;
            double pti = 0;
            double impulse = 0;
            double peak = 0;
            for (Segment s : segments) {
                SessionMetrics.RegionMetrics m = s.metrics().region(r);
                if (m != null) {
                    touched += m.timeTouchedS();
                    below += m.timeBelowS();
                    within += m.timeWithinS();
                    above += m.timeAboveS();
                    pti += m.ptiKpaS();
                    impulse += m.impulseNs();
                    peak = Math.max(peak, m.peakKpa());
                }
            }
            out.add(new SessionMetrics.RegionMetrics(r.id(), touched, below, within, above, pti, impulse, peak));
        }
        return List.copyOf(out);
    }

    /**
     * @param firstFrameUs      device time of the first frame (us); the zero of every "seconds" figure
     * @param lastFrameUs       device time of the last frame
     * @param durationSeconds   last minus first frame
     * @param frames            frames processed
     * @param meanFrameRateHz   frames per second of device time
     * @param contactSeconds    time with any contact on the mat
     * @param peakForceN        highest total force
     * @param meanForceWhileContactN mean total force while in contact
     * @param leftRightBalance  force on the receiver's left regions / (left + right), 0.5 = balanced, NaN if none
     * @param flagCounts        number of events per flag id (spine_contact, ...)
     * @param flagSeconds       total duration per flag id
     * @param host              outages on the host clock (unplug / replug), null for captures (no host time)
     */
    public record Metrics(long firstFrameUs, long lastFrameUs, double durationSeconds, long frames,
                          double meanFrameRateHz, double contactSeconds, double peakForceN,
                          double meanForceWhileContactN, double leftRightBalance, Map<String, Long> flagCounts,
                          Map<String, Double> flagSeconds, HostTime host) {
    }

    /**
     * A recording's host clock, where an outage shows that device time can hide.
     *
     * @param spanSeconds  first to last frame on the host clock (outages included)
     * @param gaps         stretches of more than {@link HostGaps#GAP_NANOS} without a frame
     * @param gapSeconds   their total length
     */
    public record HostTime(double spanSeconds, long gaps, double gapSeconds) {
    }

    /**
     * @param packets            packets read
     * @param droppedPackets     missing according to sequence gaps
     * @param corrupt            rejected input: decoder counts (captures) or CORRUPT notes (recordings) plus
     *                           payloads that did not fit the layout
     * @param framesWithoutHello frames before any descriptor (ignored)
     * @param deviceResets       device reboots seen (HELLO with the clock stepping back)
     * @param recorderLost       packets a recorder could not write (LOSS records)
     * @param commandsNotApplied recorded pipeline commands this version could not apply
     * @param analysisMillis     wall time of the analysis
     * @param markerTextsCut     markers whose text was cut to the kept length (see FrameAssembler.MARKER_TEXT_MAX)
     */
    public record StreamStats(long packets, long droppedPackets, Map<Corruption, Long> corrupt,
                              long framesWithoutHello, long deviceResets, long recorderLost,
                              long commandsNotApplied, long analysisMillis, long markerTextsCut) {

        public StreamStats(long packets, long droppedPackets, Map<Corruption, Long> corrupt, long framesWithoutHello,
                           long deviceResets, long recorderLost, long commandsNotApplied, long analysisMillis) {
            this(packets, droppedPackets, corrupt, framesWithoutHello, deviceResets, recorderLost, commandsNotApplied,
                    analysisMillis, 0);
        }
    }

    /**
     * One-line warnings about this analysis of a recording (the CLI prints them, the export returns them): damage
     * and where data was lost, a rejected metadata descriptor, frames decoded without a HELLO. Empty when clean.
     */
    public List<String> warnings(RecordingReader source) {
        List<String> w = new java.util.ArrayList<>();
        String damage = integrity == null ? null : integrity.warning(Math.max(0, metrics.firstFrameUs()));
        if (damage != null) {
            w.add(damage);
        }
        if (source.metadataDeviceProblem() != null) {
            w.add(source.metadataDeviceProblem() + ": ignored, the device's HELLO describes the frames");
        }
        if (descriptorNote != null) {
            w.add("frames decoded with the device description from " + descriptorNote);
        }
        return List.copyOf(w);
    }

    /** Seconds from the first frame for a device time. */
    public double secondsFromStart(long deviceTimeUs) {
        return metrics.firstFrameUs() < 0 ? 0 : (deviceTimeUs - metrics.firstFrameUs()) / 1e6;
    }
}
