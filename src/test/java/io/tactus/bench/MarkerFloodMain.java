package io.tactus.bench;

import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a protocol-v1 capture of the spine-contact scenario with a 65 kB marker after every third frame (2,500
 * markers by default), for `java -Xmx128m -jar target/tactus.jar analyze FILE` (issue 8: marker texts were kept
 * without bound). Usage: MarkerFloodMain OUT [markers] [bytesPerMarker].
 */
public final class MarkerFloodMain {

    private MarkerFloodMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int markers = args.length > 1 ? Integer.parseInt(args[1]) : 2500;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 65_000;
        String text = "m".repeat(size);
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults().withSparse(true));
        int written = 0;
        int n = 0;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            Packet p;
            while ((p = s.next()) != null) {
                o.write(PacketEncoder.encode(p));
                if (p.type() == PacketType.FRAME_SPARSE && ++n % 3 == 0 && written < markers) {
                    o.write(PacketEncoder.encode(new Packet(PacketType.MARKER, p.seq(), p.deviceTimeUs(),
                            Payloads.marker(Payloads.Marker.BUTTON, text))));
                    written++;
                }
            }
        }
        System.out.println(out + ": " + written + " markers of " + size + " bytes, " + Files.size(out) / 1_000_000 + " MB");
    }
}
