package io.tactus.device.serial;

import io.tactus.Await;
import io.tactus.device.PacketSink;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps everything a source delivers, for assertions. */
final class RecordingSink implements PacketSink {

    final BlockingQueue<TimedPacket> packets = new LinkedBlockingQueue<>();
    final List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
    final List<Corruption> corrupt = new CopyOnWriteArrayList<>();

    @Override
    public void onPacket(TimedPacket packet) {
        packets.add(packet);
    }

    @Override
    public void onCorrupt(Corruption kind, int bytes) {
        corrupt.add(kind);
    }

    @Override
    public void onStatus(SourceStatus status) {
        statuses.add(status);
    }

    /** The next packet; the deadline (Await.DEADLINE_S) only guards against a hang. */
    TimedPacket take() throws InterruptedException {
        TimedPacket p = packets.poll(Await.DEADLINE_S, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("no packet within " + Await.DEADLINE_S + " s; statuses " + statuses);
        }
        return p;
    }

    long count(SourceState state) {
        return statuses.stream().filter(s -> s.state() == state).count();
    }

    /** Waits until {@code state} has been reported {@code times} times in total. */
    void awaitState(SourceState state, long times) throws InterruptedException {
        Await.until(state + " reported " + times + " times", () -> count(state) >= times, statuses::toString);
    }
}
