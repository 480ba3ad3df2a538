/** Per-user files under the Tactus home ({@link io.tactus.signal.store.TactusHome}): calibrations and personal limits. */
package io.tactus.signal.store;
