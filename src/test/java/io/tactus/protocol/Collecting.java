package io.tactus.protocol;

import java.util.ArrayList;
import java.util.List;

/** A decoder sink that remembers everything, for tests. */
final class Collecting implements PacketDecoder.Sink {
    final List<Packet> packets = new ArrayList<>();
    final List<Corruption> corrupt = new ArrayList<>();

    @Override
    public void onPacket(Packet packet) {
        packets.add(packet);
    }

    @Override
    public void onCorrupt(Corruption kind, int bytes) {
        corrupt.add(kind);
    }
}
