/**
 * Text the signal core writes for people (feedback after a movement, flag messages): numbers formatted without
 * {@link java.util.Formatter}, which parses its pattern on every call and costs more than the tracking of a frame.
 */
package io.tactus.signal.text;
