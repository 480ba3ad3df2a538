package io.tactus.session.export;

/** Lets another thread stop an export. The exporter checks it between frames and deletes its partial files. */
public final class CancelToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws ExportCancelledException if cancelled */
    public void check() {
        if (cancelled) {
            throw new ExportCancelledException();
        }
    }
}
