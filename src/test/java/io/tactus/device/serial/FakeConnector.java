package io.tactus.device.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Ports that appear and vanish on command, for testing the reconnect rules without hardware. */
final class FakeConnector implements SerialConnector {

    /** One plugged-in device. Bytes pushed into {@link #toHost} come out of the source's reads. */
    static final class Device {
        final PortInfo info;
        final BlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
        final List<byte[]> fromHost = new CopyOnWriteArrayList<>();
        volatile boolean gone;
        /** Writes block until the channel is closed, like a Linux write to a device that stopped reading. */
        volatile boolean writesBlock;

        Device(PortInfo info) {
            this.info = info;
        }
    }

    final Map<String, Device> plugged = new ConcurrentHashMap<>();
    final List<String> opened = new CopyOnWriteArrayList<>();
    volatile PortException failure;

    static PortInfo usb(String path, int vid, int pid, String serial) {
        return new PortInfo(path, "Fake USB", "Fake", vid, pid, serial, "1-1");
    }

    Device plug(PortInfo info) {
        Device d = new Device(info);
        plugged.put(info.path(), d);
        return d;
    }

    void unplug(String path) {
        Device d = plugged.remove(path);
        if (d != null) {
            d.gone = true;
        }
    }

    @Override
    public SerialChannel open(String path) throws PortException {
        if (failure != null) {
            throw failure;
        }
        Device d = plugged.get(path);
        if (d == null) {
            throw new PortException(PortException.Reason.NOT_FOUND, path + ": no such serial port");
        }
        opened.add(path);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        return new SerialChannel() {
            @Override
            public String systemPath() {
                return path;
            }

            @Override
            public int read(byte[] buf) {
                if (d.gone) {
                    return -1;
                }
                try {
                    byte[] chunk = d.toHost.poll(20, TimeUnit.MILLISECONDS);
                    if (chunk == null) {
                        return d.gone ? -1 : 0;
                    }
                    System.arraycopy(chunk, 0, buf, 0, chunk.length);
                    return chunk.length;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }

            @Override
            public int write(byte[] buf, int len) {
                if (d.writesBlock) {
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return -1;
                }
                if (d.gone) {
                    return 0;
                }
                d.fromHost.add(java.util.Arrays.copyOf(buf, len));
                return len;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }

    @Override
    public List<PortInfo> ports() {
        List<PortInfo> l = new ArrayList<>();
        plugged.values().forEach(d -> l.add(d.info));
        return l;
    }
}
