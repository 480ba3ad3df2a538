package io.tactus.app.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.technique.Routine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spoken prompts for any routine, without audio hardware: the built-in routine's steps use their whole-sentence
 * clips; a user's routine (loaded JSON, ids the app has never seen) is voiced from its steps' data through the
 * phrase clips, and every clip a prompt names is bundled and decodes to sound.
 */
class PromptVoiceTest {

    @TempDir
    Path dir;

    private final PromptVoice voice = new PromptVoice();

    @Test
    void builtInStepsUseTheirWholeSentenceClips() {
        List<Routine.Step> steps = Routine.defaultRoutine().steps();
        assertEquals(List.of("routine_start"), voice.start(steps.get(0)).clips());
        for (Routine.Step s : steps.subList(1, steps.size())) {
            Prompt p = voice.next(s);
            assertEquals(List.of(s.id()), p.clips());
            assertEquals("Next: " + s.label(), p.text());
            assertSounds(p);
        }
        assertSounds(voice.done());
    }

    @Test
    void aLoadedRoutineIsVoicedFromItsStepsData() throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, """
                {"id": "mine", "name": "My routine", "steps": [
                  {"id": "glide", "title": "Knuckle glide", "kind": "strokes", "direction": "down", "count": 2,
                   "regions": ["thoracic_l", "thoracic_r"], "text": "Glide down with soft knuckles."},
                  {"id": "spiral", "kind": "circles", "direction": "counterclockwise", "count": 12,
                   "text": "Small circles anywhere."},
                  {"id": "press", "kind": "hold", "count": 3, "regions": ["shoulder_r"], "text": "Hold."},
                  {"id": "one_press", "kind": "hold", "count": 1, "text": "Hold once."},
                  {"id": "warm", "kind": "time", "seconds": 8, "regions": ["lumbar_l", "lumbar_r"],
                   "text": "Rest the hands on the lower back."},
                  {"id": "effleurage", "kind": "strokes", "direction": "up", "count": 40, "text": "A built-in id, other data."}
                ]}
                """);
        List<Routine.Step> s = Routine.load(file).steps();

        Prompt first = voice.start(s.get(0));
        assertEquals("Routine started. First: two strokes down on the mid back, left or the mid back, right",
                first.text());
        assertEquals(List.of("phrases/first", "phrases/n2", "phrases/strokes_down", "phrases/on",
                "phrases/region_thoracic_l", "phrases/or", "phrases/region_thoracic_r"), first.clips());
        assertEquals("Next: twelve circles, counter-clockwise", voice.next(s.get(1)).text());
        assertEquals("Next: three firm, still holds on the shoulder, right", voice.next(s.get(2)).text());
        assertEquals("Next: a firm, still hold", voice.next(s.get(3)).text());
        assertEquals("Next: eight seconds of pressure on the lower back, left or the lower back, right",
                voice.next(s.get(4)).text());
        assertEquals("Next: strokes up", voice.next(s.get(5)).text(),
                "a built-in id with other data is voiced from its data, not the built-in sentence; 40 has no clip");
        for (Routine.Step step : s) {
            assertSounds(voice.next(step));
            assertSounds(voice.start(step));
        }
    }

    @Test
    void everyPhraseHasItsBundledClip() {
        for (String id : PromptVoice.phrases().keySet()) {
            assertNotNull(ToneAlarm.clip("phrases/" + id), "phrases/" + id + ".wav is bundled (scripts/make-prompts.sh)");
        }
    }

    /** Every clip of the prompt is bundled and decodes; together they are at least half a second of sound. */
    private static void assertSounds(Prompt p) {
        for (String c : p.clips()) {
            assertNotNull(ToneAlarm.clip(c), "clip " + c + " of \"" + p.text() + "\"");
        }
        byte[] pcm = ToneAlarm.clips(p.clips());
        assertNotNull(pcm);
        assertTrue(pcm.length > 44_100, p.text() + ": " + pcm.length + " bytes of 16-bit 44.1 kHz sound");
    }
}
