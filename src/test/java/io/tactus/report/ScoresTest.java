package io.tactus.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.session.FileAnalysis;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.RoutineProgress.Status;
import io.tactus.signal.technique.RoutineProgress.StepState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores from a sample's analysis, the routine count and the "what to work on next" order. */
class ScoresTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @Test
    void routineStepsCountDoneAndOutOfOrderAndTheListSaysWhatIsLeft() throws Exception {
        FileAnalysis.Result r = FileAnalysis.analyze(SAMPLES.resolve("gentle-routine.tactus"), null, null, null);
        Scores none = Scores.of(r.analysis(), null);
        assertEquals(-1, none.routineSteps(), "no routine started: unknown, not zero");
        assertTrue(Double.isNaN(none.routineCompletion()));
        RoutineProgress routine = new RoutineProgress("Home routine", "home", 2, null, 0, false, List.of(),
                List.of(new StepState("effleurage", Status.DONE, 5, 5, 1), new StepState("circles",
                        Status.OUT_OF_ORDER, 4, 4, 2), new StepState("holds", Status.NOT_REACHED, 0, 3, -1)),
                0, 5);
        Scores s = Scores.of(r.analysis(), routine);
        assertEquals(2, s.routineStepsDone());
        assertEquals(3, s.routineSteps());
        assertTrue(NextSteps.texts(NextSteps.of(s, r.analysis())).contains("Finish the routine: 2 of 3 steps done."));
    }

    @Test
    void safetyComesFirstThenLargerIssues() throws Exception {
        FileAnalysis.Result r = FileAnalysis.analyze(SAMPLES.resolve("mistakes.tactus"), null, null, null);
        List<String> next = NextSteps.texts(NextSteps.of(Scores.of(r), r.analysis()));
        assertTrue(next.get(0).startsWith("Keep off the spine"), next.toString());
        int bone = next.indexOf(next.stream().filter(t -> t.startsWith("Work around")).findFirst().orElseThrow());
        int gentle = next.indexOf(next.stream().filter(t -> t.startsWith("Press more gently")).findFirst().orElseThrow());
        assertTrue(bone < gentle, "bone contact before excess pressure: " + next);
    }
}
