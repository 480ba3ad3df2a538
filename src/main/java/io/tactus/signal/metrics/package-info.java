/** Per-session metrics: the accumulator the pipeline feeds, the summary it produces, per-region values. */
package io.tactus.signal.metrics;
