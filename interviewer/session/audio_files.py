"""Where a session's recordings go: `answers/<n>.wav` and `prompts/<n>.wav` in its folder, n
being the exchange's number in the whole session (1-based, in the order asked, across resumes).
session.json names them relative to the folder."""

from __future__ import annotations

from pathlib import Path

from interviewer.paths import DIR_MODE
from interviewer.session.record import Exchange, SessionRecord
from interviewer.session.store import PROMPTS_DIR

ANSWERS_DIR = "answers"


def exchange_number(record: SessionRecord) -> int:
    """The number of the prompt being asked now: one more than the exchanges so far."""
    return sum(len(q.exchanges) for q in record.questions) + 1


def relative(folder: Path | None, path: Path) -> str:
    """How session.json names a file: relative to the folder when inside it."""
    if folder is not None and path.is_relative_to(folder):
        return path.relative_to(folder).as_posix()
    return str(path)


def prompt_audio_path(folder: Path, number: int) -> Path:
    return folder / PROMPTS_DIR / f"{number}.wav"


def exchange_of_prompt(record: SessionRecord, folder: Path | None,
                       number: int) -> Exchange | None:
    """The exchange whose spoken prompt was kept as `prompts/<number>.wav`."""
    if folder is None:
        return None
    kept = relative(folder, prompt_audio_path(folder, number))
    return next((e for q in record.questions for e in q.exchanges if e.prompt_audio == kept),
                None)


def new_answer_path(folder: Path, number: int) -> Path:
    """`answers/<n>.wav`, or `<n>-2.wav`... when that file exists: never one already there."""
    answers = folder / ANSWERS_DIR
    answers.mkdir(mode=DIR_MODE, exist_ok=True)
    path, k = answers / f"{number}.wav", 1
    while path.exists():
        k += 1
        path = answers / f"{number}-{k}.wav"
    return path


def forget_audio(folder: Path | None, exchange: Exchange) -> None:
    """With keep_audio off: the answer's recording, saved as words now, is removed."""
    ref = exchange.audio_ref
    exchange.audio = None
    exchange.prompt_audio = None
    if ref is not None and folder is not None:
        path = (folder / ref).resolve()
        if path.is_relative_to(folder.resolve()):
            path.unlink(missing_ok=True)
