"""What a session recorded, answer by answer, for replay beside the transcript.

How the engine keeps a spoken answer in session.json (`InterviewEngine.submit`): the exchange
holds `"audio"` (the WAV, relative to the session folder: `answers/<n>.wav`), `"audio_seconds"`,
`"segments"` (the transcript's segments, each with its `"words"`: start, end, word, on the
recording's own timeline) and `"delivery"` (`interviewer.speech.delivery`). Prompts spoken
aloud are kept as `prompts/<n>.wav` (`SessionStore.save_prompt_audio`), n being the order they
were asked in, which is the exchange's number in the whole session, as for `answers/<n>.wav`;
an exchange may also name its prompt's file as `"prompt_audio"`. Every file is optional: a typed
answer has none, and a file that went missing is reported by the player, not here.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from interviewer.session.record import Exchange, SessionRecord
from interviewer.session.store import PROMPTS_DIR
from interviewer.speech.delivery import TimedWord, timed_words


@dataclass(frozen=True)
class Recording:
    """One exchange's audio: the answer, the prompt it answered, and the answer's words."""

    number: int
    """1-based, over every exchange of the session, in the order asked."""
    question: int
    """1-based question number."""
    exchange: int
    """1-based within its question: 1 is the question itself, then its follow-ups."""
    answer_ref: str | None
    """The answer's recording as session.json names it (None: a typed answer)."""
    answer_path: Path | None
    """Where that file should be (None when the reference points outside the folder)."""
    prompt_path: Path | None
    """The spoken prompt's file, if one was kept."""
    words: tuple[TimedWord, ...]

    @property
    def label(self) -> str:
        what = "answer" if self.exchange == 1 else f"follow-up {self.exchange - 1} answer"
        return f"question {self.question} {what}"

    @property
    def has_answer_audio(self) -> bool:
        return self.answer_path is not None and self.answer_path.is_file()

    @property
    def has_prompt_audio(self) -> bool:
        return self.prompt_path is not None


def _inside(folder: Path, ref: str) -> Path | None:
    path = (folder / ref).resolve()
    return path if path.is_relative_to(folder.resolve()) else None


def _prompt_path(folder: Path, exchange: Exchange, number: int) -> Path | None:
    named = exchange.prompt_audio
    path = _inside(folder, named or f"{PROMPTS_DIR}/{number}.wav")
    return path if path is not None and path.is_file() else None


def recordings(folder: Path, record: SessionRecord) -> list[Recording]:
    """Every exchange of a record, in order, with what it recorded."""
    out: list[Recording] = []
    number = 0
    for qi, q in enumerate(record.questions, start=1):
        for ei, ex in enumerate(q.exchanges, start=1):
            number += 1
            ref = ex.audio_ref
            words = timed_words(ex.segments) if ex.segments is not None else []
            out.append(Recording(
                number=number, question=qi, exchange=ei, answer_ref=ref,
                answer_path=_inside(folder, ref) if ref else None,
                prompt_path=_prompt_path(folder, ex, number),
                words=tuple(sorted(words, key=lambda w: w[0])),
            ))
    return out


def has_audio(items: list[Recording]) -> bool:
    """Whether the session was spoken at all (an answer or a prompt recorded)."""
    return any(r.answer_ref or r.prompt_path for r in items)


def word_offsets(text: str, words: tuple[TimedWord, ...] | list[TimedWord]
                 ) -> list[tuple[int, int] | None]:
    """Where each timed word is in the answer's text, as (start, end) character offsets.

    Words are looked for in order from the end of the previous one; a word the text does not
    hold there (the transcript was edited, say) is None and the next one is looked for from the
    same place."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for _, _, word in words:
        token = word.strip()
        at = text.find(token, pos) if token else -1
        if at < 0:
            out.append(None)
            continue
        out.append((at, at + len(token)))
        pos = at + len(token)
    return out


def word_at(words: tuple[TimedWord, ...] | list[TimedWord], seconds: float) -> int | None:
    """The word being said at `seconds` into the recording: the last one started by then
    (kept through the pause after it); None before the first."""
    index = bisect_right([w[0] for w in words], seconds) - 1
    return index if index >= 0 else None
