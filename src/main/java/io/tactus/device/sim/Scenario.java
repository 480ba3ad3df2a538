package io.tactus.device.sim;

/**
 * A named simulated session: what device it runs on and what the hands do.
 *
 * @param glove true for the glove layout (taxels + POSE), false for the mat
 */
public record Scenario(String name, String description, boolean glove, Script script) {
}
