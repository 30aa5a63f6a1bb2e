"""Domain terms heard right: the transcriber with and without the product/ML glossary.

    .venv/bin/python bench/domain_terms.py

32 sentences full of product and ML terms (audio_fixtures/domain_fixtures.py, espeak-ng,
generated at start, each ending right at its last word), transcribed by the bundled model in
three ways side by side: as before (no glossary, the audio decoded as it ends), with the end
padded with silence, and padded with the glossary (`hotwords`). Printed: the share of terms
heard right (each term's accepted spellings: "A/B test", "AB test"...), and the word error rate
on the existing fixtures and jfk.flac with and without the glossary, each transcribed as a
spoken answer is (the streaming transcriber: chunks cut at pauses, at most 15 s), since only
spoken answers get the glossary. Exit code 1 if the glossary does not raise term recall, or
makes the fixtures' WER worse by more than 0.5 points.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "audio_fixtures"))

from domain_fixtures import cases, heard  # noqa: E402

from interviewer.speech import whisper_stt  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio  # noqa: E402
from interviewer.speech.glossary import transcription_hint  # noqa: E402
from interviewer.speech.streaming import StreamingTranscriber  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402
from tests.support.wer import wer  # noqa: E402

FIXTURES = ("weak.wav", "medium.flac", "strong.flac", "long.flac")
JFK = ROOT.parent / "shared" / "real-speech" / "jfk.flac"
JFK_TEXT = ("And so my fellow Americans, ask not what your country can do for you, ask what "
            "you can do for your country.")
WER_SLACK = 0.005


def say(*parts: object) -> None:
    print(*parts, flush=True)


def streamed(whisper: WhisperTranscriber, audio: Audio) -> str:
    """The audio transcribed as a spoken answer is: block by block through the streaming
    transcriber (its chunks and passes; compute taking no time), then its final transcript."""
    stream = StreamingTranscriber(whisper, StreamingSettings(silence_end_s=0))
    block = SAMPLE_RATE // 10
    for i in range(0, len(audio), block):
        stream.push(audio[i:i + block])
        stream.step()
    return stream.finish().text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--verbose", action="store_true", help="each sentence's transcripts")
    p.add_argument("--skip-wer", action="store_true", help="term recall only (quicker)")
    args = p.parse_args(argv)
    whisper = WhisperTranscriber()
    whisper.load()
    hint = transcription_hint()
    domain = cases()
    n_terms = sum(len(c.terms) for c in domain)
    say(f"domain terms: {len(domain)} sentences, {n_terms} terms; bundled Whisper tiny.en")

    pad = whisper_stt.END_PAD_S
    ways = (("as before (no pad, no glossary)", 0.0, ""), ("end padded", pad, ""),
            ("end padded + glossary", pad, hint))
    recalls: list[float] = []
    for label, end_pad, hotwords in ways:
        whisper_stt.END_PAD_S = end_pad
        whisper.hint = hotwords
        got = 0
        for case in domain:
            text = whisper.transcribe(case.audio).text
            hits = [t for t in case.terms if heard(t, text)]
            got += len(hits)
            if args.verbose:
                missed = [t for t in case.terms if t not in hits]
                say(f"  {label[:14]:<14} {'ok  ' if not missed else 'MISS'} {text}"
                    + (f"   (missed: {', '.join(missed)})" if missed else ""))
        recalls.append(got / n_terms)
        say(f"{label:<34} term recall {got}/{n_terms} = {got / n_terms:.1%}")
    whisper_stt.END_PAD_S = pad
    say(f"glossary vs before: {recalls[2] - recalls[0]:+.1%} points of recall "
        f"({recalls[2] / recalls[0]:.2f}x)")
    ok = recalls[2] > recalls[1]

    if not args.skip_wer:
        files = [(name, ROOT / "audio_fixtures" / name,
                  (ROOT / "audio_fixtures" / name).with_suffix(".txt").read_text())
                 for name in FIXTURES]
        if JFK.exists():
            files.append(("jfk.flac", JFK, JFK_TEXT))
        rates: dict[str, list[float]] = {"no glossary": [], "glossary": []}
        for name, path, reference in files:
            audio = load_audio(path)
            row = []
            for label, hotwords in (("no glossary", ""), ("glossary", hint)):
                whisper.hint = hotwords
                rate = wer(reference, streamed(whisper, audio))
                rates[label].append(rate)
                row.append(f"{label} {rate:.1%}")
            say(f"  WER {name:<12} " + ", ".join(row))
        mean_off = statistics.mean(rates["no glossary"])
        mean_on = statistics.mean(rates["glossary"])
        say(f"mean WER on the existing fixtures: {mean_off:.1%} without, {mean_on:.1%} with "
            "the glossary")
        ok = ok and mean_on <= mean_off + WER_SLACK
    say(f"target (glossary raises term recall, fixtures' WER not worse): "
        f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
