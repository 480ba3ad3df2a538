package io.tactus.fuzz;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.FrameClock;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.session.RecordingException;
import io.tactus.session.RecordingReader;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionAnalyzer;
import io.tactus.session.export.ExportFormat;
import io.tactus.session.export.ExportOptions;
import io.tactus.session.export.FileExport;
import io.tactus.session.export.ProgressListener;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The entry points under fuzz and how each judges its outcome (docs/RELIABILITY.md). */
final class Targets {

    private Targets() {
    }

    static List<FuzzTarget> all(Path work) throws Exception {
        List<Packet> dense = Seeds.packets("mistakes", false, 500);
        List<Packet> sparse = Seeds.packets("spine-contact", true, 500);
        byte[] recording = Seeds.recording(Seeds.packets("mistakes", true, 250), work);
        byte[] small = Seeds.recording(Seeds.packets("mistakes", true, 45), work);
        return List.of(new Wire(dense, sparse), new Text(dense), new Hello(), new Recording(recording, work),
                new Export(small, work));
    }

    /** A documented one-line error: a message, no line break, not a wrapped runtime exception. */
    static boolean oneLine(Exception e) {
        if (e.getMessage() == null || e.getMessage().contains("\n")) {
            return false;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RuntimeException || t instanceof Error) {
                return false; // a reader's defensive catch hiding a bug
            }
        }
        return true;
    }

    /** Protocol-v1 wire decoder + frame assembler on mutated captures. Packets carry CRC-32: none may be wrong. */
    static final class Wire implements FuzzTarget {
        private final byte[][] seeds;
        private final Set<String> valid = new HashSet<>();

        Wire(List<Packet> dense, List<Packet> sparse) throws IOException {
            seeds = new byte[][] {Seeds.capture(dense), Seeds.capture(sparse)};
            Stream.concat(dense.stream(), sparse.stream()).forEach(p -> valid.add(key(p)));
        }

        private static String key(Packet p) {
            return p.type() + " " + p.seq() + " " + p.deviceTimeUs() + " " + Arrays.hashCode(p.payload()) + " "
                    + p.payload().length;
        }

        @Override
        public String name() {
            return "wire decoder (PacketDecoder + FrameAssembler)";
        }

        @Override
        public Input nextInput(Random rnd) {
            return Input.damaged(Mutator.bytes(seeds[rnd.nextInt(seeds.length)], rnd));
        }

        @Override
        public Outcome run(Input in) {
            byte[] input = in.bytes();
            FrameAssembler assembler = new FrameAssembler(new FrameListener() {
            });
            boolean[] wrong = {false};
            PacketDecoder d = new PacketDecoder(p -> {
                wrong[0] |= !valid.contains(key(p));
                assembler.accept(new TimedPacket(p, 0));
            });
            d.feed(input, 0, input.length);
            if (wrong[0]) {
                return Outcome.SILENT_WRONG; // a packet that was never sent passed the CRC
            }
            return d.corruptTotal() > 0 || d.pendingBytes() > 0 || assembler.dropped() > 0
                    || assembler.badPayload() > 0 ? Outcome.REPORTED : Outcome.SAME;
        }
    }

    /** DIY text decoder on mutated text captures. Text has no checksum: a changed digit is another valid frame. */
    static final class Text implements FuzzTarget {
        private final byte[] seed;

        Text(List<Packet> packets) {
            seed = Seeds.text(packets);
        }

        @Override
        public String name() {
            return "DIY text decoder (AsciiFrameDecoder)";
        }

        @Override
        public Input nextInput(Random rnd) {
            return Input.damaged(Mutator.bytes(seed, rnd));
        }

        @Override
        public Outcome run(Input in) {
            byte[] input = in.bytes();
            FrameAssembler assembler = new FrameAssembler(new FrameListener() {
            });
            AsciiFrameDecoder d = new AsciiFrameDecoder(AsciiOptions.of(Seeds.ROWS, Seeds.COLS).withRateHz(50),
                    FrameClock.fixedRate(50), p -> assembler.accept(new TimedPacket(p, 0)));
            d.feed(input, 0, input.length);
            d.finish();
            return d.corruptTotal() > 0 ? Outcome.REPORTED : Outcome.OK;
        }
    }

    /** HELLO parser and validator on mutated descriptors: anything accepted must be usable. */
    static final class Hello implements FuzzTarget {
        private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        private static final String[] VALUES = {"0", "-1", "1", "65535", "65536", "2147483647", "-2147483648",
            "4294967296", "1e308", "-1e308", "1e-320", "NaN", "\"16\"", "null", "[]", "{}", "16.5", "300000", "true"};
        private final List<byte[]> seeds = Seeds.hellos();

        @Override
        public String name() {
            return "HELLO parser (DeviceDescriptor.parse)";
        }

        @Override
        public Input nextInput(Random rnd) {
            byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
            if (rnd.nextBoolean()) {
                return Input.damaged(Mutator.bytes(seed, rnd));
            }
            // Structure-aware: replace numbers with hostile values.
            String json = new String(seed, StandardCharsets.UTF_8);
            Matcher m = NUMBER.matcher(json);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, rnd.nextInt(4) == 0 ? VALUES[rnd.nextInt(VALUES.length)] : m.group());
            }
            m.appendTail(sb);
            return new Input(sb.toString().getBytes(StandardCharsets.UTF_8), true);
        }

        @Override
        public Outcome run(Input in) {
            byte[] input = in.bytes();
            DeviceDescriptor d;
            try {
                d = DeviceDescriptor.parse(input);
            } catch (DeviceDescriptor.DescriptorException e) {
                return oneLine(e) && e.getMessage().length() < 400 ? Outcome.REPORTED : Outcome.UNEXPECTED;
            }
            boolean usable = d.rows() > 0 && d.cols() > 0 && (long) d.rows() * d.cols() <= DeviceDescriptor.MAX_CELLS
                    && d.rateHz() > 0 && d.rateHz() <= 100_000 && d.adcBits() >= 1 && d.adcBits() <= 16;
            if (!usable) {
                return Outcome.SILENT_WRONG; // an unusable descriptor was accepted
            }
            new SignalPipeline(d); // an accepted descriptor must build a core
            return Outcome.OK;
        }
    }

    /** Recording reader, recovery and analysis: damage is reported or changes nothing. */
    static final class Recording implements FuzzTarget {
        private final byte[] seed;
        private final byte[] cut;
        private final List<Integer> offsets;
        private final Path file;
        private final String baseline;

        Recording(byte[] seed, Path work) throws Exception {
            this.seed = seed;
            this.offsets = Seeds.recordOffsets(seed);
            // The same recording as a crash leaves it: no index, no trailer.
            this.cut = Arrays.copyOf(seed, offsets.get(offsets.size() - 2));
            this.file = work.resolve("fuzz-recording.tactus");
            Files.write(file, seed);
            this.baseline = digest(analyze());
        }

        @Override
        public String name() {
            return "recording reader + recovery + analysis";
        }

        /** Mutations that a CRC can catch make a damaged input; {@code recrc} ones a hostile but valid one. */
        @Override
        public Input nextInput(Random rnd) {
            byte[] base = rnd.nextInt(4) == 0 ? cut : seed;
            return switch (rnd.nextInt(10)) {
                case 0, 1 -> Input.damaged(Mutator.lengthEdit(base,
                        base == seed ? offsets : offsets.subList(0, offsets.size() - 2), rnd));
                case 2 -> Input.damaged(Mutator.craftedHeaders(base, rnd));
                case 3 -> new Input(Mutator.recrc(seed, offsets, rnd), true);
                default -> Input.damaged(Mutator.bytes(base, rnd));
            };
        }

        @Override
        public Outcome run(Input in) throws Exception {
            byte[] input = in.bytes();
            Files.write(file, input);
            Result r;
            try {
                r = analyze();
            } catch (RecordingException | IOException e) {
                return oneLine(e) ? Outcome.REPORTED : Outcome.UNEXPECTED;
            }
            if (r.reported) {
                return Outcome.REPORTED;
            }
            if (digest(r).equals(baseline) || Arrays.equals(input, seed)) {
                return Outcome.SAME;
            }
            return in.crcValid() ? Outcome.OK : Outcome.SILENT_WRONG;
        }

        private record Result(SessionAnalysis analysis, boolean reported) {
        }

        private Result analyze() throws Exception {
            try (RecordingReader reader = RecordingReader.open(file)) {
                SessionAnalysis a = new SessionAnalyzer(SignalPipeline::new).analyze(reader);
                boolean reported = !a.integrity().clean() || !a.warnings(reader).isEmpty()
                        || a.stream().droppedPackets() > 0 || a.integrity().indexRebuilt();
                return new Result(a, reported);
            }
        }

        private static String digest(Result r) {
            SessionAnalysis a = r.analysis;
            StringBuilder sb = new StringBuilder().append(a.metrics().frames()).append('|')
                    .append(a.markers().size()).append('|').append(a.metrics().peakForceN());
            for (FlagEvent e : a.events()) {
                sb.append('|').append(e.type()).append(e.startUs()).append(e.endUs()).append(e.region());
            }
            return sb.toString();
        }
    }

    /** Exporters on hostile metadata (the METADATA record rewritten with a valid CRC) and on damaged files. */
    static final class Export implements FuzzTarget {
        private static final Pattern NUMBER = Pattern.compile("(?<=\"(rows|cols|rate_hz|adc_bits|protocol)\":)-?\\d+(\\.\\d+)?");
        private static final String[] VALUES = {"0", "-1", "65535", "30000", "1", "32768", "32769", "256",
            "2147483647", "1e9", "0.0001"};
        private static final long MAX_OUTPUT = 64L << 20;
        private final byte[] seed;
        private final List<Integer> offsets;
        private final Path file;
        private final Path out;
        private final ExportFormat[] formats = ExportFormat.values();
        private int next;

        Export(byte[] seed, Path work) throws IOException {
            this.seed = seed;
            this.offsets = Seeds.recordOffsets(seed);
            this.file = work.resolve("fuzz-export.tactus");
            this.out = Files.createDirectories(work.resolve("fuzz-export-out"));
        }

        @Override
        public String name() {
            return "exporters (csv, mat, hdf5, asf) on hostile metadata";
        }

        @Override
        public Input nextInput(Random rnd) {
            if (rnd.nextInt(5) == 0) {
                return new Input(Mutator.recrc(seed, offsets.subList(0, 1), rnd), true); // metadata bytes, CRC fixed
            }
            // The metadata record rewritten with hostile device numbers, CRC fixed.
            int len = java.nio.ByteBuffer.wrap(seed, 20, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            String json = new String(seed, 24, len, StandardCharsets.UTF_8);
            Matcher m = NUMBER.matcher(json);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, rnd.nextInt(3) == 0 ? VALUES[rnd.nextInt(VALUES.length)] : m.group());
            }
            m.appendTail(sb);
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            java.nio.ByteBuffer rec = java.nio.ByteBuffer.allocate(12 + body.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            rec.put(seed, 16, 4).putInt(body.length).put(body);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(rec.array(), 0, 8 + body.length);
            rec.putInt((int) crc.getValue());
            byte[] b = new byte[16 + rec.capacity() + seed.length - (28 + len)];
            System.arraycopy(seed, 0, b, 0, 16);
            System.arraycopy(rec.array(), 0, b, 16, rec.capacity());
            System.arraycopy(seed, 28 + len, b, 16 + rec.capacity(), seed.length - 28 - len);
            return new Input(b, true);
        }

        @Override
        public Outcome run(Input in) throws Exception {
            byte[] input = in.bytes();
            Files.write(file, input);
            ExportFormat f = formats[next++ % formats.length];
            try {
                var r = FileExport.export(file, f, out, "x", null, new ExportOptions(false, false, Duration.ZERO, false),
                        ProgressListener.NONE, null);
                long bytes = 0;
                for (Path p : r.files()) {
                    bytes += Files.size(p);
                }
                if (bytes > MAX_OUTPUT) {
                    return Outcome.UNEXPECTED; // a hostile header must never size a huge output
                }
                return r.warnings().isEmpty() ? Outcome.OK : Outcome.REPORTED;
            } catch (IOException e) {
                return oneLine(e) ? Outcome.REPORTED : Outcome.UNEXPECTED;
            } finally {
                try (Stream<Path> left = Files.list(out)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
