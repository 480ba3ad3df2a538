package io.tactus.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tactus.render.ColorMap;
import io.tactus.app.heat.DisplayOptions;
import io.tactus.render.Interpolation;
import java.util.List;
import java.util.Map;

/**
 * Everything the app remembers between runs, stored as JSON under {@code tactus.home}. Unknown or missing
 * fields fall back to defaults, so an older or hand-edited file still loads.
 *
 * @param profile          signal profile id ("gentle" is the trainee default)
 * @param bandOverrides    per profile and region id: [target min, target max, hard max] in kPa, edited by the user
 * @param spineHalfWidthMm half-width of the spine band
 * @param colorMap         heatmap colour scale
 * @param interpolation    how cells are drawn
 * @param scaleMaxKpa      top of the colour scale, or {@link #SCALE_AUTO} for "from the profile"
 * @param soundMuted       alert sound muted
 * @param scenario         last simulator scenario
 * @param lastPort         last serial port path
 * @param recentFiles      recently opened recordings, newest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(String profile, Map<String, Map<String, double[]>> bandOverrides, double spineHalfWidthMm,
                          ColorMap colorMap, Interpolation interpolation, double scaleMaxKpa, boolean soundMuted,
                          String scenario, String lastPort, List<String> recentFiles) {

    public static final int MAX_RECENT = 8;
    /** {@code scaleMaxKpa} value meaning: chosen from the profile so its target band sits mid-scale (default). */
    public static final double SCALE_AUTO = 0;

    public static AppSettings defaults() {
        return new AppSettings("gentle", Map.of(), 20, ColorMap.VIRIDIS, Interpolation.BILINEAR, SCALE_AUTO, false,
                null, null, List.of());
    }

    /** Fills nulls and nonsense from the defaults (a hand-edited file must not break the app). */
    /**
     * What the signal core should run with: the chosen profile (Gentle when the id is unknown) with this
     * user's per-region band overrides for it, and the spine band half-width. Live pipelines and the gauges both
     * come from here, so what is drawn is what the flags are judged against.
     */
    public io.tactus.signal.SignalSettings toSignalSettings() {
        io.tactus.signal.SignalSettings d = io.tactus.signal.SignalSettings.defaults();
        io.tactus.signal.flags.Profile p;
        try {
            p = io.tactus.signal.flags.Profiles.byId(profile);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            p = d.profile();
        }
        Map<String, double[]> overrides = bandOverrides == null ? null : bandOverrides.get(p.id());
        if (overrides != null) {
            for (Map.Entry<String, double[]> e : overrides.entrySet()) {
                double[] b = e.getValue();
                try {
                    p = p.withBand(io.tactus.signal.body.BodyRegion.fromId(e.getKey()),
                            new io.tactus.signal.flags.Band(b[0], b[1], b.length > 2 ? b[2] : null));
                } catch (RuntimeException bad) {
                    // A hand-edited file with a nonsense band must not break the app: keep the profile's own.
                }
            }
        }
        io.tactus.signal.SignalSettings s = d.withProfile(p);
        return spineHalfWidthMm > 0 ? s.withSpineHalfWidth(spineHalfWidthMm) : s;
    }

    public AppSettings sanitized() {
        AppSettings d = defaults();
        return new AppSettings(profile == null || profile.isBlank() ? d.profile : profile,
                bandOverrides == null ? Map.of() : bandOverrides,
                spineHalfWidthMm > 5 && spineHalfWidthMm < 80 ? spineHalfWidthMm : d.spineHalfWidthMm,
                colorMap == null ? d.colorMap : colorMap,
                interpolation == null ? d.interpolation : interpolation,
                scaleMaxKpa == SCALE_AUTO || scaleMaxKpa >= 10 && scaleMaxKpa <= 2000 ? scaleMaxKpa : d.scaleMaxKpa,
                soundMuted, scenario, lastPort, recentFiles == null ? List.of() : List.copyOf(recentFiles));
    }

    public AppSettings withColorMap(ColorMap m) {
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, m, interpolation, scaleMaxKpa, soundMuted,
                scenario, lastPort, recentFiles);
    }

    public AppSettings withInterpolation(Interpolation i) {
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, colorMap, i, scaleMaxKpa, soundMuted,
                scenario, lastPort, recentFiles);
    }

    /**
     * The top of the colour scale to draw with: the fixed value, or in auto mode twice the centre of the profile's
     * band for the mid back (the main working region), rounded up to 10 kPa, so that band sits mid-scale.
     */
    public double effectiveScaleMaxKpa() {
        if (scaleMaxKpa != SCALE_AUTO) {
            return scaleMaxKpa;
        }
        return DisplayOptions.autoScaleMaxKpa(workingBand());
    }

    /** [target min, target max, hard max] of the profile's mid-back band (what the legend marks), or null. */
    public double[] workingBand() {
        return DisplayOptions.workingBand(toSignalSettings().profile());
    }

    public boolean scaleAuto() {
        return scaleMaxKpa == SCALE_AUTO;
    }

    public AppSettings withScaleMaxKpa(double v) {
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, colorMap, interpolation, v, soundMuted,
                scenario, lastPort, recentFiles);
    }

    public AppSettings withSoundMuted(boolean m) {
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, colorMap, interpolation, scaleMaxKpa, m,
                scenario, lastPort, recentFiles);
    }

    public AppSettings withProfile(String p) {
        return new AppSettings(p, bandOverrides, spineHalfWidthMm, colorMap, interpolation, scaleMaxKpa, soundMuted,
                scenario, lastPort, recentFiles);
    }

    public AppSettings withSpineHalfWidthMm(double v) {
        return new AppSettings(profile, bandOverrides, v, colorMap, interpolation, scaleMaxKpa, soundMuted,
                scenario, lastPort, recentFiles);
    }

    public AppSettings withBandOverrides(Map<String, Map<String, double[]>> b) {
        return new AppSettings(profile, b, spineHalfWidthMm, colorMap, interpolation, scaleMaxKpa, soundMuted,
                scenario, lastPort, recentFiles);
    }

    public AppSettings withScenario(String s) {
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, colorMap, interpolation, scaleMaxKpa,
                soundMuted, s, lastPort, recentFiles);
    }

    public AppSettings withLastPort(String p) {
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, colorMap, interpolation, scaleMaxKpa,
                soundMuted, scenario, p, recentFiles);
    }

    /** Moves {@code path} to the front of the recent list, keeping at most {@link #MAX_RECENT}. */
    public AppSettings withRecent(String path) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>(recentFiles);
        l.remove(path);
        l.add(0, path);
        while (l.size() > MAX_RECENT) {
            l.remove(l.size() - 1);
        }
        return new AppSettings(profile, bandOverrides, spineHalfWidthMm, colorMap, interpolation, scaleMaxKpa,
                soundMuted, scenario, lastPort, List.copyOf(l));
    }
}
