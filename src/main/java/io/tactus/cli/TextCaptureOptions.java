package io.tactus.cli;

import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * `--ascii RxC [--rate HZ]`: FILE is a capture of a DIY text grid. The one definition of these options for the
 * commands that read a file (info, analyze, export); the serial commands take --ascii from
 * {@link SerialPortOptions}.
 */
final class TextCaptureOptions {

    /** Highest accepted --rate: the protocol's limit for any device (AsciiOptions enforces the same range). */
    static final double MAX_RATE_HZ = 100_000;

    @Option(names = "--ascii", paramLabel = "RxC",
            description = "FILE is a capture of a DIY text grid of RxC cells (e.g. 16x16), not protocol bytes.")
    String ascii;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "With --ascii: frames per second of the capture (a file of text has no clock; default 50).")
    Double rate;

    /** @return the text layout with its rate, or null when FILE is a recording / protocol-v1 capture */
    AsciiOptions parse(CommandLine cl) {
        if (rate != null && !(rate > 0 && rate <= MAX_RATE_HZ)) {
            throw new CommandLine.ParameterException(cl, "--rate must be > 0 and <= 100000 Hz");
        }
        if (ascii == null) {
            if (rate != null) {
                throw new CommandLine.ParameterException(cl, "--rate goes with --ascii");
            }
            return null;
        }
        try {
            return AsciiOptions.parseSize(ascii).withRateHz(rate != null ? rate : AsciiFrameDecoder.FALLBACK_RATE_HZ);
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(cl, "--ascii: " + bad.getMessage());
        }
    }
}
