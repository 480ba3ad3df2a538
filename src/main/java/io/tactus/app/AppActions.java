package io.tactus.app;

/**
 * What the window's menus, toolbars and keys can do, as plain actions (the controller supplies them), so the
 * three are built from one list and stay in step.
 */
public record AppActions(Runnable pickDevice, Runnable disconnect, Runnable toggleRecording, Runnable toggleMute,
                         Runnable tare, Runnable calibrate, Runnable traceTheSpine, Runnable chooseRecording,
                         Runnable chooseCompare, Runnable closeCompare, Runnable export, Runnable report,
                         Runnable editSettings, Runnable about, Runnable shortcuts, Runnable quit) {
}
