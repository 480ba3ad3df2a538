package io.tactus.session.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java port of the steps of {@code load_tekscan} in the R package pressuRe (Telfer/pressuRe,
 * R/pressuRe_functions.R), kept step for step so a test shows that pressuRe can load a Tactus ASF export. Where
 * R would stop, warn, or silently produce NA (several matches where one is expected, a non-numeric cell, a
 * short frame), this throws: a file that only loads with warnings is not good enough.
 */
final class PressuReTekscanReader {

    /** What load_tekscan returns that matters here. */
    record Result(double[][][] pressure, double[] sensSizeMeters, double secondsPerFrame) {
        int rows() {
            return pressure.length == 0 ? 0 : pressure[0].length;
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

    private PressuReTekscanReader() {
    }

    static Result load(Path file) throws IOException {
        // file_ext <- str_split(basename(pressure_filepath), "\\.")[[1]][2]; must be "asf" or "csv"
        String[] nameParts = file.getFileName().toString().split("\\.", -1);
        String ext = nameParts.length > 1 ? nameParts[1] : "";
        if (!ext.equals("asf") && !ext.equals("csv")) {
            throw new IOException("incorrect file extension, expected .asf or .csv (pressuRe reads the text after "
                    + "the first dot: '" + ext + "')");
        }
        // pressure_raw <- readLines(...): LF, CRLF and CR all end a line.
        List<String> raw = List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\r\n|\n|\r", -1));

        // sens_width <- which(grepl("ROW_SPACING", pressure_raw)); sens_size[1] <- as.numeric(str_extract_all(...))
        int widthLine = single(raw, "ROW_SPACING");
        int heightLine = single(raw, "COL_SPACING");
        double[] sens = {singleDecimal(raw.get(widthLine)), singleDecimal(raw.get(heightLine))};
        // if (str_detect(pressure_raw[sens_width], "mm")) * 0.001; if "centimeters" * 0.01
        if (raw.get(widthLine).contains("mm")) {
            sens[0] *= 0.001;
            sens[1] *= 0.001;
        }
        if (raw.get(widthLine).contains("centimeters")) {
            sens[0] *= 0.01;
            sens[1] *= 0.01;
        }
        // time_ln <- str_split(pressure_raw[time_line], "FRAME ")[[1]][2]; time <- str_extract_all("\d+\.\d+")
        int timeLine = single(raw, "SECONDS_PER_FRAME");
        String[] split = raw.get(timeLine).split("FRAME ", -1);
        if (split.length < 2) {
            throw new IOException("SECONDS_PER_FRAME line has no value");
        }
        double time = singleDecimal(split[1]);

        // breaks <- grep("Frame", pressure_raw)  (case-sensitive, anywhere in a line)
        List<Integer> breaks = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).contains("Frame")) {
                breaks.add(i);
            }
        }
        if (breaks.size() < 2) {
            throw new IOException("pressuRe needs at least two 'Frame' lines to size a frame (found "
                    + breaks.size() + ")");
        }
        // col_n <- length(strsplit(pressure_raw[breaks[1] + 1], ",")[[1]]); R drops one trailing empty field
        int colN = rSplitLength(raw.get(breaks.get(0) + 1));
        // row_n <- breaks[2] - breaks[1] - 2
        int rowN = breaks.get(1) - breaks.get(0) - 2;
        if (rowN < 1) {
            throw new IOException("frame blocks too close together: row_n = " + rowN);
        }
        double[][][] p = new double[breaks.size()][rowN][colN];
        for (int f = 0; f < breaks.size(); f++) {
            // y <- pressure_raw[(breaks[i] + 1):(breaks[i] + row_n)]; z <- read.table(sep = ","); "B" -> -1
            for (int r = 0; r < rowN; r++) {
                int li = breaks.get(f) + 1 + r;
                if (li >= raw.size()) {
                    throw new IOException("frame " + (f + 1) + " is cut short");
                }
                String[] cells = raw.get(li).split(",", -1);
                if (cells.length != colN) {
                    throw new IOException("frame " + (f + 1) + " row " + (r + 1) + " has " + cells.length
                            + " fields, expected " + colN);
                }
                for (int c = 0; c < colN; c++) {
                    String v = cells[c].strip();
                    if (v.equals("B")) {
                        p[f][r][c] = -1;
                        continue;
                    }
                    try {
                        p[f][r][c] = Double.parseDouble(v); // as.numeric: NA on anything else
                    } catch (NumberFormatException e) {
                        throw new IOException("frame " + (f + 1) + " row " + (r + 1) + ": not a number '" + v + "'");
                    }
                }
            }
        }
        return new Result(p, sens, time);
    }

    private static int single(List<String> lines, String key) throws IOException {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(key)) {
                if (found >= 0) {
                    throw new IOException(key + " appears on more than one line");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IOException("no " + key + " line");
        }
        return found;
    }

    private static double singleDecimal(String s) throws IOException {
        Matcher m = DECIMAL.matcher(s);
        if (!m.find()) {
            throw new IOException("no decimal number (\\d+\\.\\d+) in '" + s + "'");
        }
        double v = Double.parseDouble(m.group());
        if (m.find()) {
            throw new IOException("more than one decimal number in '" + s + "'");
        }
        return v;
    }

    private static int rSplitLength(String s) {
        String[] parts = s.split(",", -1);
        int n = parts.length;
        return n > 0 && parts[n - 1].isEmpty() ? n - 1 : n;
    }
}
