package io.tactus.session.export;

import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.protocol.PacketType;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionAnalyzer;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A raw wire capture (the protocol bytes a device sent, e.g. {@code cat /dev/ttyACM0 > capture.bin}) as an
 * export source, timed by the packets' device time; every pass decodes it and runs it through a fresh core
 * ({@link SessionAnalyzer#analyzeCapture}). Opening only reads up to the first valid HELLO (the descriptor), so
 * every full pass runs under the exporter's progress and cancellation. Captures carry no wall-clock start.
 */
public final class CaptureExportSource implements ExportSource {

    /** Frame packet overhead on the wire besides 2 bytes per cell (header, CRC, COBS, delimiter), roughly. */
    private static final int FRAME_OVERHEAD_BYTES = 16;

    private final Path file;
    private final SessionAnalyzer analyzer;
    private final DeviceDescriptor initial;
    /** DIY text capture layout (frames timed at its rate), or null for protocol-v1 bytes. */
    private final AsciiOptions text;
    private final ExportMetadata metadata;
    private final long estimate;
    private List<FlagEvent> events = List.of();

    private CaptureExportSource(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines,
                                DeviceDescriptor initial, AsciiOptions text) throws IOException {
        this.file = file;
        this.analyzer = new SessionAnalyzer(pipelines).sharingFrameCells(); // see ExportSource#forEachFrame
        this.initial = initial;
        this.text = text;
        if (text != null) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file: " + file);
            }
            DeviceDescriptor d = text.descriptor(text.rateHz());
            this.metadata = new ExportMetadata(d, null, null, null, null, null, null, file.getFileName().toString());
            // "65535," per cell at most, usually far less: a rough guess for the progress bar only.
            this.estimate = Math.max(1, Files.size(file) / (text.cellCount() * 3L));
            return;
        }
        DeviceDescriptor d = firstHello(file);
        if (d == null) {
            d = initial;
        }
        if (d == null) {
            throw new IOException(file.getFileName() + ": no device description (HELLO) in the capture: not a "
                    + "Tactus protocol capture, or started after the device said HELLO (give --layout RxC [--rate HZ])");
        }
        this.metadata = new ExportMetadata(d, null, null, null, null, null, null, file.getFileName().toString());
        this.estimate = Files.size(file) / (d.cellCount() * 2L + FRAME_OVERHEAD_BYTES);
    }

    /** @param initial descriptor to assume when the capture has no HELLO (may be null) */
    public static CaptureExportSource open(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines,
                                           DeviceDescriptor initial) throws IOException {
        return new CaptureExportSource(file, pipelines, initial, null);
    }

    /**
     * A capture of a DIY text grid (PROTOCOL.md, "DIY line mode"), timed at {@code text.rateHz()} (text carries no
     * clock; {@link AsciiFrameDecoder#FALLBACK_RATE_HZ} when left to estimation).
     */
    public static CaptureExportSource openText(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines,
                                               AsciiOptions text) throws IOException {
        AsciiOptions timed = text.rateHz() > 0 ? text : text.withRateHz(AsciiFrameDecoder.FALLBACK_RATE_HZ);
        return new CaptureExportSource(file, pipelines, null, timed);
    }

    @Override
    public ExportMetadata metadata() {
        return metadata;
    }

    @Override
    public void forEachFrame(Consumer<FrameSnapshot> consumer) throws IOException {
        SessionAnalysis a = text != null ? analyzer.analyzeTextCapture(file, text, consumer)
                : analyzer.analyzeCapture(file, initial, consumer);
        events = a.events();
    }

    @Override
    public List<FlagEvent> events() {
        return events;
    }

    @Override
    public List<ExportAnnotation> annotations() {
        return List.of();
    }

    /** From the file size: dense frames dominate a capture. For the progress bar only. */
    @Override
    public OptionalLong estimatedFrameCount() {
        return OptionalLong.of(estimate);
    }

    /** Decodes until the first HELLO that parses; stops reading there. */
    private static DeviceDescriptor firstHello(Path file) throws IOException {
        DeviceDescriptor[] found = {null};
        PacketDecoder decoder = new PacketDecoder(new PacketDecoder.Sink() {
            @Override
            public void onPacket(Packet p) {
                if (found[0] == null && p.type() == PacketType.HELLO) {
                    try {
                        found[0] = DeviceDescriptor.parse(p.payload());
                    } catch (DeviceDescriptor.DescriptorException e) {
                        // a damaged HELLO: keep looking
                    }
                }
            }
        });
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while (found[0] == null && (n = in.read(buf)) > 0) {
                decoder.feed(buf, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        }
        return found[0];
    }
}
