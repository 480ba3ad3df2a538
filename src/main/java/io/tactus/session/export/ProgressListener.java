package io.tactus.session.export;

/**
 * Receives progress from the exporting thread, at most every few thousand frames plus once at the end of each
 * phase. Must return quickly; a UI hops to its own thread itself.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(ExportProgress progress);
}
