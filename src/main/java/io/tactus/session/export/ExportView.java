package io.tactus.session.export;

import io.tactus.protocol.DeviceDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session as it may leave the machine: metadata and annotations after the export options (anonymisation,
 * start-time shift) were applied. Every format writes from this, never from the raw metadata.
 */
record ExportView(ExportMetadata metadata, List<ExportAnnotation> annotations, boolean anonymized,
                  boolean timeShifted) {

    static ExportView of(ExportSource source, ExportOptions options) {
        ExportMetadata m = source.metadata();
        Instant start = m.startTimeUtc();
        boolean shifted = start != null && !options.startTimeShift().isZero();
        if (shifted) {
            start = start.plus(options.startTimeShift());
        }
        List<ExportAnnotation> notes = source.annotations() == null ? List.of() : source.annotations();
        if (!options.anonymize()) {
            return new ExportView(m.withStartTime(start), List.copyOf(notes), false, shifted);
        }
        DeviceDescriptor d = m.descriptor();
        DeviceDescriptor noSerial = new DeviceDescriptor(d.protocol(), d.device(), null, d.firmware(), d.layout(),
                d.rows(), d.cols(), d.pitchMm(), d.adcBits(), d.rateHz(), d.taxels(), d.calibration());
        ExportMetadata anon = new ExportMetadata(noSerial, m.traineePseudonym(), m.receiverPseudonym(), m.profile(),
                start, m.appVersion(), null, null);
        List<ExportAnnotation> kept = new ArrayList<>(notes.size());
        for (ExportAnnotation a : notes) {
            kept.add(options.keepAnnotationText() ? a : new ExportAnnotation(a.deviceTimeUs(), ""));
        }
        return new ExportView(anon, List.copyOf(kept), true, shifted);
    }

    DeviceDescriptor descriptor() {
        return metadata.descriptor();
    }
}
