"""Real session folders for the self-review tests: the engine, the offline coach, real files.

`make_session` runs an interview in-process; `edit_record` changes a saved record the way a
later feature (spoken answers' `delivery` figures) or an older run would have left it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from interviewer.banks import QuestionBank, load_banks
from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.store import SessionStore
from interviewer.speech.audio import SAMPLE_RATE, load_audio
from interviewer.speech.wavfile import WavWriter
from tests.support.answers import strong_answer_for
from tests.support.audio_files import AUDIO_FIXTURES

WEAK = "I'd train a bigger model."
GOOD = (
    "First, who is the user and what problem do they have? I'd segment new and heavy users and "
    "start with new users because they churn most. Success metric: 7-day retention, with "
    "guardrails on latency and cost. Trade-off: accuracy versus latency, and I'd pick latency. "
    "Options ranked by impact and effort; first step a small MVP. Validate offline, then an "
    "A/B test with a staged rollout; if retention drops we roll back. It should grow revenue. "
    "In summary: users, metric, trade-off, plan."
)
MARKUP = ("I'd start from the user. <script>window.pwned=1</script> Then the metric: "
          "<img src=x onerror=alert(1)> retention, and <b>bold</b> claims & \"quotes\".")

_bank: QuestionBank | None = None


def bank() -> QuestionBank:
    global _bank
    if _bank is None:
        _bank = load_banks()
    return _bank


class StepClock:
    """A clock that moves `step` seconds at every reading: answers take a known time."""

    def __init__(self, step: float = 30.0) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class DatedStore(SessionStore):
    """Folders named by the session's (made-up) start time, as a real run would name them."""

    def __init__(self, home: Path, when: datetime) -> None:
        super().__init__(home)
        self.when = when

    def new_folder(self, track: str, now: datetime | None = None) -> Path:
        return super().new_folder(track, now=now or self.when.astimezone())


def make_session(home: Path, answers: Sequence[str], *, question_ids: Sequence[str] = (),
                 track: str = "mixed", count: int = 2, finish: bool = True,
                 stop_after: int | None = None, quit: bool = False,
                 when: datetime | None = None) -> Path:
    """Run an interview; answers are given in order to whatever is asked (the last repeats).

    `stop_after` answers leave it in progress (like a crash); `quit` marks it quit."""
    b = bank()
    if question_ids:
        questions = [b.by_id(q) for q in question_ids]
    else:
        import random

        questions = b.pick(track, count, random.Random(3))
    store = DatedStore(home, when) if when is not None else SessionStore(home)
    engine = InterviewEngine(questions, OfflineCoach(), store=store, track=track,
                             clock=StepClock())
    prompt: Prompt | None = engine.start()
    given = 0
    while prompt is not None:
        if stop_after is not None and given >= stop_after:
            break
        answer = answers[min(given, len(answers) - 1)]
        if answer == GOOD:  # a strong answer to whatever was asked, not to another question
            answer = strong_answer_for(prompt.question)
        prompt = engine.submit(answer)
        given += 1
    if prompt is None and finish:
        engine.finish()
    elif quit:
        engine.quit()
    assert engine.folder is not None
    if when is not None:
        stamp = when.astimezone(timezone.utc).isoformat(timespec="seconds")
        edit_record(engine.folder, lambda r: r.update(created_at=stamp, updated_at=stamp))
    return engine.folder


def edit_record(folder: Path, change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    path = folder / "session.json"
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return record


def add_delivery(folder: Path, figures: Callable[[int, dict[str, Any]], dict[str, Any] | None]
                 ) -> dict[str, Any]:
    """Give every exchange the `delivery` figures a spoken answer would carry."""
    def change(record: dict[str, Any]) -> None:
        n = 0
        for q in record["questions"]:
            for ex in q["exchanges"]:
                d = figures(n, ex)
                if d is not None:
                    ex["delivery"] = d
                n += 1
    return edit_record(folder, change)


def days_ago(n: float) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=n)


# -- spoken sessions (replay, delivery) ----------------------------------------------------------
SPOKEN = ("So, I would start with the users and their problem.",
          "Retention, you know, via an A/B test.")
TONE_RATE = 16000


def tone_wav(seconds: float, path: Path | None = None) -> bytes:
    """A quiet 220 Hz tone as 16 kHz mono WAV bytes (written to `path` too, if given)."""
    import numpy as np

    from interviewer.speech.clip import Clip

    t = np.arange(int(seconds * TONE_RATE)) / TONE_RATE
    data = Clip.from_float32(0.1 * np.sin(2 * np.pi * 220 * t), TONE_RATE).to_wav_bytes()
    if path is not None:
        path.write_bytes(data)
    return data


def spoken_segments(text: str, *, start: float = 0.2, step: float = 0.3) -> list[dict[str, Any]]:
    """One segment of `text` whose words start `step` seconds apart from `start`, as
    `Segment.to_dict()` gives them (what the engine keeps in session.json)."""
    from interviewer.speech.stt import Segment, Word

    words = tuple(Word(round(start + i * step, 3), round(start + i * step + 0.8 * step, 3), w,
                       0.9) for i, w in enumerate(text.split()))
    return [Segment(words[0].start, words[-1].end, text, words).to_dict()]


def make_spoken_session(home: Path, answers: Sequence[str] = SPOKEN, *, count: int = 1,
                        step: float = 0.3, prompts: bool = True,
                        finish: bool = True) -> Path:
    """A voice session as the engine records one: every answer a WAV in answers/<n>.wav with
    its segments and word timestamps, every prompt spoken in prompts/<n>.wav."""
    import random

    questions = bank().pick("mixed", count, random.Random(5))
    store = SessionStore(home)
    engine = InterviewEngine(questions, OfflineCoach(), store=store, mode="voice",
                             clock=StepClock())
    prompt: Prompt | None = engine.start()
    given = 0
    while prompt is not None:
        text = answers[min(given, len(answers) - 1)]
        path = engine.answer_audio_path()
        assert path is not None and engine.folder is not None
        segments = spoken_segments(text, step=step)
        seconds = segments[-1]["end"] + 0.3
        tone_wav(seconds, path)
        if prompts:
            store.save_prompt_audio(engine.folder, given + 1, tone_wav(0.5))
        prompt = engine.submit(text, audio_path=path, segments=segments, audio_seconds=seconds)
        given += 1
    if finish:
        engine.finish()
    assert engine.folder is not None
    return engine.folder


def saved_record(folder: Path) -> dict[str, Any]:
    """session.json exactly as on disk (after checking that it loads): what the format tests
    compare. Code reads it through `load_record`, the typed record."""
    from interviewer.session.library import load_record

    load_record(folder)
    data: dict[str, Any] = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    return data


# -- voice sessions, in-process -------------------------------------------------------------
def voice_engine(home: Path, count: int = 3) -> tuple[InterviewEngine, Prompt]:
    questions = bank().pick("mixed", count, random.Random(11))
    engine = InterviewEngine(questions, OfflineCoach(), store=SessionStore(home), mode="voice",
                             clock=StepClock())
    return engine, engine.start()


def answer_aloud(engine: InterviewEngine, text: str = GOOD) -> Prompt | None:
    path = engine.answer_audio_path()
    assert path is not None and not path.exists()
    segments = spoken_segments(text)
    seconds = segments[-1]["end"] + 0.3
    tone_wav(seconds, path)
    return engine.submit(text, audio_path=path, segments=segments, audio_seconds=seconds)


def to_question(engine: InterviewEngine, prompt: Prompt | None, number: int) -> Prompt:
    """Answer aloud until question `number` is asked (follow-ups are answered too)."""
    while prompt is not None and not (prompt.kind == "question" and prompt.number == number):
        prompt = answer_aloud(engine)
    assert prompt is not None
    return prompt


def record_partly(path: Path, seconds: float) -> WavWriter:
    """What the app's recorder leaves behind when killed: the real WavWriter, never closed."""
    speech = load_audio(AUDIO_FIXTURES / "medium.flac")[: int(seconds * SAMPLE_RATE)]
    writer = WavWriter(path)
    for i in range(0, len(speech), 1600):  # 100 ms blocks, as the microphone delivers them
        writer.write(speech[i:i + 1600])
    return writer
