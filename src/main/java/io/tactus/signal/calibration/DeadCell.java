package io.tactus.signal.calibration;

/**
 * A cell excluded from measurement; its value is filled from its live neighbours.
 *
 * @param reason "reads 0", "saturated", "stuck at N", "noisy (sigma N counts)"
 */
public record DeadCell(int index, int row, int col, String reason) {
}
