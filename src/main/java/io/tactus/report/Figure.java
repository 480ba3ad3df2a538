package io.tactus.report;

import java.awt.Graphics2D;

/**
 * A drawing in java.awt terms, rendered either to SVG (HTML reports: vector, scales crisply) or to a PNG (PDF
 * reports, whose renderer takes images). Sizes are CSS pixels.
 */
public interface Figure {

    int width();

    int height();

    /** A one-line description for screen readers and the {@code alt} text. */
    String description();

    /** Draws the figure at 1:1 into g (the caller may have scaled g). */
    void paint(Graphics2D g);
}
