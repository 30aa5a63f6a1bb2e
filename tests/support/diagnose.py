"""What a failed assertion on a live transcript should carry, so that a failure seen once (in
CI, under load) can be explained afterwards: the microphone's overflow and underflow counts, the
chunks the streaming transcriber made final, and each decode's temperature (above 0: the greedy
decode failed its checks and faster-whisper sampled), the words it read and what it dropped."""

from __future__ import annotations

from typing import Any


def transcript_clues(text: str, *, mic: Any = None, answer: Any = None,
                     whisper: Any = None) -> str:
    lines = [f"transcript: {text!r}"]
    if mic is not None:
        lines.append(f"microphone: {getattr(mic, 'overflows', '?')} overflows, "
                     f"{getattr(mic, 'underflows', '?')} underflows")
    if answer is not None:
        stats = answer.stream.stats
        lines.append(f"stream: {answer.seconds:.2f} s heard, chunks final at {list(stats.cuts)}, "
                     f"{stats.tentative_passes} passes, tail {stats.tail_seconds} s "
                     f"(reused {stats.tail_reused})")
    for note in list(getattr(whisper, "decodes", ())):
        lines.append(f"decode {note.seconds:.2f} s at temperatures {list(note.temperatures)}, "
                     f"{note.dropped} dropped: {note.text!r}")
    return "\n".join(lines)
