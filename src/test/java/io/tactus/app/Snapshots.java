package io.tactus.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene to PNG (for docs/img and for looking at what the tests saw). Call on the FX thread. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * The most saturated pixel of {@code n} as drawn: max(r, g, b) - min(r, g, b), 0..1 (0: all grey). Tests of the
     * "no data" look use it: a greyed drawing has nothing in colour left.
     */
    public static double maxChroma(javafx.scene.Node n) {
        WritableImage img = n.snapshot(null, null);
        double most = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                int c = img.getPixelReader().getArgb(x, y);
                int r = (c >> 16) & 0xff;
                int g = (c >> 8) & 0xff;
                int b = c & 0xff;
                most = Math.max(most, (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))) / 255.0);
            }
        }
        return most;
    }

    public static void write(Scene scene, Path png) throws IOException {
        WritableImage img = scene.snapshot(null);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
    }
}
