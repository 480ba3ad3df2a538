package io.tactus.cli;

import io.tactus.device.serial.WireFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** `--ascii RxC`: the device on the port prints DIY text lines. Shared by the commands that read a port. */
final class DeviceTextOption {

    @Option(names = "--ascii", paramLabel = "RxC",
            description = "The device prints DIY text lines of a RxC grid (e.g. 16x16). Default: detect.")
    String ascii;

    /** Protocol v1 or text, detected from the first bytes unless --ascii is given. */
    WireFormat format(CommandLine cl) {
        try {
            return ascii == null ? WireFormat.auto() : WireFormat.parseText(ascii);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--ascii: " + e.getMessage());
        }
    }
}
