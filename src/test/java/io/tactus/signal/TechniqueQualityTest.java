package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.TruthMovement;
import io.tactus.signal.technique.HandPart;
import io.tactus.signal.technique.Movement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Scores per-contact movement detection against the simulator's exact movement truth: the fixed two-hand
 * routine and generated scenarios (random speeds, lengths, circle sizes, tools, pressures, noise; one hand or
 * both, each doing its own thing), on 32 x 32 and 64 x 64 mats, dense and sparse. A detected movement matches a
 * true one of the same type on the same side whose time span overlaps it by more than half of the shorter of
 * the two (one to one, largest overlap first). Per type: precision = matched detections / detections, recall =
 * matched truths / truths; direction right = matched pairs with the same direction; stroke length error =
 * |detected - true| / true of matched strokes. Prints the table and writes it to target/technique-quality.md.
 *
 * <p>Run: {@code mvn -q -B -o test -Dtest=TechniqueQualityTest} (add {@code -Dtechnique.seeds=24} for the larger
 * sample docs/SIGNAL.md quotes)
 */
class TechniqueQualityTest {

    private static final List<String> TYPES = List.of("stroke", "circle", "hold");

    /** Per movement type over all runs of one configuration. */
    static final class Score {
        int truth;
        int detected;
        int matched;
        int directionRight;
        /** Matched movements of a thumb, a heel or a flat hand on a mat, and those told the right hand part. */
        int partJudged;
        int partRight;
        /** Per true tool: the matched movements' contact areas (mm2). */
        final Map<String, List<Double>> areaByTool = new java.util.TreeMap<>();
        final List<Double> lengthErr = new ArrayList<>();

        double partShare() {
            return partJudged == 0 ? 1 : (double) partRight / partJudged;
        }

        double precision() {
            return detected == 0 ? 1 : (double) matched / detected;
        }

        double recall() {
            return truth == 0 ? 1 : (double) matched / truth;
        }

        double directionShare() {
            return matched == 0 ? 1 : (double) directionRight / matched;
        }
    }

    record Config(String name, SimOptions options, List<Long> seeds) {
    }

    /** Generated scenarios per configuration: 12, or {@code -Dtechnique.seeds=N} for a larger sample. */
    static final List<Long> SEEDS = LongStream.rangeClosed(1, Long.getLong("technique.seeds", 12)).boxed().toList();

    static List<Config> configs() {
        return List.of(
                new Config("32 x 32 dense, 100 Hz", SimOptions.defaults(), SEEDS),
                new Config("32 x 32 dense, noise x3", SimOptions.defaults().withNoise(3).withSeed(11), SEEDS),
                new Config("32 x 32 sparse", SimOptions.defaults().withSparse(true).withSeed(12), SEEDS),
                new Config("64 x 64 dense", SimOptions.defaults().withGrid(64, 64).withSeed(13), SEEDS));
    }

    static Map<String, Score> score(ScenarioStream s, List<String> mismatches) {
        List<TruthMovement> truth = s.movementTruth();
        SignalQualityTest.Run2 r = SignalQualityTest.runStream(s, true, null);
        List<Movement> det = r.movements();
        Map<String, Score> out = new LinkedHashMap<>();
        for (String t : TYPES) {
            out.put(t, new Score());
        }
        for (TruthMovement m : truth) {
            out.get(m.type()).truth++;
        }
        for (Movement m : det) {
            out.get(m.type().id()).detected++;
        }
        // one to one, the largest overlap first
        boolean[] usedT = new boolean[truth.size()];
        boolean[] usedD = new boolean[det.size()];
        while (true) {
            int bi = -1;
            int bj = -1;
            long best = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (usedT[i]) {
                    continue;
                }
                TruthMovement tm = truth.get(i);
                for (int j = 0; j < det.size(); j++) {
                    Movement d = det.get(j);
                    if (usedD[j] || !d.type().id().equals(tm.type()) || !Movement.sideId(d.side()).equals(tm.side())) {
                        continue;
                    }
                    long ov = Math.min(tm.endUs(), d.endUs()) - Math.max(tm.startUs(), d.startUs());
                    long shorter = Math.min(tm.endUs() - tm.startUs(), d.endUs() - d.startUs());
                    if (ov * 2 > shorter && ov > best) {
                        best = ov;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            usedT[bi] = true;
            usedD[bj] = true;
            TruthMovement tm = truth.get(bi);
            Movement d = det.get(bj);
            Score sc = out.get(tm.type());
            sc.matched++;
            if (!Double.isNaN(d.contactMm2())) {
                sc.areaByTool.computeIfAbsent(tm.tool(), k -> new ArrayList<>()).add(d.contactMm2());
                HandPart truePart = switch (tm.tool()) {
                    case "thumb" -> HandPart.THUMB;
                    case "palm_heel", "flat_hand" -> HandPart.PALM;
                    default -> null; // knuckles: between the two, not told apart
                };
                if (truePart != null) {
                    sc.partJudged++;
                    if (d.handPart() == truePart) {
                        sc.partRight++;
                    } else {
                        mismatches.add(s.scenarioName() + String.format(Locale.ROOT, " hand part %s (%.0f mm2) vs %s: ",
                                d.handPart(), d.contactMm2(), tm.tool()) + tm.note());
                    }
                }
            }
            if (tm.direction() == null ? d.direction() == null : d.direction() != null
                    && tm.direction().equals(d.direction().id())) {
                sc.directionRight++;
            } else {
                mismatches.add(s.scenarioName() + " direction " + tm + " vs " + d);
            }
            if ("stroke".equals(tm.type())) {
                double e = Math.abs(d.lengthMm() - tm.lengthMm()) / tm.lengthMm();
                sc.lengthErr.add(e);
                if (e > 0.15) {
                    mismatches.add(s.scenarioName() + String.format(Locale.ROOT, " length %.0f vs true %.0f: ",
                            d.lengthMm(), tm.lengthMm()) + tm.note());
                }
            }
        }
        for (int i = 0; i < truth.size(); i++) {
            if (!usedT[i]) {
                mismatches.add(s.scenarioName() + " missed " + truth.get(i));
            }
        }
        for (int j = 0; j < det.size(); j++) {
            if (!usedD[j]) {
                mismatches.add(s.scenarioName() + " false " + det.get(j));
            }
        }
        return out;
    }

    static void add(Map<String, Score> total, Map<String, Score> one) {
        for (String t : TYPES) {
            Score a = total.computeIfAbsent(t, k -> new Score());
            Score b = one.get(t);
            a.truth += b.truth;
            a.detected += b.detected;
            a.matched += b.matched;
            a.directionRight += b.directionRight;
            a.partJudged += b.partJudged;
            a.partRight += b.partRight;
            b.areaByTool.forEach((tool, v) -> a.areaByTool.computeIfAbsent(tool, k -> new ArrayList<>()).addAll(v));
            a.lengthErr.addAll(b.lengthErr);
        }
    }

    static String table(String title, Map<String, Score> sc) {
        StringBuilder b = new StringBuilder("#### ").append(title).append("\n\n")
                .append("| type | true | detected | precision | recall | direction right | hand part right | stroke"
                        + " length error mean / max / within 15 % |\n|---|---|---|---|---|---|---|---|\n");
        for (String t : TYPES) {
            Score s = sc.get(t);
            String len = "-";
            if ("stroke".equals(t) && !s.lengthErr.isEmpty()) {
                double mean = s.lengthErr.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double max = s.lengthErr.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                long within = s.lengthErr.stream().filter(e -> e <= 0.15).count();
                len = String.format(Locale.ROOT, "%.1f %% / %.1f %% / %.2f", 100 * mean, 100 * max,
                        (double) within / s.lengthErr.size());
            }
            String part = s.partJudged == 0 ? "-" : String.format(Locale.ROOT, "%.2f", s.partShare());
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %s | %s |%n", t, s.truth,
                    s.detected, s.precision(), s.recall(), s.directionShare(), part, len));
        }
        Map<String, List<Double>> areas = new java.util.TreeMap<>();
        sc.values().forEach(s -> s.areaByTool.forEach((tool, v) -> areas.computeIfAbsent(tool, k -> new ArrayList<>())
                .addAll(v)));
        if (!areas.isEmpty()) {
            b.append("\nContact area by true tool (mm2, min / median / max): ");
            areas.forEach((tool, v) -> {
                List<Double> sorted = v.stream().sorted().toList();
                b.append(String.format(Locale.ROOT, "%s %.0f / %.0f / %.0f; ", tool, sorted.get(0),
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)));
            });
            b.append("hand part: thumb below ").append((int) HandPart.THUMB_MAX_MM2).append(" mm2.\n");
        }
        return b.append('\n').toString();
    }

    /**
     * The targets, per movement type and per configuration (mat size, noise, sparse frames): precision and
     * recall >= 0.95, direction right >= 0.95, and every
     * matched stroke's length within 15 % of the true one.
     */
    static void assertQuality(String what, Map<String, Score> sc, List<String> mismatches) {
        for (String t : TYPES) {
            Score s = sc.get(t);
            assertTrue(s.truth > 0, what + ": no " + t + " in the truth");
            String why = what + " " + t + ": " + String.join("\n", mismatches);
            assertTrue(s.precision() >= 0.95, "precision " + s.precision() + " " + why);
            assertTrue(s.recall() >= 0.95, "recall " + s.recall() + " " + why);
            assertTrue(s.directionShare() >= 0.95, "direction " + s.directionShare() + " " + why);
            assertTrue(s.partShare() >= 0.95, "hand part " + s.partShare() + " " + why);
        }
        Score st = sc.get("stroke");
        assertTrue(!st.lengthErr.isEmpty(), what + ": no stroke matched");
        long within = st.lengthErr.stream().filter(e -> e <= 0.15).count();
        assertEquals(st.lengthErr.size(), within, what + ": strokes whose length is within 15 % of the truth\n"
                + String.join("\n", mismatches));
    }

    @Test
    void theTwoHandRoutineIsSeenMovementByMovement() {
        StringBuilder md = new StringBuilder();
        for (SimOptions o : List.of(SimOptions.defaults(), SimOptions.defaults().withGrid(64, 64))) {
            ScenarioStream s = ScenarioStream.open(Scenarios.TWO_HAND_ROUTINE, o);
            List<TruthMovement> truth = s.movementTruth();
            assertEquals(11, truth.stream().filter(m -> "up".equals(m.direction())).count());
            assertEquals(4, truth.stream().filter(m -> "outward".equals(m.direction())).count());
            assertEquals(4, truth.stream().filter(m -> "clockwise".equals(m.direction())).count());
            assertEquals(2, truth.stream().filter(m -> "counterclockwise".equals(m.direction())).count());
            assertEquals(1, truth.stream().filter(m -> "hold".equals(m.type())).count());
            List<String> mismatches = new ArrayList<>();
            Map<String, Score> sc = score(s, mismatches);
            md.append(table("two-hand-routine, " + o.rows() + " x " + o.cols(), sc));
            assertQuality("two-hand-routine " + o.rows(), sc, mismatches);
        }
        System.out.println(md);
        write("technique-quality-two-hand.md", md.toString());
    }

    @Test
    void generatedScenariosMeetTheTargets() {
        StringBuilder md = new StringBuilder();
        for (Config c : configs()) {
            Map<String, Score> total = new LinkedHashMap<>();
            List<String> mismatches = new ArrayList<>();
            for (long seed : c.seeds()) {
                add(total, score(ScenarioStream.open(Scenarios.generated(seed), c.options()), mismatches));
            }
            md.append(table(c.name() + ", generated seeds " + c.seeds(), total));
            System.out.println(md);
            assertQuality(c.name(), total, mismatches);
        }
        write("technique-quality.md", md.toString());
    }

    /**
     * A right glove: no cells to image, one contact at its POSE while its taxels press; the generated scenarios
     * with the right hand alone, scored the same way.
     */
    @Test
    void aGloveIsTrackedFromItsPoseTrail() {
        Map<String, Score> total = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (long seed : SEEDS) {
            add(total, score(ScenarioStream.open(Scenarios.generatedGlove(seed), SimOptions.defaults()), mismatches));
        }
        String md = table("right glove (POSE + 20 taxels), generated seeds " + SEEDS, total);
        System.out.println(md);
        write("technique-quality-glove.md", md);
        assertQuality("glove", total, mismatches);
    }

    private static void write(String name, String text) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
