package io.tactus.device;

/**
 * One frame of raw ADC counts, in the device's cell order (row-major; row 0 = head end, column 0 = the
 * receiver's left). For a glove, cell i is taxel i.
 *
 * @param index        unwrapped sequence number of the packet that carried the frame
 * @param deviceTimeUs unwrapped device clock (microseconds, monotonic across 32-bit wraps)
 * @param hostNanos    host receive time, {@link System#nanoTime()} at the reader
 * @param counts       raw counts, length = descriptor cell count; owned by this frame, do not modify; null from an
 *                     assembler that only checks frames ({@link FrameAssembler#headersOnly()})
 */
public record RawFrame(long index, long deviceTimeUs, long hostNanos, int[] counts) {
}
