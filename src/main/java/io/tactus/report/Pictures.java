package io.tactus.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/** Turns figures into markup for a report: inline SVG, or a PNG data URI at twice the size (crisp in a PDF). */
public enum Pictures {
    SVG, PNG;

    /** Markup for one figure (self-contained: no external file or network). */
    public String markup(Figure f) {
        return this == SVG ? svg(f) : png(f);
    }

    static String svg(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        hints(g);
        f.paint(g);
        String el = g.getSVGElement();
        // role + title so the inline SVG is announced like an image
        return el.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + escape(f.description()) + "\" ");
    }

    static String png(Figure f) {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(pngBytes(f, 2))
                + "\" width=\"" + f.width() + "\" height=\"" + f.height() + "\" alt=\"" + escape(f.description())
                + "\"/>";
    }

    /** The figure as PNG bytes at {@code scale} times its size. */
    public static byte[] pngBytes(Figure f, int scale) {
        BufferedImage img = new BufferedImage(f.width() * scale, f.height() * scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.scale(scale, scale);
            f.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: cannot happen
        }
        return out.toByteArray();
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
