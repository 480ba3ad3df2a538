package io.tactus.app.sound;

import java.util.List;

/**
 * One spoken prompt: the words (shown and logged) and the bundled clips that say them, played one after another
 * ({@code prompts/ID.wav}; an id may name a sub-folder, e.g. {@code phrases/next}).
 *
 * @param text  what is said, as one line
 * @param clips clip ids in speaking order
 */
public record Prompt(String text, List<String> clips) {

    public Prompt {
        clips = List.copyOf(clips);
    }
}
