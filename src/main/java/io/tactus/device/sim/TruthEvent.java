package io.tactus.device.sim;

/**
 * What a simulated scenario really did, for scoring the detectors. Uses the signal layer's string ids
 * ("spine_contact", "bone_contact", "excess_pressure", "marker"; regions such as "spine", "scapula_l") because
 * the device layer must not import the signal layer.
 *
 * @param type    flag id the detectors should raise
 * @param startUs device time (us) the condition began
 * @param endUs   device time (us) it ended
 * @param region  region id
 * @param note    what the script was doing (e.g. "thumb slides onto the spine at T10")
 */
public record TruthEvent(String type, long startUs, long endUs, String region, String note) {
}
