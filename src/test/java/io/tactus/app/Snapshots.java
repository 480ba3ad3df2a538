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

    public static void write(Scene scene, Path png) throws IOException {
        WritableImage img = scene.snapshot(null);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
    }
}
