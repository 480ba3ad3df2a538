package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * A right-hand sensing glove with 20 taxels, and how much of a stroke's pressure each taxel feels for each
 * tool. Frame cell i is taxel i. Knuckle taxels sit on the back of the fingers' base joints (the knuckle
 * technique presses with them); all others on the palm side.
 */
final class Glove {

    static final String HAND = "right";
    /** Zone of each taxel, in cell order; {@link #SHAPE} is its share of its zone's load. */
    static final String[] ZONES = {
        "thumb_tip", "thumb_pad",
        "palm_heel", "palm_heel", "palm_heel", "palm_heel",
        "palm", "palm",
        "knuckles", "knuckles", "knuckles", "knuckles",
        "finger_mid", "finger_mid", "finger_mid", "finger_mid",
        "fingertip", "fingertip", "fingertip", "fingertip"};
    static final double[] SHAPE = {
        1.0, 1.0,
        1.0, 0.92, 0.85, 0.78,
        1.0, 0.85,
        1.0, 1.0, 0.95, 0.85,
        1.0, 0.95, 0.9, 0.8,
        0.85, 1.0, 1.0, 0.9};

    private Glove() {
    }

    static int taxelCount() {
        return ZONES.length;
    }

    static List<DeviceDescriptor.Taxel> taxels() {
        List<DeviceDescriptor.Taxel> out = new ArrayList<>();
        for (int i = 0; i < ZONES.length; i++) {
            out.add(new DeviceDescriptor.Taxel(i, HAND, ZONES[i]));
        }
        return out;
    }

    /** Fraction of a stroke's peak pressure felt by a zone when pressing with a tool. */
    static double weight(Tool tool, String zone) {
        return switch (tool) {
            case PALM_HEEL -> switch (zone) {
                case "palm_heel" -> 1.0;
                case "palm" -> 0.35;
                default -> 0;
            };
            case FLAT_HAND -> switch (zone) {
                case "palm_heel" -> 1.0;
                case "palm" -> 0.45;
                case "finger_mid" -> 0.25;
                case "fingertip" -> 0.2;
                case "thumb_pad" -> 0.1;
                default -> 0;
            };
            case THUMB -> switch (zone) {
                case "thumb_tip" -> 1.0;
                case "thumb_pad" -> 0.4;
                default -> 0;
            };
            case KNUCKLES -> switch (zone) {
                case "knuckles" -> 1.0;
                case "finger_mid" -> 0.15;
                default -> 0;
            };
            case FINGERTIPS -> switch (zone) {
                case "fingertip" -> 1.0;
                case "finger_mid" -> 0.35;
                default -> 0;
            };
        };
    }
}
