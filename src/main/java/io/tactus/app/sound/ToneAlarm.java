package io.tactus.app.sound;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Generated alert tones through javax.sound.sampled on a daemon thread of its own (opening a line can take tens
 * of milliseconds and must never hold up the FX thread). The line is opened once and kept. Spine: three fast
 * high beeps; bone: two; excess pressure: one long lower tone; marker: a soft blip. If no audio device can be
 * opened the alarm reports "sound unavailable" and does nothing else.
 */
public final class ToneAlarm implements AlertSound {

    private static final System.Logger LOG = System.getLogger(ToneAlarm.class.getName());
    private static final float RATE = 44_100f;

    /** A Kind or a Prompt. */
    private final BlockingQueue<Object> requests = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile boolean available;
    private volatile String state = "sound: starting";
    private volatile boolean closed;
    private SourceDataLine line;

    public ToneAlarm() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, (int) (RATE * 2 * 0.1));
            line.start();
            available = true;
            state = "sound on";
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            available = false;
            state = "sound unavailable (no audio device)";
            LOG.log(System.Logger.Level.INFO, "no audio output: " + e.getMessage());
        }
        thread = new Thread(this::loop, "tactus-alert-sound");
        thread.setDaemon(true);
        if (available) {
            thread.start();
        }
    }

    @Override
    public void play(Kind kind) {
        if (available) {
            requests.offer(kind); // full queue: an alert is already sounding, dropping a repeat is fine
        }
    }

    @Override
    public void speak(Prompt prompt) {
        if (available) {
            requests.offer(prompt);
        }
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public String describe() {
        return state;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void loop() {
        try {
            while (!closed) {
                Object r = requests.take();
                byte[] pcm = r instanceof Kind k ? tone(k) : clips(((Prompt) r).clips());
                if (pcm != null) {
                    line.write(pcm, 0, pcm.length);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            available = false;
            state = "sound unavailable (" + e.getMessage() + ")";
        } finally {
            line.close();
        }
    }

    /** 16-bit little-endian mono PCM for the alert pattern. Package-private for tests. */
    static byte[] tone(Kind kind) {
        return switch (kind) {
            case SPINE -> pattern(1760, 0.09, 0.05, 3, 0.9);
            case BONE -> pattern(1320, 0.12, 0.06, 2, 0.8);
            case EXCESS -> pattern(880, 0.35, 0.0, 1, 0.7);
            case MARKER -> pattern(660, 0.06, 0.0, 1, 0.4);
            // coaching cues: soft and short, clearly not alarms
            case TICK -> pattern(2400, 0.015, 0.0, 1, 0.25);
            case CHIME -> concat(pattern(1047, 0.12, 0.0, 1, 0.35), pattern(1568, 0.25, 0.0, 1, 0.35));
            case MISS -> pattern(330, 0.09, 0.07, 2, 0.4);
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The clips one after another (missing ones skipped); null when none is there. Package-private for tests. */
    static byte[] clips(java.util.List<String> ids) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String id : ids) {
            byte[] c = clip(id);
            if (c != null) {
                out.writeBytes(c);
            }
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    /**
     * A bundled prompt as 16-bit 44.1 kHz PCM (the line's format): the clips are 8-bit 11025 Hz WAV, upsampled
     * 4x linearly. Null when there is no such clip. Package-private for tests.
     */
    static byte[] clip(String id) {
        try (java.io.InputStream raw = ToneAlarm.class.getResourceAsStream("prompts/" + id + ".wav")) {
            if (raw == null) {
                return null;
            }
            javax.sound.sampled.AudioInputStream in = AudioSystem.getAudioInputStream(
                    new java.io.BufferedInputStream(raw));
            byte[] b = in.readAllBytes();
            int up = 4;
            byte[] out = new byte[b.length * up * 2];
            for (int i = 0; i < b.length; i++) {
                int a = (b[i] & 0xFF) - 128;
                int n = i + 1 < b.length ? (b[i + 1] & 0xFF) - 128 : a;
                for (int k = 0; k < up; k++) {
                    short s = (short) ((a + (n - a) * k / (double) up) * 256 * 0.9);
                    int idx = (i * up + k) * 2;
                    out[idx] = (byte) s;
                    out[idx + 1] = (byte) (s >> 8);
                }
            }
            return out;
        } catch (java.io.IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
            LOG.log(System.Logger.Level.WARNING, "prompt " + id + " unreadable: " + e.getMessage());
            return null;
        }
    }

    private static byte[] pattern(double hz, double onS, double offS, int repeats, double gain) {
        int on = (int) (onS * RATE);
        int off = (int) (offS * RATE);
        int n = (on + off) * repeats;
        byte[] out = new byte[n * 2];
        int ramp = (int) (0.005 * RATE); // 5 ms fade in/out: no clicks
        for (int r = 0; r < repeats; r++) {
            int base = r * (on + off);
            for (int i = 0; i < on; i++) {
                double env = Math.min(1, Math.min(i, on - 1 - i) / (double) ramp);
                // a square-ish wave (fundamental + third harmonic) cuts through room noise better than a sine
                double t = i / RATE;
                double v = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(6 * Math.PI * hz * t);
                short s = (short) (v / 1.3 * gain * env * Short.MAX_VALUE);
                int idx = (base + i) * 2;
                out[idx] = (byte) s;
                out[idx + 1] = (byte) (s >> 8);
            }
        }
        return out;
    }
}
