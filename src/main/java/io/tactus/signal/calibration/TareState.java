package io.tactus.signal.calibration;

/**
 * Tare progress for the UI.
 *
 * @param status   NONE (factory offset in use), CAPTURING, DONE
 * @param progress 0..1 while capturing
 * @param result   the latest completed tare, or null
 */
public record TareState(Status status, double progress, TareResult result) {

    public enum Status { NONE, CAPTURING, DONE }
}
