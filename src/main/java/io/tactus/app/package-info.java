/**
 * The JavaFX desktop app: live trainee view, instructor replay, export and settings. The only package that imports JavaFX.
 */
package io.tactus.app;
