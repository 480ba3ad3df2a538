/**
 * The contract of the signal core's stateful stages ({@link io.tactus.signal.state.Checkpointable}): what a
 * replay checkpoint captures and restores. Depends on nothing.
 */
package io.tactus.signal.state;
