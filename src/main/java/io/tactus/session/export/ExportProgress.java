package io.tactus.session.export;

/**
 * A progress report.
 *
 * @param phase       what is running: "scan" (a counting pass), "layout" (HDF5 structure), "write" (the data
 *                    pass), "finish"
 * @param framesDone  frames handled in this phase
 * @param framesTotal frames expected in this phase (exact, or the source's estimate), or -1 when unknown
 * @param fraction    overall progress 0..1 across all phases (monotone)
 */
public record ExportProgress(String phase, long framesDone, long framesTotal, double fraction) {
}
