/**
 * The headless command line (picocli): ports, monitor, simulate, record, info, analyze, export.
 */
package io.tactus.cli;
