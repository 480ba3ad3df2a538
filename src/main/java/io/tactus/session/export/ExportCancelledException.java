package io.tactus.session.export;

import java.util.concurrent.CancellationException;

/** The export was cancelled through its {@link CancelToken}; no output files are left behind. */
public final class ExportCancelledException extends CancellationException {

    public ExportCancelledException() {
        super("export cancelled");
    }
}
