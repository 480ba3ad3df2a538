/**
 * The session library (an embedded DuckDB database indexing recordings in chosen folders), trainee progress and
 * cohort tables for researchers. Headless. Layer: above {@code report}, below {@code app} and {@code cli}.
 */
package io.tactus.library;
