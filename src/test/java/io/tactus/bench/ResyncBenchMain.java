package io.tactus.bench;

import io.tactus.session.RecordType;
import io.tactus.session.RecordingBytes;
import io.tactus.session.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Resynchronisation cost on a crafted tail (issue 8): a recording whose middle is N MB of back-to-back plausible
 * record headers (each claiming a ~1 MiB body whose CRC fails), then valid records. Times opening the file (a
 * verifying scan, since it has no trailer) plus one full cursor pass, median of 5, next to a reference: one CRC-32
 * over the same bytes. Usage: bench/resync.sh [MB...] (default 1 4 16).
 */
public final class ResyncBenchMain {

    private ResyncBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1, 4, 16} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("resync");
        System.out.println("| crafted tail | file | open + full pass (median of 5) | MB/s | reference: CRC-32 of the file |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int mb : sizes) {
            byte[] header = {(byte) 0xA5, (byte) RecordType.ANNOTATION.code(), 0, 0, (byte) 0xF0, (byte) 0xFF, 0x0F, 0};
            byte[] crafted = new byte[mb << 20];
            for (int i = 0; i + header.length <= crafted.length; i += header.length) {
                System.arraycopy(header, 0, crafted, i, header.length);
            }
            byte[] file = RecordingBytes.grid4x4(200).raw(crafted).record(RecordType.ANNOTATION,
                    "{\"id\":\"a\",\"device_time_us\":1,\"text\":\"after\"}".getBytes()).bytes();
            Path f = dir.resolve("crafted-" + mb + ".tactus");
            Files.write(f, file);
            double[] t = new double[5];
            double[] ref = new double[5];
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                try (RecordingReader r = RecordingReader.open(f)) {
                    RecordingReader.Cursor c = r.cursor();
                    while (c.next() != null) {
                        // the pass resynchronises over the crafted bytes a second time
                    }
                    if (r.annotations().size() != 1 || c.integrity().damagedRegions() != 1) {
                        throw new IllegalStateException("the record after the crafted tail was not recovered");
                    }
                }
                t[run] = (System.nanoTime() - t0) / 1e9;
                long r0 = System.nanoTime();
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(f));
                ref[run] = (System.nanoTime() - r0) / 1e9;
            }
            Arrays.sort(t);
            Arrays.sort(ref);
            System.out.printf(Locale.ROOT, "| %d MB | %.1f MB | %.3f s | %.0f | %.3f s |%n", mb, file.length / 1e6,
                    t[2], 2 * mb / t[2], ref[2]);
            Files.delete(f);
        }
        Files.delete(dir);
    }
}
