package io.tactus.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.SyntheticSource;
import io.tactus.session.CoachingState;
import io.tactus.session.LiveListener;
import io.tactus.session.LiveSession;
import io.tactus.session.PipelineCommands;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.technique.MovementFeedback;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The processing thread publishes the coaching picture when it changes, on a real live session: at once after a
 * routine command, with each movement (also told one by one as feed events), at most every 50 ms while a hand is
 * on the mat, and not at all while nothing is on the mat. A hand strokes up beside the spine for 3 s, then is off
 * the mat for 3 s, over and over.
 */
class LiveCoachingTest {

    private static final int N = 32;

    @Test
    void coachingIsPublishedWhenItChangesAndOnlyThen() throws Exception {
        List<MovementFeedback> told = new CopyOnWriteArrayList<>();
        LiveSession session = new LiveSession(new SyntheticSource(N, N, 100,
                t -> t % 6.0 < 3 ? new double[] {19, (N - 1) * (1 - (t % 6.0) / 3.0)} : new double[] {-100, -100}),
                SignalPipeline::new);
        try (LiveSessionFeed feed = new LiveSessionFeed(session, "test")) {
            session.addListener(new LiveListener() {
                @Override
                public void onMovement(MovementFeedback f) {
                    told.add(f);
                }
            });
            feed.start();
            assertTrue(waitFor(() -> feed.coaching() != null), "a picture as soon as the pipeline exists");

            // A routine command publishes at once, before any later frame.
            long before = feed.coachingVersion();
            feed.execute(PipelineCommands.routineStart(null)).get(30, TimeUnit.SECONDS);
            assertTrue(feed.coachingVersion() > before);
            assertNotNull(feed.coaching().routine(), "the started routine is in the picture the command published");
            assertEquals("effleurage", feed.coaching().routine().current().id());

            // Each movement is queued as a feed event and lands in the picture.
            assertTrue(waitFor(() -> !told.isEmpty()), "a stroke is detected");
            MovementFeedback first = told.get(0);
            assertTrue(waitFor(() -> feed.coaching().technique().movements() >= 1));
            List<FeedEvent> events = new java.util.ArrayList<>();
            feed.drainEvents(events::add);
            assertTrue(events.contains(new FeedEvent.Movement(first)), "the movement as an event: " + events);

            // Hand off the mat: after the picture that says so, nothing is published for 50 frames.
            boolean quiet = false;
            for (int tries = 0; tries < 6 && !quiet; tries++) {
                assertTrue(waitFor(() -> !feed.coaching().active()), "the hand lifts");
                long v = feed.coachingVersion();
                long frames = feed.stats().frames();
                assertTrue(waitFor(() -> feed.stats().frames() >= frames + 50));
                quiet = feed.coachingVersion() == v;
                assertTrue(quiet || feed.coaching().active(), "a new picture without a hand on the mat");
            }
            assertTrue(quiet, "50 frames with no hand on the mat published nothing");

            // Hand on the mat: pictures keep coming (trails, hold timer), but throttled, not one per frame.
            assertTrue(waitFor(() -> feed.coaching().active()), "the hand comes back");
            long v0 = feed.coachingVersion();
            long f0 = feed.stats().frames();
            int moves0 = told.size();
            assertTrue(waitFor(() -> feed.stats().frames() >= f0 + 100 || !feed.coaching().active()));
            long published = feed.coachingVersion() - v0;
            long frames = feed.stats().frames() - f0;
            assertTrue(published >= 2, "the moving hand's picture is republished: " + published);
            assertTrue(published <= frames / 3 + (told.size() - moves0) + 1,
                    published + " pictures in " + frames + " frames: at most one per 50 ms plus one per movement");
        }
    }

    private static boolean waitFor(BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (cond.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return cond.getAsBoolean();
    }
}
