"""The interview as a state machine: ask, answer, follow up, next question, score.

It knows nothing of Textual, so the TUI, the text fallback and the tests drive the very same
object. Save before show: every prompt is on disk as the record's `pending` before it is handed
out to be shown (a follow-up's text so far too, `saved_feed.py`), and an answer before any
prompt after it, so a crash keeps both. What it saves is `record.py`'s model; resuming is
`recovery.py`; where recordings go, `audio_files.py`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from interviewer import __version__
from interviewer.banks import ANY_KIND, Question
from interviewer.coach.base import (
    MAX_FOLLOW_UPS,
    AnsweredQuestion,
    Coach,
    FollowUp,
    NoticeSource,
    TextCallback,
)
from interviewer.scorecard import Scorecard, count_unanswered
from interviewer.session import audio_files, recovery
from interviewer.session.beside import beside
from interviewer.session.engine_audio import PromptAudio
from interviewer.session.library import load_record
from interviewer.session.prompt import Phase, Prompt
from interviewer.session.record import Exchange, Pending, SessionRecord, now_iso
from interviewer.session.recovery import Interrupted
from interviewer.session.saved_feed import saved_follow_up
from interviewer.session.store import SessionStore

__all__ = ["Interrupted", "InterviewEngine", "Phase", "Prompt"]


class InterviewEngine(PromptAudio):
    """One interview, driven by `start`, `submit`, `finish` (or `quit`), its record on disk."""

    def __init__(self, questions: Sequence[Question], coach: Coach, *,
                 store: SessionStore | None = None, track: str = "mixed", kind: str = ANY_KIND,
                 mode: str = "text", minutes_per_answer: float = 3.0,
                 clock: Callable[[], float] = time.monotonic,
                 on_follow_up_text: TextCallback | None = None, keep_audio: bool = True) -> None:
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
        """Gets a follow-up's text so far while the coach writes it, each once it is on disk
        as the pending prompt (from a thread of `submit`'s): what it shows, a crash keeps."""
        self.on_follow_up_early: TextCallback | None = None
        """Gets it before it is on disk: for a voice that starts without waiting for the disk
        (a crash in between keeps the answer's recording, and loses this follow-up)."""
        self._shown: tuple[float, str] | None = None
        """When the follow-up being written was first saved to be shown (clock, ISO)."""
        self._saves = 0
        """How many times the record was written: `_keep` writes only if none since."""
        self.last_notice: str | None = None
        """The coach's fallback notice for the latest step (follow-up or scorecard), if any."""
        self._asked_at, self._asked_iso = 0.0, ""
        self.interrupted: Interrupted | None = None
        """After `resume`: an answer recorded up to a crash, waiting for its transcript."""
        self.interrupted_wait_s = 0.0
        """How long `finish()` waits for `adopt_interrupted` (set while it is transcribed)."""
        self._adopted = threading.Event()
        self.words_done = threading.Event()
        """Cleared while an answer's word timestamps are found (`amend_segments`): `finish()`
        waits for them (up to 10 s), so the scorecard's delivery figures have them."""
        self.words_done.set()
        self._lock = threading.RLock()
        """Guards the record, which the UI thread (`quit`, `save_draft`, `adopt_interrupted`)
        and a worker (`submit`, `finish`) both change; never held across a coach call."""
        self.folder: Path | None = store.new_folder(track) if store else None
        self.record = SessionRecord.begin(
            self.questions, app_version=__version__,
            folder_name=self.folder.name if self.folder else "", track=track, kind=kind,
            mode=mode, coach=coach.name, minutes_per_answer=minutes_per_answer,
            keep_audio=keep_audio)

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
        Raises `DamagedSessionError` (an unreadable folder) or ValueError (a complete one)."""
        record = load_record(folder)
        if record.status == "complete":
            raise ValueError(f"session {folder.name} is already complete")
        questions = [q.question.to_question() for q in record.questions]
        engine = cls(questions, coach, track=record.track or "mixed", mode="text",
                     minutes_per_answer=record.minutes_per_answer, clock=clock,
                     on_follow_up_text=on_follow_up_text)
        engine.store, engine.folder, engine.record = store, folder, record
        found = recovery.recover(record, folder, engine.items, coach.name)
        again = None
        if found.follow_up is not None:
            qi, follow = found.follow_up
            again = Prompt(follow.text, "follow-up", qi, len(questions), questions[qi], follow)
        start = found.start
        engine.phase = Phase.ANSWERING
        engine.index = start if start is not None else len(questions) - 1
        engine.interrupted = recovery.find_interrupted(record, folder)
        engine._save()
        if start is not None:
            prompt = engine._ask(again or engine._question_prompt(), save=False)
            recovery.restore_draft(record, found.was_pending, prompt.number, prompt.kind,
                                   prompt.text)
            engine._save()
        return engine

    @property
    def draft(self) -> str:
        """The unsent answer saved for the current prompt (`save_draft`), restored on resume."""
        with self._lock:
            pending = self.record.pending
            draft = pending.draft if pending is not None else None
            return draft if draft is not None and self.prompt is not None else ""

    def save_draft(self, text: str) -> bool:
        """Keep the answer being typed for the current prompt, so a crash or a kill loses at
        most what was typed since the last call. True when something new was written."""
        with self._lock:
            pending = self.record.pending
            if pending is None or self.prompt is None or pending.prompt != self.prompt.text:
                return False  # the prompt is answered: its draft is the answer now
            if (pending.draft or "") == text:
                return False
            pending.draft = text or None
            self._save()
            return True

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
            ex = self.record.questions[found.question_index].exchanges[found.exchange_index]
            ex.give_transcript(text, segments=segments, audio_seconds=audio_seconds,
                               allowed_s=self.minutes_per_answer * 60)
            self.items[found.question_index].answers[found.exchange_index] = text
            self._save()
            if not self.keep_audio:
                audio_files.forget_audio(self.folder, ex)
                self._save()
            self.interrupted = recovery.find_interrupted(self.record, self.folder)
            if self.interrupted is None:
                self._adopted.set()

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
               audio_seconds: float | None = None,
               transcript_backend: str | None = None) -> Prompt | None:
        """Record the answer to the current prompt; return the next prompt, or None at the end.

        A spoken answer also gives its recording (`audio_path`, best inside the session folder,
        see `answer_audio_path`), its length, and the transcript's segments with their word
        timestamps (`Segment.to_dict()`), all kept in session.json, with the answer's
        delivery figures (`interviewer.speech.delivery`) when the segments have words, and
        who transcribed it (`transcript_backend`) when a speech server is configured.
        """
        # The lock guards the record, never a coach call: `quit` must not wait on the network.
        with self._lock:
            answer, submitted, exchange = self._record_answer(
                answer, skipped=skipped, audio_path=audio_path, segments=segments,
                audio_seconds=audio_seconds, transcript_backend=transcript_backend)
            saves, self._shown = self._saves, None
        nxt = beside(lambda: self._keep(exchange, saves), lambda: self._next_prompt(
            skip_follow_ups=not answer, submitted=submitted), name="save-answer")
        with self._lock:
            if nxt is None:
                self.prompt = None
                return None
            return self._ask(nxt)

    def _record_answer(self, answer: str, *, skipped: bool, audio_path: Path | None,
                       segments: Sequence[dict[str, Any]] | None, audio_seconds: float | None,
                       transcript_backend: str | None = None) -> tuple[str, float, Exchange]:
        """The answer into the record (`_keep` saves it): stripped, when given, its exchange."""
        if self.phase is not Phase.ANSWERING or self.prompt is None or \
                self.record.pending is None:
            raise RuntimeError("no prompt is waiting for an answer")
        answer = answer.strip()
        submitted = self.clock()
        seconds = round(submitted - self._asked_at, 3)
        prompt = self.prompt
        item = self.items[self.index]
        item.answers.append(answer)
        exchange = Exchange(kind=prompt.kind, prompt=prompt.text, answer=answer,
                            skipped=skipped or not answer, asked_at=self._asked_iso,
                            answered_at=now_iso(), seconds=seconds,
                            over_time=seconds > self.minutes_per_answer * 60)
        if audio_path is not None:
            exchange.audio = audio_files.relative(self.folder, audio_path)
            if audio_seconds is not None:
                exchange.audio_seconds = round(audio_seconds, 3)
        if segments is not None:
            exchange.keep_segments(segments, allowed_s=self.minutes_per_answer * 60)
        exchange.transcript_backend = transcript_backend or None
        if (follow := prompt.follow_up) is not None:
            exchange.probe_dimension, exchange.coach = follow.dimension, follow.coach
            exchange.follow_up_latency_s, exchange.follow_up_ready_s = (prompt.latency_s,
                                                                        prompt.ready_s)
            exchange.coach_notice = prompt.notice or None
        pending, self.record.pending = self.record.pending, None
        if pending is not None:  # what was kept of the prompt while it waited
            exchange.prompt_audio = pending.prompt_audio or None
            exchange.prompt_backend = pending.prompt_backend
        self.record.questions[self.index].exchanges.append(exchange)
        return answer, submitted, exchange

    def _keep(self, exchange: Exchange, saves: int) -> None:
        """Saved beside the coach's call (its voice waits for no disk; `resume` has the WAV),
        unless a save since the answer was recorded (`saves`: the count then) holds it."""
        with self._lock:
            if self._saves == saves:
                self._save()
            if not self.keep_audio and exchange.audio is not None:
                audio_files.forget_audio(self.folder, exchange)
                self._save()

    def finish(self) -> Scorecard:
        """Score every answered question; the session is complete once this is saved.

        An interrupted answer being transcribed (`interrupted_wait_s`) is waited for first."""
        if self.interrupted is not None and self.interrupted_wait_s > 0:
            self._adopted.wait(self.interrupted_wait_s)
        self.words_done.wait(10.0)
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
            self.record.scorecard_seconds = round(self.clock() - started, 3)
            self.record.scorecard = scorecard.to_dict()
            self.record.status = "complete"
            self.phase = Phase.FINISHED
            self._save()
        return scorecard

    def quit(self) -> None:
        """Mark the session as left early; what was answered is already on disk."""
        with self._lock:
            if self.phase is not Phase.FINISHED:
                self.record.status = "quit"
                self._save()

    # -- internals ------------------------------------------------------------------------
    def _question_prompt(self) -> Prompt:
        q = self.questions[self.index]
        return Prompt(q.prompt, "question", self.index, len(self.questions), q)

    def _next_prompt(self, *, skip_follow_ups: bool, submitted: float) -> Prompt | None:
        item = self.items[self.index]
        self.last_notice = None
        if not skip_follow_ups and len(item.follow_ups) < MAX_FOLLOW_UPS:
            follow, shown = self._follow_up(item)
            ready = self.clock()
            notice = self._take_notices("follow-up")
            if follow is not None:
                item.follow_ups.append(follow)
                latency = (shown or ready) - submitted
                return Prompt(follow.text, "follow-up", self.index, len(self.questions),
                              item.question, follow, notice=notice,
                              latency_s=round(latency, 3), ready_s=round(ready - submitted, 3))
        if self.index + 1 >= len(self.questions):
            return None
        self.index += 1
        return replace(self._question_prompt(), notice=self.last_notice)

    def _follow_up(self, item: AnsweredQuestion) -> tuple[FollowUp | None, float | None]:
        """The coach's follow-up (`saved_follow_up`: its text shown once saved as the pending
        prompt), and when it was first shown, if it was."""
        shown: list[float] = []

        def save(text: str, follow: FollowUp | None) -> None:
            with self._lock:
                self._shown = self._shown or (self.clock(), now_iso())
                self.record.pending = Pending(
                    question=self.index + 1, kind="follow-up", prompt=text,
                    asked_at=self._shown[1], probe_dimension=follow.dimension if follow else None,
                    coach=follow.coach if follow else None)
                self._save()

        def show(text: str) -> None:
            shown.append(shown[0] if shown else self.clock())
            if self.on_follow_up_text is not None:
                self.on_follow_up_text(text)

        follow = saved_follow_up(self.coach, item, save, show, self.on_follow_up_early)
        return follow, shown[0] if shown else None

    def _take_notices(self, step: str) -> str | None:
        """Record the coach's fallback notices for this step; the step's notice, or None."""
        if not isinstance(self.coach, NoticeSource):
            return None
        notices = self.coach.take_notices()
        if not notices:
            return None
        with self._lock:
            self.record.add_notices(step, self.index + 1, notices)
            self.last_notice = " ".join(notices)
            self._save()
        return self.last_notice

    def _ask(self, prompt: Prompt, *, save: bool = True) -> Prompt:
        """The prompt becomes the pending one, on disk before anyone shows it (a follow-up
        already shown as it was written: asked since then, written again only if it changed)."""
        self.prompt = prompt
        follow, was = prompt.follow_up, self.record.pending
        shown = self._shown if prompt.kind == "follow-up" else None
        self._asked_at, self._asked_iso = shown or (self.clock(), now_iso())
        # its recording's path and draft are added later
        pending = Pending(question=prompt.number, kind=prompt.kind, prompt=prompt.text,
                          asked_at=self._asked_iso,
                          probe_dimension=follow.dimension if follow else None,
                          coach=follow.coach if follow else None)
        if was is not None and (was.question, was.kind, was.prompt, was.asked_at) == (
                pending.question, pending.kind, pending.prompt, pending.asked_at):
            pending = was.model_copy(update={"probe_dimension": pending.probe_dimension,
                                             "coach": pending.coach})  # what was noted since
        self.record.pending, self._shown = pending, None
        if save and pending != was:
            self._save()
        return prompt

    def _save(self) -> None:
        with self._lock:
            self._saves += 1
            self.record.updated_at = now_iso()
            if self.store and self.folder:
                self.store.save(self.folder, self.record.to_json())
