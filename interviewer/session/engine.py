"""The interview as a state machine: ask, answer, follow up, next question, score.

It knows nothing of Textual, so the TUI, the text fallback and the tests drive the very same
object. Every answer is saved before the next prompt is produced: a crash keeps it.
"""

from __future__ import annotations

import threading
import time
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from interviewer import __version__
from interviewer.banks import Question
from interviewer.coach.base import (
    MAX_FOLLOW_UPS,
    AnsweredQuestion,
    Coach,
    FollowUp,
    NoticeSource,
    TextCallback,
    follow_up_with_text,
)
from interviewer.scorecard import Scorecard, count_unanswered
from interviewer.session.store import SessionStore
from interviewer.speech.delivery import from_segments


class Phase(str, Enum):
    READY = "ready"
    ANSWERING = "answering"
    FINISHED = "finished"


@dataclass(frozen=True)
class Prompt:
    """What the candidate is being asked right now."""

    text: str
    kind: str  # "question" or "follow-up"
    question_index: int
    question_total: int
    question: Question
    follow_up: FollowUp | None = None
    notice: str | None = None
    """One line when the coach handed the step that led here to another coach (a fallback)."""
    latency_s: float | None = None
    """Follow-ups: seconds from the answer's submission to the follow-up's first text."""
    ready_s: float | None = None
    """Follow-ups: seconds from the answer's submission to the whole follow-up."""

    @property
    def number(self) -> int:
        return self.question_index + 1


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Interrupted:
    """A spoken answer cut off by a crash or a kill, found on resume: its recording (all the
    audio written up to the kill) is kept as an exchange marked `"interrupted": true` whose
    transcript is still to be made (`InterviewEngine.adopt_interrupted`)."""

    question_index: int
    exchange_index: int
    """0-based within its question: 0 is the question itself, then its follow-ups."""
    kind: str
    prompt: str
    audio_path: Path
    audio_seconds: float


def wav_seconds(path: Path) -> float:
    """Length of a (possibly cut off) 16-bit WAV; 0.0 when it is missing or unreadable."""
    try:
        with wave.open(str(path), "rb") as wav:
            rate = wav.getframerate() or 1
            header = wav.getnframes()
            width = max(wav.getsampwidth(), 1)
        on_disk = max(path.stat().st_size - 44, 0) // width
    except (OSError, EOFError, wave.Error):
        return 0.0
    return (header or on_disk) / rate  # no frames in the header: killed before its first patch


class InterviewEngine:
    def __init__(
        self,
        questions: Sequence[Question],
        coach: Coach,
        *,
        store: SessionStore | None = None,
        track: str = "mixed",
        mode: str = "text",
        minutes_per_answer: float = 3.0,
        clock: Callable[[], float] = time.monotonic,
        on_follow_up_text: TextCallback | None = None,
        keep_audio: bool = True,
    ) -> None:
        if not questions:
            raise ValueError("an interview needs at least one question")
        self.questions = list(questions)
        self.coach = coach
        self.store = store
        self.minutes_per_answer = minutes_per_answer
        self.clock = clock
        self.phase = Phase.READY
        self.items = [AnsweredQuestion(q) for q in self.questions]
        self.index = 0
        self.prompt: Prompt | None = None
        self.scorecard: Scorecard | None = None
        self.on_follow_up_text = on_follow_up_text
        """Gets a follow-up's text so far while the coach writes it (from `submit`'s thread)."""
        self.last_notice: str | None = None
        """The coach's fallback notice for the latest step (follow-up or scorecard), if any."""
        self._asked_at = 0.0
        self._asked_iso = ""
        self.interrupted: Interrupted | None = None
        """After `resume`: an answer recorded up to a crash, waiting for its transcript."""
        self.interrupted_wait_s = 0.0
        """How long `finish()` waits for `adopt_interrupted` (set while it is transcribed)."""
        self._adopted = threading.Event()
        self._lock = threading.RLock()
        """Guards the record, which the UI thread (`quit`, `save_draft`, `adopt_interrupted`)
        and a worker (`submit`, `finish`) both change; never held across a coach call."""
        self.folder: Path | None = store.new_folder(track) if store else None
        self.record: dict[str, Any] = {
            "app_version": __version__,
            "id": self.folder.name if self.folder else "",
            "created_at": _now_iso(),
            "updated_at": _now_iso(),
            "track": track,
            "mode": mode,
            "coach": coach.name,
            "minutes_per_answer": minutes_per_answer,
            "status": "in-progress",
            "questions": [{"question": q.to_dict(), "exchanges": []} for q in self.questions],
            "scorecard": None,
            "notices": [],
        }
        if not keep_audio:
            self.record["keep_audio"] = False

    @classmethod
    def resume(cls, folder: Path, coach: Coach, *, store: SessionStore,
               clock: Callable[[], float] = time.monotonic,
               on_follow_up_text: TextCallback | None = None) -> InterviewEngine:
        """Continue a session left in progress or quit, in its own folder, typed.

        The questions come from the record (the banks may have changed), with every answer
        and follow-up already given, so follow-ups stay counted. The engine is returned
        already asking the first question with no answer yet; when every question has one,
        `prompt` is None and `needs_scoring` is True: `finish()` is the next step.
        A spoken answer being recorded when the process died (the record's `pending` prompt,
        whose WAV holds audio) is kept as an answered exchange marked `"interrupted"`, and
        `interrupted` names it until `adopt_interrupted` gives it its transcript.
        Raises `DamagedSessionError` for a folder that cannot be read, ValueError for a
        complete session."""
        from interviewer.session.library import load_record, question_from_record

        record = load_record(folder)
        if record["status"] == "complete":
            raise ValueError(f"session {folder.name} is already complete")
        questions = [question_from_record(q["question"]) for q in record["questions"]]
        engine = cls(questions, coach, track=str(record.get("track") or "mixed"),
                     mode="text", minutes_per_answer=float(record.get("minutes_per_answer", 3)),
                     clock=clock, on_follow_up_text=on_follow_up_text)
        engine.store, engine.folder, engine.record = store, folder, record
        record.setdefault("notices", [])
        was_pending = record.pop("pending", None)
        kept = engine._keep_interrupted(was_pending)
        for item, q in zip(engine.items, record["questions"], strict=True):
            for ex in q["exchanges"]:
                item.answers.append(ex["answer"])
                if ex["kind"] == "follow-up":
                    item.follow_ups.append(FollowUp(ex["prompt"],
                                                    str(ex.get("probe_dimension") or ""),
                                                    str(ex.get("coach") or "")))
        again = None if kept else engine._follow_up_again(was_pending)
        pending = [i for i, q in enumerate(record["questions"]) if not q["exchanges"]]
        start = again.question_index if again else pending[0] if pending else None
        record.setdefault("resumed", []).append(
            {"at": _now_iso(), "from_question": start + 1 if start is not None else None,
             "status_was": record["status"], "coach": coach.name, "mode": "text"})
        record["status"] = "in-progress"
        engine.phase = Phase.ANSWERING
        engine.index = start if start is not None else len(questions) - 1
        engine.interrupted = engine._find_interrupted()
        engine._save()
        if start is not None:
            prompt = engine._ask(again or engine._question_prompt(), save=False)
            engine._restore_draft(was_pending, prompt)
            engine._save()
        return engine

    def _follow_up_again(self, pending: Any) -> Prompt | None:
        """A follow-up that was on screen (or being answered) when the process died: asked
        again, so no prompt shown is lost. Only the latest question's, within the limit."""
        if not isinstance(pending, dict) or pending.get("kind") != "follow-up":
            return None
        qn, text = pending.get("question"), pending.get("prompt")
        questions = self.record["questions"]
        if not isinstance(qn, int) or not 1 <= qn <= len(questions) or \
                not isinstance(text, str) or not text.strip():
            return None
        item = self.items[qn - 1]
        later = any(q["exchanges"] for q in questions[qn:])
        if not item.answers or later or len(item.follow_ups) >= MAX_FOLLOW_UPS:
            return None
        follow = FollowUp(text, str(pending.get("probe_dimension") or ""),
                          str(pending.get("coach") or ""))
        item.follow_ups.append(follow)
        return Prompt(text, "follow-up", qn - 1, len(self.questions), item.question, follow)

    def _restore_draft(self, pending: Any, prompt: Prompt) -> None:
        """The answer being typed when the process died, back in the box of the same prompt."""
        if not isinstance(pending, dict) or not isinstance(pending.get("draft"), str):
            return
        same = (pending.get("question") == prompt.number and pending.get("kind") == prompt.kind
                and pending.get("prompt") == prompt.text)
        if same and pending["draft"].strip():
            self.record["pending"]["draft"] = pending["draft"]

    @property
    def draft(self) -> str:
        """The unsent answer saved for the current prompt (`save_draft`), restored on resume."""
        with self._lock:
            pending = self.record.get("pending")
            draft = pending.get("draft") if isinstance(pending, dict) else None
            return draft if isinstance(draft, str) and self.prompt is not None else ""

    def save_draft(self, text: str) -> bool:
        """Keep the answer being typed for the current prompt, so a crash or a kill loses at
        most what was typed since the last call. True when something new was written."""
        with self._lock:
            pending = self.record.get("pending")
            if not isinstance(pending, dict) or self.prompt is None or \
                    pending.get("prompt") != self.prompt.text:
                return False  # the prompt is answered: its draft is the answer now
            if pending.get("draft", "") == text:
                return False
            if text:
                pending["draft"] = text
            else:
                pending.pop("draft", None)
            self._save()
            return True

    def _keep_interrupted(self, pending: Any) -> bool:
        """The prompt being answered when the process died: when its recording holds audio,
        it becomes an exchange marked interrupted (transcript to come; True)."""
        if not isinstance(pending, dict) or self.folder is None:
            return False
        ref, qn = pending.get("audio"), pending.get("question")
        if not isinstance(ref, str) or not isinstance(qn, int):
            return False
        path = (self.folder / ref).resolve()
        if not path.is_relative_to(self.folder.resolve()) or not path.is_file():
            return False
        seconds = wav_seconds(path)
        questions = self.record["questions"]
        kind = pending.get("kind")
        said = questions[qn - 1]["exchanges"] if 1 <= qn <= len(questions) else None
        if seconds <= 0 or said is None or (kind == "question") != (not said) or \
                kind not in ("question", "follow-up"):
            if seconds <= 0:
                path.unlink(missing_ok=True)  # a header and nothing said
            return False
        exchange: dict[str, Any] = {
            "kind": kind, "prompt": str(pending.get("prompt") or ""), "answer": "",
            "skipped": False, "asked_at": pending.get("asked_at") or "",
            "answered_at": _now_iso(), "seconds": round(seconds, 3),
            "over_time": seconds > self.minutes_per_answer * 60,
            "audio": ref, "audio_seconds": round(seconds, 3),
            "interrupted": True, "needs_transcript": True,
        }
        if pending.get("prompt_audio"):
            exchange["prompt_audio"] = pending["prompt_audio"]
        for key in ("probe_dimension", "coach"):
            if key in pending:
                exchange[key] = pending[key]
        said.append(exchange)
        return True

    def _find_interrupted(self) -> Interrupted | None:
        """The first interrupted exchange still waiting for its transcript (its file kept)."""
        if self.folder is None:
            return None
        for qi, q in enumerate(self.record["questions"]):
            for ei, ex in enumerate(q["exchanges"]):
                ref = ex.get("audio")
                if ex.get("needs_transcript") and isinstance(ref, str):
                    path = self.folder / ref
                    if path.is_file():
                        return Interrupted(qi, ei, str(ex["kind"]), str(ex["prompt"]), path,
                                           float(ex.get("audio_seconds") or wav_seconds(path)))
        return None

    def adopt_interrupted(self, text: str, *, segments: Sequence[dict[str, Any]] | None = None,
                          audio_seconds: float | None = None) -> None:
        """Give the interrupted answer (see `interrupted`) its transcript, saved as `submit`
        saves a spoken answer (segments, delivery). "" keeps it as a recording with no words.
        Safe from any thread; the prompt being asked is not changed."""
        with self._lock:
            found = self.interrupted
            if found is None:
                raise RuntimeError("no interrupted answer is waiting for its transcript")
            text = text.strip()
            ex = self.record["questions"][found.question_index]["exchanges"][
                found.exchange_index]
            ex["answer"] = text
            ex["skipped"] = not text
            if audio_seconds is not None:
                ex["audio_seconds"] = round(audio_seconds, 3)
            if segments is not None:
                ex["segments"] = list(segments)
                delivery = from_segments(segments, allowed_s=self.minutes_per_answer * 60)
                if delivery is not None:
                    ex["delivery"] = delivery.to_dict()
            ex.pop("needs_transcript", None)
            self.items[found.question_index].answers[found.exchange_index] = text
            self._save()
            if not self.keep_audio:
                self._forget_audio(ex)
                self._save()
            self.interrupted = self._find_interrupted()
            if self.interrupted is None:
                self._adopted.set()

    @property
    def keep_audio(self) -> bool:
        """False: recordings are transcribed, then removed (the session's `keep_audio`)."""
        return self.record.get("keep_audio") is not False

    def _forget_audio(self, exchange: dict[str, Any]) -> None:
        """With keep_audio off: the answer's recording, saved as words now, is removed."""
        ref = exchange.pop("audio", None)
        if isinstance(ref, str) and self.folder is not None:
            path = (self.folder / ref).resolve()
            if path.is_relative_to(self.folder.resolve()):
                path.unlink(missing_ok=True)
        exchange.pop("prompt_audio", None)

    @property
    def needs_scoring(self) -> bool:
        """Every question is answered and nothing is asked: `finish()` comes next."""
        return self.phase is Phase.ANSWERING and self.prompt is None

    # -- driving the interview -------------------------------------------------------------
    def start(self) -> Prompt:
        if self.phase is not Phase.READY:
            raise RuntimeError("interview already started")
        self.phase = Phase.ANSWERING
        return self._ask(self._question_prompt())

    def submit(self, answer: str, *, skipped: bool = False, audio_path: Path | None = None,
               segments: Sequence[dict[str, Any]] | None = None,
               audio_seconds: float | None = None) -> Prompt | None:
        """Record the answer to the current prompt; return the next prompt, or None at the end.

        A spoken answer also gives its recording (`audio_path`, best inside the session folder,
        see `answer_audio_path`), its length, and the transcript's segments with their word
        timestamps (`Segment.to_dict()`), all kept in session.json, with the answer's
        delivery figures (`interviewer.speech.delivery`) when the segments have words.
        """
        # The lock guards the record, never a coach call: `quit` and `save_draft` on the UI
        # thread must not wait on the network.
        with self._lock:
            answer, submitted = self._record_answer(
                answer, skipped=skipped, audio_path=audio_path, segments=segments,
                audio_seconds=audio_seconds)
        nxt = self._next_prompt(skip_follow_ups=not answer, submitted=submitted)
        with self._lock:
            if nxt is None:
                self.prompt = None
                return None
            return self._ask(nxt)

    def _record_answer(self, answer: str, *, skipped: bool, audio_path: Path | None,
                       segments: Sequence[dict[str, Any]] | None,
                       audio_seconds: float | None) -> tuple[str, float]:
        """The answer into the record, saved; returns it stripped and when it was given."""
        if self.phase is not Phase.ANSWERING or self.prompt is None or \
                "pending" not in self.record:
            raise RuntimeError("no prompt is waiting for an answer")
        answer = answer.strip()
        submitted = self.clock()
        seconds = round(submitted - self._asked_at, 3)
        prompt = self.prompt
        item = self.items[self.index]
        item.answers.append(answer)
        exchange: dict[str, Any] = {
            "kind": prompt.kind,
            "prompt": prompt.text,
            "answer": answer,
            "skipped": skipped or not answer,
            "asked_at": self._asked_iso,
            "answered_at": _now_iso(),
            "seconds": seconds,
            "over_time": seconds > self.minutes_per_answer * 60,
        }
        if audio_path is not None:
            exchange["audio"] = self._relative(audio_path)
            if audio_seconds is not None:
                exchange["audio_seconds"] = round(audio_seconds, 3)
        if segments is not None:
            exchange["segments"] = list(segments)
            delivery = from_segments(segments, allowed_s=self.minutes_per_answer * 60)
            if delivery is not None:  # word timestamps: pace, fillers, pauses, first point
                exchange["delivery"] = delivery.to_dict()
        if prompt.follow_up is not None:
            exchange["probe_dimension"] = prompt.follow_up.dimension
            exchange["coach"] = prompt.follow_up.coach
            exchange["follow_up_latency_s"] = prompt.latency_s
            exchange["follow_up_ready_s"] = prompt.ready_s
            if prompt.notice:
                exchange["coach_notice"] = prompt.notice
        pending = self.record.pop("pending", None)
        if isinstance(pending, dict) and pending.get("prompt_audio"):
            exchange["prompt_audio"] = pending["prompt_audio"]
        self.record["questions"][self.index]["exchanges"].append(exchange)
        self._save()
        if not self.keep_audio and audio_path is not None:
            self._forget_audio(exchange)
            self._save()
        return answer, submitted

    def finish(self) -> Scorecard:
        """Score every answered question; the session is complete once this is saved.

        An interrupted answer being transcribed (`interrupted_wait_s`) is waited for first."""
        if self.interrupted is not None and self.interrupted_wait_s > 0:
            self._adopted.wait(self.interrupted_wait_s)
        answered = [it for it in self.items if any(a for a in it.answers)]
        started = self.clock()
        self.last_notice = None
        scorecard = self.coach.score(answered or self.items[:1])  # no lock: may be slow
        scorecard = count_unanswered(scorecard, [q.id for q in self.questions],
                                     {it.question.id for it in self.items
                                      if not any(a for a in it.answers)})
        self._take_notices("scorecard")
        with self._lock:
            self.scorecard = scorecard
            self.record["scorecard_seconds"] = round(self.clock() - started, 3)
            self.record["scorecard"] = scorecard.to_dict()
            self.record["status"] = "complete"
            self.phase = Phase.FINISHED
            self._save()
        return scorecard

    def quit(self) -> None:
        """Mark the session as left early; what was answered is already on disk."""
        with self._lock:
            if self.phase is not Phase.FINISHED:
                self.record["status"] = "quit"
                self._save()

    @property
    def exchange_number(self) -> int:
        """The current prompt's number in the whole session (1-based, in the order asked,
        across resumes): `answers/<n>.wav` and `prompts/<n>.wav` are named by it."""
        return sum(len(q["exchanges"]) for q in self.record["questions"]) + 1

    def prompt_audio_path(self) -> Path | None:
        """Where the spoken current prompt is kept (`prompts/<n>.wav`, see
        `SessionStore.save_prompt_audio`), noted as the exchange's `prompt_audio`; None when
        recordings are not kept."""
        if self.folder is None or self.prompt is None or not self.keep_audio:
            return None
        from interviewer.session.store import PROMPTS_DIR

        path = self.folder / PROMPTS_DIR / f"{self.exchange_number}.wav"
        with self._lock:
            pending = self.record.get("pending")
            if isinstance(pending, dict):
                pending["prompt_audio"] = self._relative(path)
        return path

    def answer_audio_path(self) -> Path | None:
        """Where the next spoken answer is recorded: `answers/<n>.wav` in the session folder,
        n being `exchange_number` (`<n>-2.wav`... when that file exists: never one already
        there). Saved as the pending prompt's audio before it is returned, so a crash while
        recording leaves the prompt and its partial recording for `resume` (None without a
        store)."""
        if self.folder is None:
            return None
        answers = self.folder / "answers"
        answers.mkdir(mode=0o700, exist_ok=True)
        n = self.exchange_number
        path, k = answers / f"{n}.wav", 1
        while path.exists():
            k += 1
            path = answers / f"{n}-{k}.wav"
        with self._lock:
            pending = self.record.get("pending")
            if isinstance(pending, dict) and self.prompt is not None:
                pending["audio"] = self._relative(path)
                self._save()
        return path

    def _relative(self, path: Path) -> str:
        if self.folder is not None and path.is_relative_to(self.folder):
            return path.relative_to(self.folder).as_posix()
        return str(path)

    @property
    def answered_count(self) -> int:
        return sum(1 for it in self.items if it.answers)

    # -- internals ------------------------------------------------------------------------
    def _question_prompt(self) -> Prompt:
        q = self.questions[self.index]
        return Prompt(q.prompt, "question", self.index, len(self.questions), q)

    def _next_prompt(self, *, skip_follow_ups: bool, submitted: float) -> Prompt | None:
        item = self.items[self.index]
        self.last_notice = None
        if not skip_follow_ups and len(item.follow_ups) < MAX_FOLLOW_UPS:
            first_text: list[float] = []

            def on_text(text: str) -> None:
                if not first_text:
                    first_text.append(self.clock())
                if self.on_follow_up_text is not None:
                    self.on_follow_up_text(text)

            follow = follow_up_with_text(self.coach, item, on_text)
            ready = self.clock()
            notice = self._take_notices("follow-up")
            if follow is not None:
                item.follow_ups.append(follow)
                latency = (first_text[0] if first_text else ready) - submitted
                return Prompt(follow.text, "follow-up", self.index, len(self.questions),
                              item.question, follow, notice=notice,
                              latency_s=round(latency, 3), ready_s=round(ready - submitted, 3))
        if self.index + 1 >= len(self.questions):
            return None
        self.index += 1
        return replace(self._question_prompt(), notice=self.last_notice)

    def _take_notices(self, step: str) -> str | None:
        """Record the coach's fallback notices for this step; the step's notice, or None."""
        if not isinstance(self.coach, NoticeSource):
            return None
        notices = self.coach.take_notices()
        if not notices:
            return None
        with self._lock:
            for text in notices:
                self.record["notices"].append(
                    {"step": step, "question": self.index + 1, "at": _now_iso(), "text": text})
            self.last_notice = " ".join(notices)
            self._save()
        return self.last_notice

    def _ask(self, prompt: Prompt, *, save: bool = True) -> Prompt:
        """The prompt becomes the pending one, on disk before anyone shows it."""
        self.prompt = prompt
        self._asked_at = self.clock()
        self._asked_iso = _now_iso()
        pending: dict[str, Any] = {"question": prompt.number, "kind": prompt.kind,
                                   "prompt": prompt.text, "asked_at": self._asked_iso}
        if prompt.follow_up is not None:
            pending["probe_dimension"] = prompt.follow_up.dimension
            pending["coach"] = prompt.follow_up.coach
        self.record["pending"] = pending  # its recording's path and draft are added later
        if save:
            self._save()
        return prompt

    def _save(self) -> None:
        with self._lock:
            self.record["updated_at"] = _now_iso()
            if self.store and self.folder:
                self.store.save(self.folder, self.record)
