package io.tactus.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatmapRasterTest {

    @Test
    void sizesToAbout512PixelsWhateverTheGrid() {
        assertEquals(512, new HeatmapRaster(32, 32).width());
        assertEquals(512, new HeatmapRaster(64, 64).width());
        HeatmapRaster r = new HeatmapRaster(16, 48);
        assertEquals(10, r.scale());
        assertEquals(480, r.width());
        assertEquals(160, r.height());
    }

    @Test
    void nearestFillsEachCellWithItsColour() {
        HeatmapRaster r = new HeatmapRaster(2, 2, 4);
        float[] kpa = {0, 100, 200, 50};
        r.render(kpa, 200, ColorMap.VIRIDIS, Interpolation.NEAREST);
        int[] lut = ColorMap.VIRIDIS.lut();
        assertEquals(lut[0], r.pixels()[0]);
        assertEquals(lut[127], r.pixels()[4 + 3]);         // row 0, cell 1
        assertEquals(lut[255], r.pixels()[4 * 8]);         // row 4 (cell row 1), cell 0
        assertEquals(lut[63], r.pixels()[7 * 8 + 7]);      // last pixel, cell (1,1)
    }

    @Test
    void bilinearBlendsPressureNotColours() {
        HeatmapRaster r = new HeatmapRaster(1, 2, 8);
        r.render(new float[] {0, 200}, 200, ColorMap.GREY, Interpolation.BILINEAR);
        int[] px = r.pixels();
        // pixel 8 sits right of the midpoint between the cell centres: a grey between black and white
        int mid = px[8] & 0xFF;
        assertTrue(mid > (ColorMap.GREY.lut()[0] & 0xFF) && mid < (ColorMap.GREY.lut()[255] & 0xFF), "mid " + mid);
        // monotone from left to right
        for (int i = 1; i < 16; i++) {
            assertTrue((px[i] & 0xFF) >= (px[i - 1] & 0xFF));
        }
        // the outer half-cells are clamped to the cell's own value
        assertEquals(ColorMap.GREY.lut()[0], px[0]);
        assertEquals(ColorMap.GREY.lut()[255], px[15]);
    }

    @Test
    void valuesAboveTheScaleAndNaNAreClamped() {
        HeatmapRaster r = new HeatmapRaster(1, 2, 1);
        r.render(new float[] {Float.NaN, 1e9f}, 100, ColorMap.VIRIDIS, Interpolation.NEAREST);
        assertEquals(ColorMap.VIRIDIS.lut()[0], r.pixels()[0]);
        assertEquals(ColorMap.VIRIDIS.lut()[255], r.pixels()[1]);
    }

    @Test
    void rejectsAFrameOfTheWrongSize() {
        HeatmapRaster r = new HeatmapRaster(4, 4);
        assertThrows(IllegalArgumentException.class,
                () -> r.render(new float[15], 100, ColorMap.VIRIDIS, Interpolation.BILINEAR));
    }

    @Test
    void colourMapsRiseInLightnessAndAvoidRed() {
        for (ColorMap m : ColorMap.values()) {
            int[] lut = m.lut();
            assertEquals(256, lut.length);
            assertTrue(luma(lut[255]) > luma(lut[0]) + 100, m + " gets lighter");
            assertNotEquals(lut[0], lut[255]);
        }
        // viridis: starts dark purple, ends yellow (matplotlib's end points, within rounding)
        int first = ColorMap.VIRIDIS.lut()[0];
        int last = ColorMap.VIRIDIS.lut()[255];
        assertTrue(Math.abs(((first >> 16) & 0xFF) - 68) <= 4 && Math.abs((first & 0xFF) - 84) <= 4);
        assertTrue(Math.abs(((last >> 16) & 0xFF) - 253) <= 4 && Math.abs(((last >> 8) & 0xFF) - 231) <= 4);
    }

    private static double luma(int argb) {
        return 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
    }
}
