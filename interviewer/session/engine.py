"""The interview as a state machine: ask, answer, follow up, next question, score.

It knows nothing of Textual, so the TUI, the text fallback and the tests drive the very same
object. Every answer is saved before the next prompt is produced: a crash keeps it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from interviewer import __version__
from interviewer.banks import Question
from interviewer.coach.base import MAX_FOLLOW_UPS, AnsweredQuestion, Coach, FollowUp
from interviewer.scorecard import Scorecard
from interviewer.session.store import SessionStore


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

    @property
    def number(self) -> int:
        return self.question_index + 1


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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
        self._asked_at = 0.0
        self._asked_iso = ""
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
        }

    # -- driving the interview -------------------------------------------------------------
    def start(self) -> Prompt:
        if self.phase is not Phase.READY:
            raise RuntimeError("interview already started")
        self.phase = Phase.ANSWERING
        self._save()
        return self._ask(self._question_prompt())

    def submit(self, answer: str, *, skipped: bool = False) -> Prompt | None:
        """Record the answer to the current prompt; return the next prompt, or None at the end."""
        if self.phase is not Phase.ANSWERING or self.prompt is None:
            raise RuntimeError("no prompt is waiting for an answer")
        answer = answer.strip()
        seconds = round(self.clock() - self._asked_at, 3)
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
        if prompt.follow_up is not None:
            exchange["probe_dimension"] = prompt.follow_up.dimension
            exchange["coach"] = prompt.follow_up.coach
        self.record["questions"][self.index]["exchanges"].append(exchange)
        self._save()
        nxt = self._next_prompt(skip_follow_ups=not answer)
        if nxt is None:
            self.prompt = None
            return None
        return self._ask(nxt)

    def finish(self) -> Scorecard:
        """Score every answered question; the session is complete once this is saved."""
        answered = [it for it in self.items if any(a for a in it.answers)]
        self.scorecard = self.coach.score(answered or self.items[:1])
        self.record["scorecard"] = self.scorecard.to_dict()
        self.record["status"] = "complete"
        self.phase = Phase.FINISHED
        self._save()
        return self.scorecard

    def quit(self) -> None:
        """Mark the session as left early; what was answered is already on disk."""
        if self.phase is not Phase.FINISHED:
            self.record["status"] = "quit"
            self._save()

    @property
    def answered_count(self) -> int:
        return sum(1 for it in self.items if it.answers)

    # -- internals ------------------------------------------------------------------------
    def _question_prompt(self) -> Prompt:
        q = self.questions[self.index]
        return Prompt(q.prompt, "question", self.index, len(self.questions), q)

    def _next_prompt(self, *, skip_follow_ups: bool) -> Prompt | None:
        item = self.items[self.index]
        if not skip_follow_ups and len(item.follow_ups) < MAX_FOLLOW_UPS:
            follow = self.coach.follow_up(item)
            if follow is not None:
                item.follow_ups.append(follow)
                return Prompt(follow.text, "follow-up", self.index, len(self.questions),
                              item.question, follow)
        if self.index + 1 >= len(self.questions):
            return None
        self.index += 1
        return self._question_prompt()

    def _ask(self, prompt: Prompt) -> Prompt:
        self.prompt = prompt
        self._asked_at = self.clock()
        self._asked_iso = _now_iso()
        return prompt

    def _save(self) -> None:
        self.record["updated_at"] = _now_iso()
        if self.store and self.folder:
            self.store.save(self.folder, self.record)
