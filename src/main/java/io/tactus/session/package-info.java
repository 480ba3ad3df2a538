/**
 * Sessions: live wiring of source, core and recorder; the recording format, replay, analysis and export. No JavaFX.
 */
package io.tactus.session;
