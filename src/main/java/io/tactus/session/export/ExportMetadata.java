package io.tactus.session.export;

import io.tactus.protocol.DeviceDescriptor;
import java.time.Instant;
import java.util.Objects;

/**
 * What an export says about the session besides the data.
 *
 * @param descriptor        the device (size, pitch, rate, calibration in use); required
 * @param traineePseudonym  who massaged (a pseudonym by design); may be null
 * @param receiverPseudonym who received; may be null
 * @param profile           detection profile name; may be null
 * @param startTimeUtc      wall-clock time of the first frame; may be null when unknown (raw captures)
 * @param appVersion        version of the app that recorded; may be null
 * @param notes             free text; may contain names, so anonymised exports drop it
 * @param sourceName        file the session came from; dropped by anonymised exports; may be null
 */
public record ExportMetadata(DeviceDescriptor descriptor, String traineePseudonym, String receiverPseudonym,
                             String profile, Instant startTimeUtc, String appVersion, String notes,
                             String sourceName) {

    public ExportMetadata {
        Objects.requireNonNull(descriptor, "descriptor");
    }

    public static ExportMetadata of(DeviceDescriptor descriptor) {
        return new ExportMetadata(descriptor, null, null, null, null, null, null, null);
    }

    public ExportMetadata withStartTime(Instant t) {
        return new ExportMetadata(descriptor, traineePseudonym, receiverPseudonym, profile, t, appVersion, notes,
                sourceName);
    }
}
