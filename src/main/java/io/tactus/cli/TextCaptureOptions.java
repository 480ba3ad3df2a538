package io.tactus.cli;

import io.tactus.protocol.AsciiOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** `--ascii RxC [--rate HZ]`: the file is a capture of a DIY text grid. Shared by analyze, info and export. */
final class TextCaptureOptions {

    @Option(names = "--ascii", paramLabel = "RxC",
            description = "FILE is a capture of a DIY text grid of RxC cells (e.g. 16x16), not protocol bytes")
    String ascii;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "with --ascii: frames per second of the capture (text has no clock; default 50)")
    Double rate;

    /** @return the text layout, or null when FILE is a recording / protocol-v1 capture */
    AsciiOptions parse(CommandLine cl) {
        try {
            if (ascii == null) {
                if (rate != null) {
                    throw new IllegalArgumentException("--rate goes with --ascii");
                }
                return null;
            }
            AsciiOptions text = AsciiOptions.parseSize(ascii);
            return rate != null ? text.withRateHz(rate) : text;
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(cl, bad.getMessage());
        }
    }
}
