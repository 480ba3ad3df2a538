#!/usr/bin/env bash
# Generates the spoken step prompts bundled with the app (src/main/resources/io/tactus/app/sound/prompts/*.wav)
# with espeak-ng (Debian: apt-get install espeak-ng), offline, once at development time. The clips are committed,
# so the app needs no speech engine at run time. One clip per step of the built-in routine (routine-default.json)
# plus the start and the end of the routine, and the phrase clips (prompts/phrases/) that voice a user's own
# routine from its steps' data; their words come from io.tactus.app.sound.PromptVoice (needs `mvn test-compile`). Output: 11025 Hz, 8-bit mono WAV (speech stays clear; 30-80 KB a clip).
# Re-run after changing the built-in routine's steps.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v espeak-ng >/dev/null || { echo "make-prompts: espeak-ng not found (apt-get install espeak-ng)" >&2; exit 1; }
out=src/main/resources/io/tactus/app/sound/prompts
mkdir -p "$out"
say() { # id text [trim]: trim = cut the silence after the words to 60 ms (phrases are said one after another)
  local tmp
  tmp=$(mktemp --suffix=.wav)
  espeak-ng -v en-gb -s 150 -w "$tmp" "$2"
  python3 - "$tmp" "$out/$1.wav" "${3:-}" <<'PY'
import sys, wave, warnings
warnings.simplefilter("ignore", DeprecationWarning)
import audioop
src, dst = sys.argv[1], sys.argv[2]
with wave.open(src) as w:
    rate, width, ch, frames = w.getframerate(), w.getsampwidth(), w.getnchannels(), w.readframes(w.getnframes())
if ch == 2:
    frames = audioop.tomono(frames, width, 0.5, 0.5)
frames, _ = audioop.ratecv(frames, width, 1, rate, 11025, None)
frames = audioop.bias(audioop.lin2lin(frames, width, 1), 1, 128)  # 8-bit WAV is unsigned
if sys.argv[3] == "trim":
    loud = [i for i, b in enumerate(frames) if abs(b - 128) > 4]
    if loud:
        frames = frames[max(0, loud[0] - 220):loud[-1] + 660]
with wave.open(dst, "wb") as w:
    w.setnchannels(1); w.setsampwidth(1); w.setframerate(11025); w.writeframes(frames)
PY
  rm -f "$tmp"
}
say routine_start "Routine started. First: effleurage. Long strokes up the back, either side of the spine."
say effleurage "Next: effleurage. Long strokes up the back, either side of the spine."
say palm_circles "Next: palm circles, clockwise, on the lower back."
say thumb_slides "Next: thumb slides up the muscles beside the spine."
say trigger_point "Next: trigger point. Hold firm thumb pressure for five seconds."
say shoulders "Next: shoulders. Gentle kneading, around the shoulder blade."
say knuckles "Next: knuckles, from mid back down to the hips."
say finishing "Next: finishing. Hands on the sides of the lower back, back and forth."
say routine_done "Routine complete. Well done."
[ -d target/test-classes/io/tactus/app/sound ] || { echo "make-prompts: run mvn -o -q test-compile first" >&2; exit 1; }
mkdir -p "$out/phrases"
cp="target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
while IFS=$'\t' read -r id words; do
  say "phrases/$id" "$words" trim
done < <(java -cp "$cp" io.tactus.app.sound.PromptPhrasesMain)
ls -l "$out"
