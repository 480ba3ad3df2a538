/**
 * Live flags (spine, bone, excess pressure): detectors with their debounce, flag events and listeners,
 * pressure bands, profiles, personal ceilings and the offer to raise one. Plain Java, no JavaFX.
 */
package io.tactus.signal.flags;
