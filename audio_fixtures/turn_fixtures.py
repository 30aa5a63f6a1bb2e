"""Spoken answers for the turn-taking benchmark and tests, generated deterministically (nothing
of it is committed as audio: espeak-ng makes each in milliseconds, Piper in a tenth of a second).

    .venv/bin/python audio_fixtures/turn_fixtures.py --out DIR     # write them as WAV + JSON
    .venv/bin/python audio_fixtures/turn_fixtures.py --out DIR --voice piper

Two sets of 20:
- *complete* answers: two or three finished sentences joined by the short pauses of fluent
  speech (0.3-0.6 s), then silence: the turn should end soon after the last word;
- *paused* answers: the same, but with a mid-thought pause of 2-6 s after an unfinished clause
  ("The first thing I would look at is") or a thinking phrase ("Let me think about that for a
  second."), then the rest of the answer: ending inside that pause cuts the candidate off.
Voices, rates and pause lengths are seeded; each case knows where its last word ends and
where its long pause lies (seconds from the start of the audio).

The same texts, with the same pauses, come in three voices (`VOICE_SETS`): espeak-ng (five
voices and rates, the set the thresholds were first set on), and Piper's bundled neural voice
`en_US-joe-medium` through the app's own engine (`PiperSynthesizer`: a fragment that stops
mid-sentence is read as a clause that goes on), at its own pace and 1.25x slower. espeak-ng
ends every fragment with the same falling, final prosody; Piper sounds like a person, and
tiny.en hears it better (word error rate 0.06 against 0.19 on the bank's questions).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_fixtures import RATE, espeak, resample_16k, trim, write_wav

LEAD_S = 0.5
TAIL_S = 12.0
"""Silence after the answer: more than the longest wait, so every answer ends by itself."""
VOICE_SETS = ("espeak", "piper", "piper-slow")
PIPER_PACE = {"piper": 1.0, "piper-slow": 1.25}
"""Piper's length_scale per voice set (1.25: a quarter slower than the voice's own pace)."""
VOICES = (("en-us", 165), ("en-gb", 160), ("en-us+f3", 170), ("en-gb-x-rp", 155),
          ("en-us+m3", 175))

OPENINGS = (
    "I would start with the users and the problem they have.",
    "Let me frame this around the people who use the product every day.",
    "The goal here is to help new users find value in their first week.",
    "I see two segments: casual listeners and power users.",
    "First, I want to be clear about what success means for the business.",
    "The core problem is that people do not trust the answers yet.",
    "I would focus on small sellers, because they churn the most.",
    "My assumption is that we are a mid-sized marketplace.",
    "This is really a question about trust and cost.",
    "I would begin by looking at where users drop off today.",
)
MIDDLES = (
    "The north star would be weekly active users who complete a task.",
    "I would run an A B test on five percent of traffic for two weeks.",
    "The guardrails are latency, cost per query, and the complaint rate.",
    "We should ship a simple version first and learn from it.",
    "I would rank the options by impact and effort, and start with search.",
    "A human review step keeps the risky answers out of the product.",
    "Retention after thirty days tells us whether the value lasts.",
    "If the holdout group does just as well, we should not ship it.",
)
CLOSINGS = (
    "So my recommendation is to ship it to ten percent of users and watch retention.",
    "That is how I would measure success.",
    "In short, I would not use AI here at all.",
    "Overall, the plan is small, measurable, and easy to roll back.",
    "That would be my first step.",
    "And that is the trade-off I would make.",
    "So I would start with the ranking change and revisit the rest next quarter.",
    "That covers the metrics, the test, and the risks.",
)
UNFINISHED = (
    "The first thing I would look at is",
    "We could roll it out to five percent of users first, and",
    "I would pick this metric because",
    "The main risk here is the",
    "So the trade-off really comes down to",
    "What I would measure first is the number of",
    "My plan would be to",
    "Before we ship, we need to think about",
    "The reason this matters is that",
    "For the experiment, I would compare the new ranking with",
)
THINKING = (
    "Let me think about that for a second.",
    "Hmm, give me a moment.",
    "Let me see.",
    "Good question, let me think.",
    "One second.",
)
CONTINUATIONS = (
    "the share of sessions that end with a purchase.",
    "then we watch the error rate every day.",
    "it ties user value to revenue.",
    "cost of serving every query with a large model.",
    "how much accuracy we give up for speed.",
    "people who come back the next week.",
    "start with the segment that hurts the most.",
    "privacy, since the model sees personal data.",
    "a wrong answer costs us the user's trust.",
    "the current one, on click-through rate.",
)


@dataclass(frozen=True)
class TurnCase:
    name: str
    kind: str
    """'complete' or 'paused'."""
    text: str
    voice: str
    wpm: int
    audio: np.ndarray
    last_word_s: float
    """Where the answer's last word ends."""
    pause: tuple[float, float] | None
    """The mid-thought pause (start, end), for 'paused' answers."""

    def meta(self) -> dict[str, object]:
        return {"name": self.name, "kind": self.kind, "text": self.text, "voice": self.voice,
                "wpm": self.wpm, "last_word_s": self.last_word_s, "pause": self.pause,
                "seconds": round(len(self.audio) / RATE, 3)}


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * RATE), np.float32)


def piper(seed: int, length_scale: float) -> Callable[[str], np.ndarray]:
    """Sentences from the app's Piper engine (the bundled voice), as 16 kHz mono float32, from a
    session of its own seeded with `seed`: Piper draws noise for every synthesis (its prosody
    varies from call to call), and a case must sound the same on every run."""
    import onnxruntime

    from interviewer.speech import piper_tts
    from interviewer.speech.synthesizer import DEFAULT_RATE_WPM

    class Seeded(piper_tts.PiperSynthesizer):
        def load(self) -> piper_tts.LoadedVoice:
            return voice

    synth = Seeded(rate=round(DEFAULT_RATE_WPM / length_scale))
    onnxruntime.set_seed(seed)  # read when the session's random kernels are made
    voice = piper_tts._open_voice(synth.voice_file(), threads=1)
    return lambda text: resample_16k(synth.synthesize(text).to_wav_bytes())


DEFAULT_RATE = 180
"""Piper's own pace in words per minute (synthesizer.DEFAULT_RATE_WPM): a Piper case's `wpm`
is this over its length_scale."""


def _assemble(pieces: list[tuple[str, float]], voice: str, wpm: int, seed: int
              ) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """(sentence, pause after it) pieces -> audio and each sentence's (start, end)."""
    parts = [_silence(LEAD_S)]
    at = len(parts[0])
    spans = []
    speak = (piper(seed, DEFAULT_RATE / wpm) if voice.startswith("piper")
             else lambda text: espeak(text, voice, wpm))
    for text, pause in pieces:
        speech = trim(speak(text))
        spans.append((at / RATE, (at + len(speech)) / RATE))
        parts += [speech, _silence(pause)]
        at += len(speech) + len(parts[-1])
    return np.concatenate(parts), spans


def _wanted(name: str, names: Collection[str]) -> bool:
    return not names or name in names


def _voice(i: int, voice_set: str) -> tuple[str, int]:
    """The voice and pace of the i-th case of a set."""
    if voice_set == "espeak":
        return VOICES[i % len(VOICES)]
    if voice_set not in PIPER_PACE:
        raise ValueError(f"no voice set {voice_set!r}: one of {', '.join(VOICE_SETS)}")
    return "piper en_US-joe-medium", round(DEFAULT_RATE / PIPER_PACE[voice_set])


def cases(only: str | None = None, voice: str = "espeak",
          names: Collection[str] = ()) -> list[TurnCase]:
    """The 40 cases (or only 'complete' / 'paused' ones, or only those `names`) in one of
    `VOICE_SETS`: the same texts and pauses in each; Piper cases are named `<set>/<name>`
    ('piper/paused-01')."""
    rng = random.Random(20261202)
    out: list[TurnCase] = []
    prefix = "" if voice == "espeak" else f"{voice}/"
    for i in range(20):
        speaker, wpm = _voice(i, voice)
        sentences = [OPENINGS[i % len(OPENINGS)], MIDDLES[i % len(MIDDLES)]]
        if i % 2:
            sentences.append(CLOSINGS[i % len(CLOSINGS)])
        pieces = [(s, rng.uniform(0.3, 0.6)) for s in sentences]
        pieces[-1] = (pieces[-1][0], TAIL_S)
        if only in (None, "complete") and _wanted(f"{prefix}complete-{i + 1:02d}", names):
            audio, spans = _assemble(pieces, speaker, wpm, seed=i)
            out.append(TurnCase(f"{prefix}complete-{i + 1:02d}", "complete",
                                " ".join(sentences), speaker, wpm, audio,
                                round(spans[-1][1], 3), None))
    for i in range(20):
        speaker, wpm = _voice(i + 2, voice)
        pause_s = 2.0 + 4.0 * ((i * 7) % 20) / 19  # 2-6 s, spread over the set
        if i % 4 == 3:
            held = THINKING[i % len(THINKING)]
            after = MIDDLES[i % len(MIDDLES)]
        else:
            held = UNFINISHED[i % len(UNFINISHED)]
            after = CONTINUATIONS[i % len(CONTINUATIONS)]
        closing = CLOSINGS[(i + 3) % len(CLOSINGS)]
        pieces = [(OPENINGS[(i + 5) % len(OPENINGS)], rng.uniform(0.3, 0.6)),
                  (held, pause_s), (after, rng.uniform(0.3, 0.6)), (closing, TAIL_S)]
        if only in (None, "paused") and _wanted(f"{prefix}paused-{i + 1:02d}", names):
            audio, spans = _assemble(pieces, speaker, wpm, seed=100 + i)
            out.append(TurnCase(f"{prefix}paused-{i + 1:02d}", "paused",
                                " ".join(p[0] for p in pieces), speaker, wpm, audio,
                                round(spans[-1][1], 3), (round(spans[1][1], 3),
                                                         round(spans[2][0], 3))))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--only", choices=("complete", "paused"))
    p.add_argument("--voice", choices=VOICE_SETS, default="espeak")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    metas = []
    for case in cases(args.only, args.voice):
        write_wav(args.out / f"{case.name.replace('/', '-')}.wav", case.audio)
        metas.append(case.meta())
    (args.out / "turn_cases.json").write_text(json.dumps(metas, indent=2) + "\n")
    print(f"{len(metas)} cases in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
