package io.tactus.signal.flags;

import io.tactus.protocol.Payloads;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.text.Decimals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The flags of one stream: one detector per region (spine contact, bone contact or excess pressure, with the
 * profile's thresholds and the receiver's ceilings), the events they raised in start order, the receiver's
 * markers as events, the ceilings "too much" markers suggest, and the listeners told about each start and end.
 * Fed once per frame with the region peaks; no allocation except the event objects.
 */
public final class FlagBook implements FlagDetector.Sink, Checkpointable<FlagBook.State> {

    private static final BodyRegion[] REGIONS = BodyRegion.values();
    private static final int NREG = REGIONS.length;

    /** Detectors, thresholds in force, events and offers so far (immutable copies). */
    public record State(List<FlagDetector.State> detectors, double[] hardMax, Profile profile,
                        List<FlagEvent> events, List<CeilingOffer> offers) {
    }

    private final FlagDetector[] detectors = new FlagDetector[NREG];
    private final double[] hardMax = new double[NREG];
    private final List<FlagEvent> events = new ArrayList<>();
    private final List<CeilingOffer> offers = new ArrayList<>();
    private final List<FlagListener> listeners = new CopyOnWriteArrayList<>();
    private Profile profile;

    public FlagBook() {
        for (BodyRegion r : REGIONS) {
            detectors[r.ordinal()] = new FlagDetector(switch (r.kind()) {
                case SPINE -> FlagType.SPINE_CONTACT;
                case BONE -> FlagType.BONE_CONTACT;
                case MUSCLE -> FlagType.EXCESS_PRESSURE;
            }, r);
        }
    }

    public void addListener(FlagListener l) {
        listeners.add(l);
    }

    public void removeListener(FlagListener l) {
        listeners.remove(l);
    }

    /**
     * Thresholds from a profile and the receiver's ceilings (null: none). An event raised under a threshold that
     * changes is closed; the next frame re-evaluates the region against the new one.
     */
    public void configure(Profile p, PersonalLimits lim) {
        profile = p;
        long deb = Math.round(p.debounceMs() * 1000);
        long rel = Math.round(p.releaseMs() * 1000);
        for (BodyRegion r : REGIONS) {
            double on;
            if (r.kind() == BodyRegion.Kind.SPINE) {
                on = p.spineContactKpa();
            } else if (r.kind() == BodyRegion.Kind.BONE) {
                on = p.boneContactKpa();
            } else {
                Band b = p.band(r);
                on = b == null ? Double.POSITIVE_INFINITY : b.hardMaxOrInfinity();
                if (lim != null) {
                    on = Math.min(on, lim.ceiling(r));
                }
            }
            hardMax[r.ordinal()] = on;
            FlagDetector d = detectors[r.ordinal()];
            if (d.isActive() && d.threshold() != on) {
                d.finish(this);
            }
            d.configure(on, p.hysteresis(), deb, rel);
        }
    }

    /** One frame: each region's peak pressure at device time {@code t}. */
    public void update(long t, double[] regionPeak) {
        for (int g = 0; g < NREG; g++) {
            detectors[g].update(t, regionPeak[g], this);
        }
    }

    /**
     * The receiver's button, attributed to the region pressed hardest in the last frame. A "too much" marker
     * also yields a {@link CeilingOffer} for that region.
     */
    public void marker(long deviceTimeUs, Payloads.Marker marker, double[] regionPeak) {
        int best = -1;
        for (int g = 0; g < NREG; g++) {
            if (regionPeak[g] > 0 && (best < 0 || regionPeak[g] > regionPeak[best])) {
                best = g;
            }
        }
        BodyRegion region = best < 0 ? null : REGIONS[best];
        double pk = best < 0 ? 0 : regionPeak[best];
        String what = switch (marker.code()) {
            case Payloads.Marker.TOO_MUCH -> "too_much";
            case Payloads.Marker.MORE -> "more";
            case Payloads.Marker.BUTTON -> "button";
            default -> "code_" + marker.code();
        };
        String text = marker.text() == null || marker.text().isEmpty() ? what : what + ": " + marker.text();
        FlagEvent e = new FlagEvent(FlagType.MARKER, deviceTimeUs, deviceTimeUs, region, pk, text);
        events.add(e);
        for (FlagListener l : listeners) {
            l.onFlagStart(e);
            l.onFlagEnd(e);
        }
        if (marker.code() == Payloads.Marker.TOO_MUCH && region != null) {
            offers.add(new CeilingOffer(deviceTimeUs, region, pk));
        }
    }

    /** Personal ceilings suggested by "too much" markers so far. */
    public List<CeilingOffer> ceilingOffers() {
        return List.copyOf(offers);
    }

    @Override
    public void confirmed(FlagDetector d) {
        String detail = switch (d.type) {
            case SPINE_CONTACT -> "spine band above " + fmt(d.threshold()) + " kPa";
            case BONE_CONTACT -> "bone (" + d.region.id() + ") above " + fmt(d.threshold()) + " kPa";
            default -> {
                Band b = profile.band(d.region);
                boolean personal = b == null || d.threshold() < b.hardMaxOrInfinity();
                yield (personal ? "above personal ceiling " : "above hard max ") + fmt(d.threshold()) + " kPa";
            }
        };
        FlagEvent e = new FlagEvent(d.type, d.startUs, FlagEvent.OPEN, d.region, d.peak, detail);
        d.eventIndex = events.size();
        events.add(e);
        for (FlagListener l : listeners) {
            l.onFlagStart(e);
        }
    }

    @Override
    public void ended(FlagDetector d) {
        FlagEvent open = events.get(d.eventIndex);
        FlagEvent e = new FlagEvent(d.type, d.startUs, d.lastAboveUs, d.region, d.peak, open.detail());
        events.set(d.eventIndex, e);
        d.eventIndex = -1;
        for (FlagListener l : listeners) {
            l.onFlagEnd(e);
        }
    }

    private static String fmt(double v) {
        return Decimals.brief(v);
    }

    /** Closes every open event (end of stream). */
    public void finish() {
        for (FlagDetector d : detectors) {
            d.finish(this);
        }
    }

    /** All events so far, closed and open (open ones with their peak so far), in start order. */
    public List<FlagEvent> events() {
        List<FlagEvent> out = new ArrayList<>(events);
        for (FlagDetector d : detectors) {
            if (d.eventIndex >= 0) {
                out.set(d.eventIndex, asOpen(out.get(d.eventIndex), d));
            }
        }
        out.sort(Comparator.comparingLong(FlagEvent::startUs));
        return List.copyOf(out);
    }

    /** The events open now, with their peak so far. Allocates. */
    public List<FlagEvent> active() {
        List<FlagEvent> active = new ArrayList<>();
        for (FlagDetector d : detectors) {
            if (d.eventIndex >= 0) {
                active.add(asOpen(events.get(d.eventIndex), d));
            }
        }
        return List.copyOf(active);
    }

    private static FlagEvent asOpen(FlagEvent e, FlagDetector d) {
        return new FlagEvent(e.type(), e.startUs(), FlagEvent.OPEN, e.region(), d.peak, e.detail());
    }

    /** The profile's band for a region with the receiver's ceiling applied to its hard max, or null. */
    public Band band(BodyRegion r) {
        Band b = profile.band(r);
        double hm = hardMax[r.ordinal()];
        if (b == null || r.kind() != BodyRegion.Kind.MUSCLE || hm == b.hardMaxOrInfinity()) {
            return b;
        }
        return new Band(Math.min(b.targetMin(), hm), Math.min(b.targetMax(), hm), hm);
    }

    /** Threshold watching a region: contact level for spine / bones, hard max (or ceiling) for muscles. */
    public double threshold(BodyRegion r) {
        return hardMax[r.ordinal()];
    }

    @Override
    public State checkpoint() {
        List<FlagDetector.State> ds = new ArrayList<>(NREG);
        for (FlagDetector d : detectors) {
            ds.add(d.checkpoint());
        }
        return new State(List.copyOf(ds), hardMax.clone(), profile, List.copyOf(events), List.copyOf(offers));
    }

    @Override
    public void restore(State s) {
        for (int g = 0; g < NREG; g++) {
            detectors[g].restore(s.detectors().get(g));
        }
        System.arraycopy(s.hardMax(), 0, hardMax, 0, NREG);
        profile = s.profile();
        events.clear();
        events.addAll(s.events());
        offers.clear();
        offers.addAll(s.offers());
    }
}
