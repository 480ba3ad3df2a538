package io.tactus.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.CoachingState;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.technique.Direction;
import io.tactus.signal.technique.Movement;
import io.tactus.signal.technique.MovementFeedback;
import io.tactus.signal.technique.MovementType;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineCoach;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueSnapshot;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routine panel is event-driven: a pulse applies the coaching picture only when the feed published a new one,
 * cues every movement drained in that pulse (two in one pulse: two cues), asks the pipeline nothing, and voices a
 * user's routine from its steps' data. Scripted feed, pulses by hand, the silent sound sink.
 */
class CoachModelTest {

    private static final long MS = 1_000_000L;
    private final AlertSound.Silent sound = new AlertSound.Silent();
    private final Routine mine = new Routine("mine", "My routine", "", List.of(
            new Routine.Step("glide", "strokes", "down", 2, 0, List.of("thoracic_l"), "Glide down.", null),
            new Routine.Step("press", "hold", null, 1, 0, List.of(), "Hold.", null)));
    private LiveViewModel vm;
    private FakeFeed feed;
    private FakeFeed.FakeControl control;
    private CoachModel coach;

    @BeforeEach
    void setUp() {
        vm = new LiveViewModel(Threads.inline(), sound);
        feed = new FakeFeed(8, 8);
        control = feed.withControl();
        vm.connect("fake", () -> feed);
        coach = vm.coach();
        feed.publish(0, null, List.of());
    }

    @Test
    void appliesThePictureOnlyWhenANewOneIsPublished() {
        RoutineCoach rc = new RoutineCoach(mine);
        feed.coaching(state(rc));
        vm.pulse(10 * MS);
        assertTrue(coach.display().runningProperty().get());
        assertEquals("Step 1 of 2: glide", coach.display().stepTitleProperty().get());
        assertEquals("0 / 2 strokes down", coach.display().countTextProperty().get());
        assertEquals(List.of("say phrases/first phrases/n2 phrases/strokes_down phrases/on phrases/region_thoracic_l"),
                sound.heard(), "a loaded routine's first step is spoken from its data");
        assertEquals("Routine started. First: two strokes down on the mid back, left", sound.spoken().get(0).text());

        int reads = feed.coachingReads();
        for (int i = 2; i < 100; i++) {
            vm.pulse(i * 10 * MS);
        }
        assertEquals(reads, feed.coachingReads(), "nothing published: the picture is not even read");
        assertEquals(0, control.queries.get(), "the pipeline is never polled");
        assertEquals(1, sound.heard().size(), "no repeated prompt");

        rc.skipCurrent();
        feed.coaching(state(rc));
        vm.pulse(1_000 * MS);
        assertEquals(reads + 1, feed.coachingReads());
        assertEquals("Step 2 of 2: press", coach.display().stepTitleProperty().get());
        assertEquals("glide", coach.display().steps().get(0).label(), "a step without a title is named by its id");
        assertEquals(RoutineProgress.Status.SKIPPED, coach.display().steps().get(0).status());
        assertEquals("say phrases/next phrases/hold", sound.heard().get(1));
    }

    @Test
    void aDisconnectEndsTheRoutineOnScreen() {
        feed.coaching(state(new RoutineCoach(mine)));
        vm.pulse(10 * MS);
        assertTrue(coach.display().runningProperty().get());
        vm.disconnect();
        assertFalse(coach.display().runningProperty().get(), "Skip and Stop are disabled: nothing runs");
        assertEquals("No routine running", coach.display().routineNameProperty().get());
        assertEquals("", coach.display().stepTitleProperty().get());
    }

    @Test
    void everyMovementIsFedBackAndCuedInThePulseThatDrainsIt() {
        feed.coaching(state(new RoutineCoach(mine)));
        vm.pulse(10 * MS);
        int before = sound.heard().size();
        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.COUNTED, "Stroke down: 1 / 2")));
        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.MISSED, "Stroke up: wrong way")));
        vm.pulse(20 * MS);
        assertEquals("Stroke up: wrong way", coach.display().feedbackProperty().get(), "the latest movement's words");
        assertEquals(List.of("TICK", "MISS"), sound.heard().subList(before, sound.heard().size()),
                "two movements in one pulse: both cued, in order");

        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.STEP_COMPLETE, "Stroke down: 2 / 2")));
        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.NO_STEP, "Hold 1.0 s")));
        vm.pulse(30 * MS);
        assertEquals(List.of("TICK", "MISS", "CHIME"), sound.heard().subList(before, sound.heard().size()),
                "a movement no step asks for has words but no cue");
        assertEquals("Hold 1.0 s", coach.display().feedbackProperty().get());

        coach.mutedProperty().set(true);
        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.COUNTED, "Stroke down: 1 / 2")));
        vm.pulse(40 * MS);
        assertEquals("Stroke down: 1 / 2", coach.display().feedbackProperty().get(), "muted: still shown");
        assertEquals(before + 3, sound.heard().size(), "cues off: nothing heard");
        coach.mutedProperty().set(false);
        vm.mutedProperty().set(true);
        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.COUNTED, "Stroke down: 1 / 2")));
        vm.pulse(50 * MS);
        assertEquals(before + 3, sound.heard().size(), "M mutes the coaching too");
    }

    @Test
    void contactsInThePictureDrawTrailsAndTheBalance() {
        var left = new io.tactus.signal.technique.TrackedContact(1, 100, 200, -60, 200, 30, 20, 9,
                BodyRegion.THORACIC_L, BodyRegion.Side.LEFT, 0);
        for (int i = 0; i < 5; i++) {
            var moved = new io.tactus.signal.technique.TrackedContact(1, 100, 200 - 20 * i, -60, 200 - 20 * i, 30, 20,
                    9, BodyRegion.THORACIC_L, BodyRegion.Side.LEFT, 0);
            feed.coaching(new CoachingState(new TechniqueSnapshot(List.of(i == 0 ? left : moved), 0.75, 0, 1, 0, null),
                    null));
            vm.pulse((10 + 50 * i) * MS);
        }
        assertEquals(1, vm.drawing().trailPolylines().size());
        assertEquals(10, vm.drawing().trailPolylines().get(0).length, "five points, one per published picture");
        assertEquals("Left 75 %  |  Right 25 %", coach.display().balanceTextProperty().get());
    }

    @Test
    void aStoppedRoutineClearsItsLinesButNotTheFeedbackOrTheBalance() {
        feed.coaching(new CoachingState(new TechniqueSnapshot(List.of(), 0.6, 0, 1, 1, null),
                new RoutineCoach(mine).progress(0, 5)));
        feed.event(new FeedEvent.Movement(feedback(MovementFeedback.Verdict.COUNTED, "Stroke down: 1 / 2")));
        vm.pulse(10 * MS);
        assertEquals(2, coach.display().steps().size());
        feed.coaching(new CoachingState(new TechniqueSnapshot(List.of(), 0.6, 0, 1, 1, null), null));
        vm.pulse(20 * MS);
        assertEquals("No routine running", coach.display().routineNameProperty().get());
        assertEquals("", coach.display().stepTitleProperty().get());
        assertTrue(coach.display().steps().isEmpty());
        // the replay shows the core's last feedback and balance at that moment: the live panel keeps them too
        assertEquals("Stroke down: 1 / 2", coach.display().feedbackProperty().get());
        assertEquals("Left 60 %  |  Right 40 %", coach.display().balanceTextProperty().get());
    }

    @Test
    void aTimeStepsSecondsReadAsTheGoalWhenReached() {
        RoutineProgress r = new RoutineProgress("Mine", "mine", 1, null, 1, true, List.of(), List.of(
                new RoutineProgress.StepState("knead", RoutineProgress.Status.DONE, 5.96, 6, 1),
                new RoutineProgress.StepState("finish", RoutineProgress.Status.NOT_REACHED, 3.64, 4, -1)), 0, 5);
        List<CoachDisplay.StepRow> rows = CoachDisplay.rows(r, null);
        assertEquals("6 / 6", rows.get(0).count(), "not 6.0 / 6");
        assertEquals("3.6 / 4", rows.get(1).count());
    }

    @Test
    void withoutFramesTheBalanceIsNotShownAsLiveAndComesBackWithThem() {
        feed.coaching(new CoachingState(new TechniqueSnapshot(List.of(), 0.7, 0, 1, 0, null), null));
        vm.pulse(10 * MS);
        assertEquals("Left 70 %  |  Right 30 %", coach.display().balanceTextProperty().get());
        vm.pulse(1_000 * MS); // no frame for a second: no data
        assertTrue(!vm.live());
        assertEquals("Left/right: no data", coach.display().balanceTextProperty().get());
        assertTrue(Double.isNaN(coach.display().leftShareProperty().get()), "the bar empties");
        feed.publish(1_010 * MS, null, List.of());
        vm.pulse(1_020 * MS);
        assertTrue(vm.live());
        assertEquals("Left 70 %  |  Right 30 %", coach.display().balanceTextProperty().get());
    }

    private static CoachingState state(RoutineCoach rc) {
        return new CoachingState(new TechniqueSnapshot(List.of(), Double.NaN, 0, 0, 0, null), rc.progress(0, 5));
    }

    private static MovementFeedback feedback(MovementFeedback.Verdict v, String text) {
        Movement m = new Movement(1, MovementType.STROKE, Direction.DOWN, BodyRegion.Side.LEFT, BodyRegion.THORACIC_L,
                0, 2_000_000, 200, 0, 20, 30, 2500);
        return new MovementFeedback(m, v, "glide", 1, 2, List.of(), text);
    }
}
