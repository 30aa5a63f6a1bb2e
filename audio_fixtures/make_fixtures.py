"""Regenerate the speech fixtures the tests and the benchmark use, deterministically.

    .venv/bin/python audio_fixtures/make_fixtures.py            # all, into audio_fixtures/
    .venv/bin/python audio_fixtures/make_fixtures.py --out DIR --only weak silence

Each spoken answer is synthesised sentence by sentence with espeak-ng, resampled to 16 kHz mono
16-bit and joined with seeded pauses of 0.4-1.2 s (as a candidate pauses between sentences); the
reference text is written beside it as `<name>.txt`. `manifest.json` names the question each
answer was given to, its quality, voice and rate. Silence is a -70 dBFS room tone and noise is
seeded white noise: both must transcribe to nothing. Needs `espeak-ng` (system-packages.txt) and
PyAV (installed with faster-whisper).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

RATE = 16000
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Spoken:
    name: str
    quality: str
    question_id: str
    question: str
    voice: str
    wpm: int
    sentences: tuple[str, ...]
    formats: tuple[str, ...] = ("wav",)
    seed: int = 1
    pauses: tuple[float, ...] = ()
    """Silence after each sentence but the last, in seconds (default: seeded 0.4-1.2 s)."""
    first_point: int = 0
    """Index of the first sentence of substance (the ones before it are preamble)."""


SEARCH_Q = (
    "We want to put AI-generated answers at the top of our e-commerce site's search results. "
    "How would you decide whether to ship it, and how would you measure success?"
)
PLAYLIST_Q = (
    "Weekly listeners of the AI-generated playlists in our music app dropped ten percent over "
    "the past month. How would you investigate and respond?"
)
FEED_Q = (
    "Our video streaming app's home feed recommendations feel stale, and watch time per user "
    "has been flat for two quarters. How would you improve the recommendation system?"
)
RAG_Q = (
    "A company sells an AI search tool that answers employees' questions from their internal "
    "documents. Large customers worry about wrong answers and about people seeing documents "
    "they shouldn't. How would you design and measure the product?"
)

ANSWERS = (
    Spoken(
        "weak", "weak", "search-ai-answers", SEARCH_Q, "en-us", 160,
        (
            "I would use a large language model to write the answers.",
            "We could tune it on our product catalog so that it is more accurate.",
            "Next, I'd measure how accurate the model is and make sure it is over ninety "
            "percent.",
            "If the accuracy is high enough, we ship it.",
            "I think people will like it, because everybody wants this in search now.",
        ),
        formats=("wav", "mp3", "m4a"), seed=11,
    ),
    Spoken(
        "medium", "medium", "engage-ai-playlists-drop", PLAYLIST_Q, "en-gb", 150,
        (
            "First, I would check whether the drop is real or a logging problem, for example a "
            "broken event after a release.",
            "Next, I would split the listeners into groups, such as platform, country, and how "
            "long they have used the app.",
            "If the drop is mostly in new users, the playlists may not be fresh enough for them.",
            "For quality, I would watch how often people skip a song, and how often they keep it.",
            "One option is to refresh the playlists more often, and another is to mix in more "
            "familiar songs.",
            "I would run an experiment on how often we refresh, and watch weekly listeners as "
            "the main metric.",
        ),
        formats=("flac",), seed=12,
    ),
    Spoken(
        "strong", "strong", "search-ai-answers", SEARCH_Q, "en-us+f3", 145,
        (
            "Let me start with the users and their problem, before the model.",
            "Customers who search with a vague need, like a gift for a young child, often leave "
            "without buying, so that is the group I want to focus on.",
            "My north star would be the share of searches that end in a purchase within a day.",
            "The guardrails are the response time, which must stay under one second, the cost of "
            "each query, and the error rate.",
            "There is a trade off between answer quality and cost, and I would accept a smaller "
            "model to keep the page fast.",
            "I would compare three options by impact and effort, and start with answers for "
            "gift searches only.",
            "To validate it, I would test offline on a labelled set of searches, then run an "
            "experiment on five percent of traffic, and roll back if sales drop.",
            "If it works, it should increase the revenue from search and reduce support tickets.",
            "To sum up, start small, measure purchases, and expand when people trust it.",
        ),
        formats=("flac",), seed=13,
    ),
    Spoken(
        "long", "strong", "search-enterprise-rag", RAG_Q, "en-us", 165,
        (
            "Let me structure my answer in four parts: the users, the goal, the design, and how "
            "I would measure it.",
            "There are two kinds of users: first the employee, who wants a fast and correct "
            "answer without digging through folders.",
            "The second is the security team, who signs the contract and fears a breach.",
            "For a large customer, the security team decides whether we get in at all, so I "
            "would make access control a launch requirement, not a feature.",
            "So my first goal is simple: nobody should ever see an answer built from a file "
            "they are not allowed to open.",
            "The second goal is correct answers, and when the product does not know, it should "
            "say so plainly.",
            "On the design, I would check permissions at search time, for every document, "
            "before anything reaches the model.",
            "Now, there is a real trade off between coverage and trust.",
            "If we answer every question, we will answer some of them badly, and one bad answer "
            "about a policy can cost us the whole account.",
            "I would rather answer fewer questions well, and grow coverage as the quality "
            "improves.",
            "For metrics, my north star would be the share of questions that are answered "
            "correctly, with a cited source, and without a follow up ticket.",
            "The first guardrail is the number of security breaches, which must stay at zero.",
            "The second guardrail is the rate of wrong answers, measured on a sample that people "
            "grade every week.",
            "To validate it, I would build an offline test set with real questions from pilot "
            "customers, with the correct answers and the allowed documents for each user.",
            "After that, I would roll it out in stages: first to internal teams, next to a few "
            "friendly customers, and finally to everyone.",
            "If the share of wrong answers goes over two percent, or if there is a single "
            "security breach, I would stop the rollout and fix it first.",
            "For the business, this product wins renewals in large accounts, and it saves each "
            "employee time every week.",
            "Finally, I would ask whether a language model is the right tool for every question.",
            "For simple lookups, like a phone number or a holiday date, plain search is cheaper "
            "and just as good.",
            "To sum up, I would make permissions safe first, answer fewer questions but answer "
            "them well, and measure trust as closely as usage.",
        ),
        formats=("flac",), seed=14,
    ),
)


DELIVERY = Spoken(
    # Known words and pauses for the delivery analytics (interviewer/speech/delivery.py):
    # exactly three silences over 3 s (4.0, 4.5, 4.2), the others under 1.5 s; two sentences
    # of preamble; three fillers ("So" first in a sentence, "You know,", "Basically,") and
    # words that look like fillers but are not ("what kind of item", "would like to").
    "delivery", "medium", "search-ai-answers", SEARCH_Q, "en-us", 150,
    (
        "Okay, that's a good question.",
        "Let me think.",
        "I would start with the people who use the product and the problem they have.",
        "New shoppers leave the site when the search results do not show what kind of item "
        "they want.",
        "So my goal is to help them find the right item on the first page.",
        "You know, the main metric would be the share of searches that end in a purchase.",
        "I would also watch how fast the page loads and what each answer costs.",
        "Basically, I would test it on a small group of users before a wider launch.",
        "We would like to keep the first version small, and roll it back if sales drop.",
    ),
    seed=15, pauses=(0.6, 4.0, 0.9, 4.5, 0.7, 1.4, 4.2, 1.1), first_point=2,
)
LONG_PAUSE_S = 3.0
KNOWN_FILLERS = {"delivery": 3}


def espeak(text: str, voice: str, wpm: int) -> np.ndarray:
    """One sentence from espeak-ng, as 16 kHz mono float32."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(wpm), "--stdout", text],
        check=True, capture_output=True,
    ).stdout
    return resample_16k(wav)


def resample_16k(data: bytes) -> np.ndarray:
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    parts: list[np.ndarray] = []
    with av.open(io.BytesIO(data), mode="r") as container:
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                parts.append(out.to_ndarray().reshape(-1))
        for out in resampler.resample(None):
            parts.append(out.to_ndarray().reshape(-1))
    return np.concatenate(parts).astype(np.float32) / 32768.0


def trim(audio: np.ndarray, floor: float = 1e-3) -> np.ndarray:
    """espeak pads each sentence with its own silence; the pauses are ours to choose."""
    loud = np.flatnonzero(np.abs(audio) > floor)
    return audio[loud[0]: loud[-1] + 1] if loud.size else audio[:0]


def speak(spec: Spoken, starts: list[float] | None = None) -> np.ndarray:
    """The answer's audio; `starts` (if given) gets each sentence's start in seconds."""
    rng = random.Random(spec.seed)
    parts = [np.zeros(int(0.3 * RATE), np.float32)]
    for i, sentence in enumerate(spec.sentences):
        if i:
            pause = spec.pauses[i - 1] if spec.pauses else rng.uniform(0.4, 1.2)
            parts.append(np.zeros(int(pause * RATE), np.float32))
        if starts is not None:
            starts.append(round(sum(len(p) for p in parts) / RATE, 2))
        parts.append(trim(espeak(sentence, spec.voice, spec.wpm)))
    parts.append(np.zeros(int(0.5 * RATE), np.float32))
    return np.concatenate(parts)


def known_delivery(spec: Spoken, starts: list[float]) -> dict[str, object]:
    """What the delivery fixture was built with, for the test to compare against."""
    return {
        "words": len(" ".join(spec.sentences).split()),
        "long_pauses": sum(1 for p in spec.pauses if p > LONG_PAUSE_S),
        "pauses_s": list(spec.pauses),
        "first_point_s": starts[spec.first_point],
        "fillers": KNOWN_FILLERS.get(spec.name),
    }


def to_int16(audio: np.ndarray) -> np.ndarray:
    return np.asarray(np.clip(np.round(audio * 32767.0), -32768, 32767), dtype=np.int16)


def write_wav(path: Path, audio: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(to_int16(audio).tobytes())


def write_encoded(path: Path, audio: np.ndarray, codec: str, fmt: str) -> None:
    """FLAC, MP3 or AAC through PyAV, metadata-free so reruns give the same bytes."""
    pcm = to_int16(audio)
    with av.open(str(path), mode="w", format=fmt) as out:
        out.metadata.clear()
        stream = out.add_stream(codec, rate=RATE)
        stream.layout = "mono"
        stream.metadata.clear()
        if codec != "flac":
            stream.bit_rate = 48000
        step = 4096
        for i in range(0, len(pcm), step):
            frame = av.AudioFrame.from_ndarray(pcm[None, i: i + step], format="s16",
                                               layout="mono")
            frame.sample_rate = RATE
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def write_audio(path: Path, audio: np.ndarray) -> None:
    ext = path.suffix.lstrip(".")
    if ext == "wav":
        write_wav(path, audio)
    elif ext == "flac":
        write_encoded(path, audio, "flac", "flac")
    elif ext == "mp3":
        write_encoded(path, audio, "libmp3lame", "mp3")
    elif ext == "m4a":
        write_encoded(path, audio, "aac", "ipod")
    else:
        raise ValueError(f"unknown format {ext}")


def silence(seconds: float = 5.0) -> np.ndarray:
    """Room tone at about -70 dBFS: what an idle microphone in a quiet room gives."""
    rng = np.random.default_rng(21)
    return (rng.standard_normal(int(seconds * RATE)) * 10 ** (-70 / 20)).astype(np.float32)


def noise(seconds: float = 5.0) -> np.ndarray:
    """White noise at about -26 dBFS RMS, like a fan next to the microphone."""
    rng = np.random.default_rng(22)
    return (rng.standard_normal(int(seconds * RATE)) * 0.05).astype(np.float32)


def build(out: Path, only: set[str] | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest: dict[str, dict[str, object]] = {}
    for spec in (*ANSWERS, DELIVERY):
        files = [f"{spec.name}.{ext}" for ext in spec.formats]
        manifest[spec.name] = {
            "files": files, "reference": f"{spec.name}.txt", "quality": spec.quality,
            "question_id": spec.question_id, "question": spec.question,
            "voice": spec.voice, "wpm": spec.wpm,
        }
        if only is not None and spec.name not in only:
            continue
        starts: list[float] = []
        audio = speak(spec, starts)
        if spec.pauses:
            manifest[spec.name]["delivery"] = known_delivery(spec, starts)
        for name in files:
            write_audio(out / name, audio)
            written.append(out / name)
        (out / f"{spec.name}.txt").write_text(" ".join(spec.sentences) + "\n", encoding="utf-8")
        written.append(out / f"{spec.name}.txt")
        manifest[spec.name]["seconds"] = round(len(audio) / RATE, 2)
    for name, make in (("silence", silence), ("noise", noise)):
        manifest[name] = {"files": [f"{name}.wav"], "reference": None, "quality": "empty"}
        if only is None or name in only:
            write_wav(out / f"{name}.wav", make())
            written.append(out / f"{name}.wav")
    if only is None:
        (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                           encoding="utf-8")
        written.append(out / "manifest.json")
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=HERE)
    p.add_argument("--only", nargs="*", help="fixture names (default: all)")
    args = p.parse_args(argv)
    for path in build(args.out, set(args.only) if args.only else None):
        print(path, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
