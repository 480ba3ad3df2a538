package io.tactus.session.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files  every file written, main file first
 * @param frames frames exported
 * @param bytes  total size of the files
 */
public record ExportResult(List<Path> files, long frames, long bytes) {
}
