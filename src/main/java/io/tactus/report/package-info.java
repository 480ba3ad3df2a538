/**
 * Session reports for someone who was not there: summary scores, "what to work on next", maps and charts,
 * rendered headless (no JavaFX) to self-contained HTML and PDF. Layer: above {@code session}, below
 * {@code library}, {@code app} and {@code cli}.
 */
package io.tactus.report;
