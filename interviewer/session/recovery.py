"""Crash recovery: what a session left in progress (a crash, a kill, a quit) holds on resume.

The engine saves the prompt being answered as the record's `pending` before anyone sees it,
with its recording's path before recording starts and the typed draft as it grows. On resume
these pieces put the candidate back where they were: a recording with audio becomes an exchange
marked interrupted (its transcript is made afterwards), a follow-up on screen is asked again,
a draft goes back in the box. Nothing here knows the engine; it reads and changes the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interviewer.coach.base import MAX_FOLLOW_UPS, AnsweredQuestion, FollowUp
from interviewer.session.record import Exchange, Pending, Resumption, SessionRecord, now_iso
from interviewer.speech.wavfile import wav_seconds


@dataclass(frozen=True)
class Interrupted:
    """A spoken answer cut off by a crash or a kill, found on resume: its recording (all the
    audio written up to the kill) is kept as an exchange marked `interrupted` whose
    transcript is still to be made (`InterviewEngine.adopt_interrupted`)."""

    question_index: int
    exchange_index: int
    """0-based within its question: 0 is the question itself, then its follow-ups."""
    kind: str
    prompt: str
    audio_path: Path
    audio_seconds: float


@dataclass(frozen=True)
class Recovered:
    """Where a resumed session goes on (see `recover`)."""

    start: int | None
    """The question index to ask from; None when every question has its answer."""
    follow_up: tuple[int, FollowUp] | None
    """A follow-up shown when the process died, asked again: (question index, follow-up)."""
    was_pending: Pending | None


def recover(record: SessionRecord, folder: Path, items: list[AnsweredQuestion],
            coach: str) -> Recovered:
    """A session left in progress or quit, made ready to go on: what was said is counted in
    `items`, an interrupted recording is kept, the resumption is noted in the record."""
    was_pending, record.pending = record.pending, None
    kept = keep_interrupted(record, folder, was_pending, record.minutes_per_answer)
    for item, q in zip(items, record.questions, strict=True):
        for ex in q.exchanges:
            item.answers.append(ex.answer)
            if ex.kind == "follow-up":
                item.follow_ups.append(FollowUp(ex.prompt, ex.probe_dimension or "",
                                                ex.coach or ""))
    again = None if kept else follow_up_again(record, was_pending, items)
    unasked = [i for i, q in enumerate(record.questions) if not q.exchanges]
    start = again[0] if again else unasked[0] if unasked else None
    record.resumed.append(Resumption(
        at=now_iso(), from_question=start + 1 if start is not None else None,
        status_was=record.status, coach=coach, mode="text"))
    record.status = "in-progress"
    return Recovered(start, again, was_pending)


def inside(folder: Path, ref: str) -> Path | None:
    """`ref` (relative to the session folder) as a path, None when it points outside."""
    path = (folder / ref).resolve()
    return path if path.is_relative_to(folder.resolve()) else None


def keep_interrupted(record: SessionRecord, folder: Path, pending: Pending | None,
                     minutes_per_answer: float) -> bool:
    """The prompt being answered when the process died: when its recording holds audio, it
    becomes an exchange marked interrupted, transcript to come (True). A recording with a
    header and nothing said is removed."""
    if pending is None or pending.audio is None:
        return False
    path = inside(folder, pending.audio)
    if path is None or not path.is_file():
        return False
    seconds = wav_seconds(path)
    qn = pending.question
    said = record.questions[qn - 1].exchanges if 1 <= qn <= len(record.questions) else None
    if seconds <= 0 or said is None or (pending.kind == "question") != (not said):
        if seconds <= 0:
            path.unlink(missing_ok=True)
        return False
    said.append(Exchange(
        kind=pending.kind, prompt=pending.prompt, answer="", skipped=False,
        asked_at=pending.asked_at, answered_at=now_iso(), seconds=round(seconds, 3),
        over_time=seconds > minutes_per_answer * 60, audio=pending.audio,
        audio_seconds=round(seconds, 3), prompt_audio=pending.prompt_audio or None,
        prompt_backend=pending.prompt_backend,
        probe_dimension=pending.probe_dimension, coach=pending.coach,
        interrupted=True, needs_transcript=True))
    return True


def find_interrupted(record: SessionRecord, folder: Path | None) -> Interrupted | None:
    """The first interrupted exchange still waiting for its transcript (its file kept)."""
    if folder is None:
        return None
    for qi, q in enumerate(record.questions):
        for ei, ex in enumerate(q.exchanges):
            ref = ex.audio_ref
            if ex.needs_transcript and ref is not None and (folder / ref).is_file():
                path = folder / ref
                return Interrupted(qi, ei, ex.kind, ex.prompt, path,
                                   float(ex.audio_seconds or wav_seconds(path)))
    return None


def follow_up_again(record: SessionRecord, pending: Pending | None,
                    items: list[AnsweredQuestion]) -> tuple[int, FollowUp] | None:
    """A follow-up that was on screen (or being answered) when the process died, to be asked
    again so no prompt shown is lost: (question index, the follow-up, now counted in `items`).
    Only the latest question's, within the limit of follow-ups."""
    if pending is None or pending.kind != "follow-up" or not pending.prompt.strip():
        return None
    qn = pending.question
    if not 1 <= qn <= len(record.questions):
        return None
    item = items[qn - 1]
    later = any(q.exchanges for q in record.questions[qn:])
    if not item.answers or later or len(item.follow_ups) >= MAX_FOLLOW_UPS:
        return None
    follow = FollowUp(pending.prompt, pending.probe_dimension or "", pending.coach or "")
    item.follow_ups.append(follow)
    return qn - 1, follow


def restore_draft(record: SessionRecord, was_pending: Pending | None, number: int, kind: str,
                  text: str) -> None:
    """The answer being typed when the process died, back in the box of the same prompt."""
    if was_pending is None or record.pending is None or not (was_pending.draft or "").strip():
        return
    if (was_pending.question, was_pending.kind, was_pending.prompt) == (number, kind, text):
        record.pending.draft = was_pending.draft
