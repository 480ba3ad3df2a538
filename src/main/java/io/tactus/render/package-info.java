/**
 * Headless drawing shared by the app and the reports: colour scales, the heatmap raster, the back illustration.
 * Pure Java (no JavaFX), so reports render on a server. Layer: above {@code signal}, below {@code report} and
 * {@code app}.
 */
package io.tactus.render;
