package io.tactus.session.export;

import java.util.Locale;

/** Export formats, by their CLI name. */
public enum ExportFormat {
    CSV("csv"),
    MAT("mat"),
    HDF5("hdf5"),
    ASF("asf");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Exporter newExporter() {
        return switch (this) {
            case CSV -> new CsvExporter();
            case MAT -> new MatExporter();
            case HDF5 -> new Hdf5Exporter();
            case ASF -> new AsfExporter();
        };
    }

    /** @throws IllegalArgumentException listing the valid names */
    public static ExportFormat fromId(String id) {
        String s = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.id.equals(s) || ("h5".equals(s) && f == HDF5)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + id + "' (csv, mat, hdf5, asf)");
    }
}
