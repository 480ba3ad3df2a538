package io.tactus.cli;

import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.DeviceDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What a raw capture does not say about itself. `--ascii RxC [--rate HZ]`: FILE is a capture of a DIY text grid.
 * `--layout RxC [--rate HZ] [--pitch MM] [--adc-bits N] [--kpa-per-count K]`: FILE is a protocol-v1 capture that
 * starts without a HELLO (a `cat` of a running device): these stand in for the HELLO fields that matter until
 * the stream's own HELLO, validated by the same validator as a HELLO from the wire. The one definition of these options for the
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
            description = "With --ascii: frames per second of the capture (a file of text has no clock; default 50). "
                    + "With --layout: the device's frame rate (default 100).")
    Double rate;

    @Option(names = "--layout", paramLabel = "RxC",
            description = "FILE is a protocol-v1 capture without a HELLO (e.g. a cat of a running device): decode "
                    + "its frames as a grid of RxC cells until the device's own HELLO.")
    String layout;

    @Option(names = "--pitch", paramLabel = "MM",
            description = "With --layout: cell spacing in mm, both directions (cell area for force; default 10).")
    Double pitchMm;

    @Option(names = "--adc-bits", paramLabel = "N", description = "With --layout: ADC resolution (default 12).")
    Integer adcBits;

    @Option(names = "--kpa-per-count", paramLabel = "K",
            description = "With --layout: linear calibration, kPa per ADC count (default: the core's uncalibrated "
                    + "curve, as for a HELLO without calibration).")
    Double kpaPerCount;

    /** Cell pitch assumed with --layout when --pitch is not given. */
    static final double DEFAULT_LAYOUT_PITCH_MM = 10;
    static final int DEFAULT_LAYOUT_ADC_BITS = 12;
    static final double DEFAULT_LAYOUT_RATE_HZ = 100;

    /**
     * The descriptor --layout stands for, validated exactly like a HELLO from the wire; null without --layout.
     *
     * @throws CommandLine.ParameterException (exit 2) with one line for a bad or conflicting value
     */
    DeviceDescriptor layout(CommandLine cl) {
        if (layout == null) {
            if (pitchMm != null || adcBits != null || kpaPerCount != null) {
                throw new CommandLine.ParameterException(cl, "--pitch, --adc-bits and --kpa-per-count go with --layout");
            }
            return null;
        }
        if (ascii != null) {
            throw new CommandLine.ParameterException(cl, "--layout (protocol capture) and --ascii (text capture) "
                    + "exclude each other");
        }
        try {
            AsciiOptions size = AsciiOptions.parseSize(layout);
            double pitch = pitchMm != null ? pitchMm : DEFAULT_LAYOUT_PITCH_MM;
            DeviceDescriptor d = new DeviceDescriptor(1, "unknown (--layout " + size.rows() + "x" + size.cols() + ")",
                    null, null, DeviceDescriptor.LAYOUT_GRID, size.rows(), size.cols(), new double[] {pitch, pitch},
                    adcBits != null ? adcBits : DEFAULT_LAYOUT_ADC_BITS,
                    rate != null ? rate : DEFAULT_LAYOUT_RATE_HZ, null,
                    kpaPerCount != null ? DeviceDescriptor.CalibrationSpec.linear(kpaPerCount, 0) : null);
            d.validate();
            return d;
        } catch (IllegalArgumentException | DeviceDescriptor.DescriptorException bad) {
            throw new CommandLine.ParameterException(cl, "--layout: " + bad.getMessage());
        }
    }

    /** @return the text layout with its rate, or null when FILE is a recording / protocol-v1 capture */
    AsciiOptions parse(CommandLine cl) {
        if (rate != null && !(rate > 0 && rate <= MAX_RATE_HZ)) {
            throw new CommandLine.ParameterException(cl, "--rate must be > 0 and <= 100000 Hz");
        }
        if (ascii == null) {
            if (rate != null && layout == null) {
                throw new CommandLine.ParameterException(cl, "--rate goes with --ascii or --layout");
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
