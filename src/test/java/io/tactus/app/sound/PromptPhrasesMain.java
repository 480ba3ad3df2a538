package io.tactus.app.sound;

/** Prints "id TAB words" per phrase clip of {@link PromptVoice}, for scripts/make-prompts.sh. */
public final class PromptPhrasesMain {

    private PromptPhrasesMain() {
    }

    public static void main(String[] args) {
        PromptVoice.phrases().forEach((id, words) -> System.out.println(id + "\t" + words));
    }
}
