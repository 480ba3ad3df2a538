package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.FrameSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProgressAndCancelTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void progressIsMonotoneAndEndsAtOne(ExportFormat format) throws IOException {
        SyntheticExportSource src = SyntheticExportSource.small(8, 8, 5000);
        List<ExportProgress> seen = new ArrayList<>();
        ExportResult r = format.newExporter().export(src, dir, "p", ExportOptions.DEFAULT, seen::add, null);

        assertTrue(seen.size() >= 3, "several reports for 5000 frames");
        double last = -1;
        for (ExportProgress p : seen) {
            assertTrue(p.fraction() >= last && p.fraction() <= 1.0, "monotone in [0,1]: " + p);
            last = p.fraction();
        }
        ExportProgress end = seen.get(seen.size() - 1);
        assertEquals(1.0, end.fraction());
        assertEquals(5000, end.framesDone());
        assertTrue(seen.stream().anyMatch(p -> "write".equals(p.phase()) && p.framesDone() > 0
                && p.framesDone() < 5000 && p.fraction() > 0.2 && p.fraction() < 0.95),
                "intermediate frame counts and fractions are reported: " + seen);
        assertTrue(r.bytes() > 0);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void cancellingStopsAndLeavesNoFiles(ExportFormat format) throws IOException {
        SyntheticExportSource src = SyntheticExportSource.small(8, 8, 20_000);
        CancelToken cancel = new CancelToken();
        ProgressListener cancelMidWrite = p -> {
            if ("write".equals(p.phase()) && p.framesDone() >= 4096) {
                cancel.cancel();
            }
        };
        assertThrows(ExportCancelledException.class,
                () -> format.newExporter().export(src, dir, "c", ExportOptions.DEFAULT, cancelMidWrite, cancel));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "partial and scratch files are removed");
        }
    }

    @Test
    void aFailingSourceGivesItsMessageAndLeavesNoFiles() {
        ExportSource broken = new ExportSource() {
            private final SyntheticExportSource inner = SyntheticExportSource.small(4, 4, 100);

            @Override
            public ExportMetadata metadata() {
                return inner.metadata();
            }

            @Override
            public void forEachFrame(Consumer<FrameSnapshot> consumer) throws IOException {
                int[] n = {0};
                inner.forEachFrame(f -> {
                    if (n[0]++ == 50) {
                        throw new java.io.UncheckedIOException(new IOException("recording is cut at 0.5 s"));
                    }
                    consumer.accept(f);
                });
            }

            @Override
            public List<io.tactus.signal.flags.FlagEvent> events() {
                return List.of();
            }

            @Override
            public List<ExportAnnotation> annotations() {
                return List.of();
            }
        };
        for (ExportFormat f : ExportFormat.values()) {
            IOException e = assertThrows(IOException.class,
                    () -> f.newExporter().export(broken, dir, "b", ExportOptions.DEFAULT, null, null));
            assertEquals("recording is cut at 0.5 s", e.getMessage(), f.id());
        }
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void aSourceThatChangesBetweenPassesIsRejected() {
        SyntheticExportSource inner = SyntheticExportSource.small(4, 4, 100);
        ExportSource lying = new SyntheticLying(inner);
        IOException e = assertThrows(IOException.class,
                () -> new MatExporter().export(lying, dir, "l", ExportOptions.DEFAULT, null, null));
        assertTrue(e.getMessage().contains("expected 100"), e.getMessage());
    }

    @Test
    void anEmptySessionIsAClearError() {
        SyntheticExportSource base = SyntheticExportSource.small(4, 4, 1);
        SyntheticExportSource empty = new SyntheticExportSource(base.metadata(), 0, List.of(), List.of(), false);
        for (ExportFormat f : ExportFormat.values()) {
            IOException e = assertThrows(IOException.class,
                    () -> f.newExporter().export(empty, dir, "e", ExportOptions.DEFAULT, null, null));
            assertEquals("the session has no frames to export", e.getMessage());
        }
    }

    /** Announces 100 frames but delivers 99. */
    private record SyntheticLying(SyntheticExportSource inner) implements ExportSource {
        @Override
        public ExportMetadata metadata() {
            return inner.metadata();
        }

        @Override
        public void forEachFrame(Consumer<FrameSnapshot> consumer) {
            int[] n = {0};
            inner.forEachFrame(f -> {
                if (n[0]++ < 99) {
                    consumer.accept(f);
                }
            });
        }

        @Override
        public List<io.tactus.signal.flags.FlagEvent> events() {
            return List.of();
        }

        @Override
        public List<ExportAnnotation> annotations() {
            return List.of();
        }

        @Override
        public OptionalLong knownFrameCount() {
            return OptionalLong.of(100);
        }
    }
}
