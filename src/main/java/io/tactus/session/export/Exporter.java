package io.tactus.session.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a session in one format. Streams: memory stays bounded whatever the session length. Files appear
 * atomically: they are written under temporary names and renamed at the end, so a failed or cancelled export
 * leaves nothing behind and never overwrites an existing file half-way.
 */
public interface Exporter {

    ExportFormat format();

    /**
     * @param outDir   existing or creatable directory
     * @param baseName file name stem (no directory, no extension)
     * @throws IOException               with a one-line user-readable message
     * @throws ExportCancelledException  when {@code cancel} was triggered
     */
    ExportResult export(ExportSource source, Path outDir, String baseName, ExportOptions options,
                        ProgressListener progress, CancelToken cancel) throws IOException;
}
