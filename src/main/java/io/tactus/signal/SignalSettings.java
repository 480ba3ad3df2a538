package io.tactus.signal;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.Registration;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.store.CalibrationStore;

/**
 * Everything that changes how frames are interpreted. Immutable; a replay with the same settings gives the same
 * flags and metrics.
 *
 * @param profile            pressure profile (bands, flag timing)
 * @param bodyMap            region geometry
 * @param registration       where the body sits on the mat; null = centred on the mat, row 0 at the shoulder line
 * @param userCalibration    replaces the factory calibration when set (null = factory)
 * @param filterAlpha        exponential smoothing weight of the new frame, (0, 1]; 1 = no filter. Added delay is
 *                           (1 - alpha) / alpha frames (0.5 -> 1 frame = 10 ms at 100 Hz)
 * @param noiseFloorKpa      floor below which a cell reads 0 before a tare (after it: the larger of this and
 *                           {@code noiseSigmas} x the cell's measured noise)
 * @param noiseSigmas        noise floor in standard deviations of the tare noise
 * @param driftTimeConstantS time constant of the baseline tracker while nothing is pressed; 0 disables it
 * @param personalLimits     the receiver's own ceilings (null = none)
 * @param taxelAreaMm2       sensing area of a glove taxel (gloves carry no pitch)
 */
public record SignalSettings(Profile profile, BodyMap bodyMap, Registration registration,
                             UserCalibration userCalibration, double filterAlpha, double noiseFloorKpa,
                             double noiseSigmas, double driftTimeConstantS, PersonalLimits personalLimits,
                             double taxelAreaMm2) {

    public static final double DEFAULT_FILTER_ALPHA = 0.5;
    public static final double DEFAULT_NOISE_FLOOR_KPA = 1.0;
    public static final double DEFAULT_NOISE_SIGMAS = 4.0;
    public static final double DEFAULT_DRIFT_TIME_CONSTANT_S = 20.0;
    public static final double DEFAULT_TAXEL_AREA_MM2 = 100.0;

    public SignalSettings {
        if (profile == null || bodyMap == null) {
            throw new IllegalArgumentException("settings need a profile and a body map");
        }
        if (!(filterAlpha > 0 && filterAlpha <= 1)) {
            throw new IllegalArgumentException("filter alpha must be in (0, 1], got " + filterAlpha);
        }
        if (!(noiseFloorKpa >= 0) || !(noiseSigmas >= 0) || !(driftTimeConstantS >= 0) || !(taxelAreaMm2 > 0)) {
            throw new IllegalArgumentException("noise floor, sigmas, drift time constant must be >= 0, taxel area > 0");
        }
    }

    /** Gentle profile, default body map, centred registration, factory calibration. */
    public static SignalSettings defaults() {
        return new SignalSettings(Profiles.defaultProfile(), BodyMap.defaultMap(), null, null, DEFAULT_FILTER_ALPHA,
                DEFAULT_NOISE_FLOOR_KPA, DEFAULT_NOISE_SIGMAS, DEFAULT_DRIFT_TIME_CONSTANT_S, null,
                DEFAULT_TAXEL_AREA_MM2);
    }

    public SignalSettings withProfile(Profile p) {
        return new SignalSettings(p, bodyMap, registration, userCalibration, filterAlpha, noiseFloorKpa, noiseSigmas,
                driftTimeConstantS, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withBodyMap(BodyMap m) {
        return new SignalSettings(profile, m, registration, userCalibration, filterAlpha, noiseFloorKpa, noiseSigmas,
                driftTimeConstantS, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withSpineHalfWidth(double mm) {
        return withBodyMap(bodyMap.withSpineHalfWidth(mm));
    }

    public SignalSettings withRegistration(Registration r) {
        return new SignalSettings(profile, bodyMap, r, userCalibration, filterAlpha, noiseFloorKpa, noiseSigmas,
                driftTimeConstantS, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withUserCalibration(UserCalibration c) {
        return new SignalSettings(profile, bodyMap, registration, c, filterAlpha, noiseFloorKpa, noiseSigmas,
                driftTimeConstantS, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withFilterAlpha(double a) {
        return new SignalSettings(profile, bodyMap, registration, userCalibration, a, noiseFloorKpa, noiseSigmas,
                driftTimeConstantS, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withNoiseFloor(double kpa, double sigmas) {
        return new SignalSettings(profile, bodyMap, registration, userCalibration, filterAlpha, kpa, sigmas,
                driftTimeConstantS, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withDriftTimeConstant(double s) {
        return new SignalSettings(profile, bodyMap, registration, userCalibration, filterAlpha, noiseFloorKpa,
                noiseSigmas, s, personalLimits, taxelAreaMm2);
    }

    public SignalSettings withPersonalLimits(PersonalLimits l) {
        return new SignalSettings(profile, bodyMap, registration, userCalibration, filterAlpha, noiseFloorKpa,
                noiseSigmas, driftTimeConstantS, l, taxelAreaMm2);
    }

    public SignalSettings withTaxelArea(double mm2) {
        return new SignalSettings(profile, bodyMap, registration, userCalibration, filterAlpha, noiseFloorKpa,
                noiseSigmas, driftTimeConstantS, personalLimits, mm2);
    }

    /**
     * These settings with the user calibration saved for this device's serial, if there is one ("reuse it next
     * time").
     *
     * @throws IllegalStateException with a one-line reason if the saved file is unreadable
     */
    public SignalSettings withSavedCalibration(io.tactus.protocol.DeviceDescriptor device, CalibrationStore store) {
        if (device.serial() == null || device.serial().isBlank()) {
            return this;
        }
        return store.load(device.serial()).map(this::withUserCalibration).orElse(this);
    }

    /** Frames of delay the filter adds (group delay of the exponential smoother at low frequency). */
    public double filterDelayFrames() {
        return (1 - filterAlpha) / filterAlpha;
    }
}
