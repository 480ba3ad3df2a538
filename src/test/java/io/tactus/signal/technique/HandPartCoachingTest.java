package io.tactus.signal.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A routine step that names a part of the hand counts only movements made with it. */
class HandPartCoachingTest {

    static final BodyMap MAP = BodyMap.standard();
    static final Profile PROFILE = Profiles.defaultProfile();
    static final double PALM_MM2 = 4300;
    static final double THUMB_MM2 = 800;

    static Routine.Step strokesUp(String id, String part) {
        return new Routine.Step(id, "strokes", "up", 3, 0, List.of(), id, null, null, 3, 150, null, part);
    }

    static Movement strokeUp(long startS, double seconds, double contactMm2) {
        return new Movement(1, MovementType.STROKE, Direction.UP, BodyRegion.Side.LEFT, BodyRegion.THORACIC_L,
                startS * 1_000_000, (long) ((startS + seconds) * 1_000_000), 280, 0, 30, 35, contactMm2);
    }

    @Test
    void theContactsAreaTellsAThumbFromAPalm() {
        assertEquals(HandPart.THUMB, HandPart.of(THUMB_MM2));
        assertEquals(HandPart.PALM, HandPart.of(PALM_MM2));
        assertNull(HandPart.of(Double.NaN), "a glove: not known");
    }

    @Test
    void aThumbSlideWhileEffleurageIsCurrentCountsAsAThumbSlideNotAsEffleurage() {
        RoutineCoach coach = new RoutineCoach(new Routine("r", "", List.of(strokesUp("effleurage", "palm"),
                strokesUp("thumb_slides", "thumb"))));
        MovementFeedback palm = coach.judge(strokeUp(0, 3, PALM_MM2), MAP, PROFILE);
        assertEquals(MovementFeedback.Verdict.COUNTED, palm.verdict(), palm.text());
        assertEquals("effleurage", palm.stepId());
        MovementFeedback thumb = coach.judge(strokeUp(4, 3, THUMB_MM2), MAP, PROFILE);
        assertEquals(MovementFeedback.Verdict.COUNTED, thumb.verdict(), thumb.text());
        assertEquals("thumb_slides", thumb.stepId(), "another step done well, not this one done badly");
        assertEquals(1, thumb.count());
    }

    @Test
    void theWrongPartIsAMissThatSaysWhichPartToUse() {
        RoutineCoach coach = new RoutineCoach(new Routine("r", "", List.of(strokesUp("effleurage", "palm"))));
        MovementFeedback f = coach.judge(strokeUp(0, 3, THUMB_MM2), MAP, PROFILE);
        assertEquals(MovementFeedback.Verdict.MISSED, f.verdict(), f.text());
        assertEquals(List.of("with the thumb (8 cm² on the mat), aim for the palm"), f.misses());
        assertEquals(0, f.count());
    }

    @Test
    void aGloveMovementIsNotJudgedByPart() {
        RoutineCoach coach = new RoutineCoach(new Routine("r", "", List.of(strokesUp("thumb_slides", "thumb"))));
        MovementFeedback f = coach.judge(strokeUp(0, 3, Double.NaN), MAP, PROFILE);
        assertEquals(MovementFeedback.Verdict.COUNTED, f.verdict(), f.text());
    }

    @Test
    void aRoutineFileNamesOnlyKnownParts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strokesUp("x", "elbow"));
        assertTrue(e.getMessage().contains("hand_part must be thumb or palm"), e.getMessage());
    }
}
