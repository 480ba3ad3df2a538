package io.tactus.session.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files  every file written, main file first
 * @param frames frames exported
 * @param bytes  total size of the files
 * @param warnings one line each: damage in the source, a rejected metadata descriptor...; empty when clean
 */
public record ExportResult(List<Path> files, long frames, long bytes, List<String> warnings) {

    public ExportResult(List<Path> files, long frames, long bytes) {
        this(files, frames, bytes, List.of());
    }

    public ExportResult withWarnings(List<String> w) {
        return new ExportResult(files, frames, bytes, List.copyOf(w));
    }
}
