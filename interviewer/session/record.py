"""The session record (`session.json`) as typed models, and its one validation.

The engine writes it through these models and every reader reads it through them, so a field
is named once. The JSON on disk is the one the engine has always written: optional fields are
left out while they hold their default (`OMIT`), keys this version does not know are kept as
they were, and `parse_record` says in one line what is wrong with a file that does not fit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from typing import Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from interviewer.banks import ANY_KIND, Question
from interviewer.report.session_view import Exchange as ExchangeView
from interviewer.report.session_view import SessionView, TranscriptQuestion, delivery_of
from interviewer.scorecard import Scorecard
from interviewer.session.record_errors import error_line
from interviewer.speech.delivery import from_segments

Status = Literal["in-progress", "quit", "complete"]
Kind = Literal["question", "follow-up"]
UNFINISHED: tuple[Status, ...] = ("in-progress", "quit")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class RecordError(ValueError):
    """A record that does not fit the models, and why, in words (see `parse_record`)."""


class _Model(BaseModel):
    """Strict types (no "3" for 3), unknown keys kept, optional fields left out at default."""

    model_config = ConfigDict(extra="allow", strict=True)
    OMIT: ClassVar[frozenset[str]] = frozenset()
    """Fields written only when they differ from their default, as the engine always did."""

    @model_serializer(mode="wrap")
    def _leave_out_defaults(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        fields = type(self).model_fields
        for name in self.OMIT:
            if name in data and data[name] == fields[name].get_default(
                    call_default_factory=True):
                del data[name]
        return data


class RecordedQuestion(_Model):
    """A question as the session asked it (the bank may have changed since)."""

    id: str
    prompt: str
    track: str = "adhoc"
    difficulty: str = "medium"
    kind: str = "improve"
    dimensions: list[str] = Field(default_factory=list)
    probes: dict[str, list[str]] = Field(default_factory=dict)
    outline: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, question: Question) -> RecordedQuestion:
        return cls.model_validate(question.to_dict())

    def to_question(self) -> Question:
        return Question(id=self.id, track=self.track or "adhoc",
                        difficulty=self.difficulty or "medium", prompt=self.prompt,
                        dimensions=tuple(self.dimensions),
                        probes={k: tuple(v) for k, v in self.probes.items()},
                        outline=tuple(self.outline), kind=self.kind or "improve")


class AudioFile(_Model):
    """An older way to name a recording: `{"path": "answers/1.wav"}`."""

    path: str


class Exchange(_Model):
    """One prompt (the question or a follow-up) and the answer given to it."""

    kind: Kind
    prompt: str
    answer: str
    skipped: bool = False
    asked_at: str = ""
    answered_at: str = ""
    seconds: float | None = None
    """From the prompt being shown to the answer's submission."""
    over_time: bool = False
    audio: str | AudioFile | None = None
    """The spoken answer's WAV, relative to the session folder (`answers/<n>.wav`)."""
    audio_seconds: float | None = None
    prompt_audio: str | None = None
    """The spoken prompt's WAV (`prompts/<n>.wav`), when it was kept."""
    transcript_backend: str | None = None
    """With a speech server configured: who transcribed the answer, 'openai' (the server),
    'local' (this machine's model, the server having failed) or 'openai+local'; absent: the
    local model alone was configured."""
    prompt_backend: str | None = None
    """With a voice server configured: who spoke the prompt, 'openai', the local engine
    ('piper', 'pyttsx3') or both ('openai+piper'); absent: the local engine alone."""
    segments: list[dict[str, Any]] | None = None
    """The transcript's segments with their word timestamps (`Segment.to_dict()`)."""
    delivery: dict[str, Any] | None = None
    """Pace, fillers, pauses... (`interviewer.speech.delivery.Delivery.to_dict()`)."""
    probe_dimension: str | None = None
    coach: str | None = None
    follow_up_latency_s: float | None = None
    follow_up_ready_s: float | None = None
    coach_notice: str | None = None
    interrupted: bool = False
    """Recorded up to a crash or a kill, kept on resume."""
    needs_transcript: bool = False
    """Interrupted and not transcribed yet."""

    OMIT: ClassVar[frozenset[str]] = frozenset({
        "audio", "audio_seconds", "prompt_audio", "transcript_backend", "prompt_backend",
        "segments", "delivery", "probe_dimension",
        "coach", "follow_up_latency_s", "follow_up_ready_s", "coach_notice", "interrupted",
        "needs_transcript"})

    @property
    def audio_ref(self) -> str | None:
        """The recording's path relative to the session folder, in either spelling."""
        ref = self.audio.path if isinstance(self.audio, AudioFile) else self.audio
        return ref or None

    @property
    def is_skipped(self) -> bool:
        return self.skipped or not self.answer.strip()

    def keep_segments(self, segments: Sequence[dict[str, Any]], *, allowed_s: float) -> None:
        """The transcript's segments, and the delivery figures their word timestamps give."""
        self.segments = list(segments)
        delivery = from_segments(segments, allowed_s=allowed_s)
        if delivery is not None:  # word timestamps: pace, fillers, pauses, first point
            self.delivery = delivery.to_dict()

    def give_transcript(self, text: str, *, segments: Sequence[dict[str, Any]] | None,
                        audio_seconds: float | None, allowed_s: float) -> None:
        """An answer recorded before a crash gets its words (resume): "" keeps it as a
        recording with no words."""
        self.answer = text
        self.skipped = not text
        if audio_seconds is not None:
            self.audio_seconds = round(audio_seconds, 3)
        if segments is not None:
            self.keep_segments(segments, allowed_s=allowed_s)
        self.needs_transcript = False


class QuestionRecord(_Model):
    question: RecordedQuestion
    exchanges: list[Exchange]

    @model_validator(mode="after")
    def _question_first(self) -> QuestionRecord:
        for j, ex in enumerate(self.exchanges, start=1):
            if (j == 1) != (ex.kind == "question"):
                raise ValueError(f"exchange {j}: exchanges must start with the question "
                                 "and go on with follow-ups")
        return self

    @property
    def answered(self) -> bool:
        return any(ex.answer.strip() for ex in self.exchanges)


class Pending(_Model):
    """The prompt on screen (or being answered) when the record was last saved."""

    question: int
    """1-based question number."""
    kind: Kind
    prompt: str
    asked_at: str = ""
    probe_dimension: str | None = None
    coach: str | None = None
    audio: str | None = None
    """Where its spoken answer is being recorded (set before recording starts)."""
    prompt_audio: str | None = None
    prompt_backend: str | None = None
    """Who spoke the prompt (`Exchange.prompt_backend`), once it has been spoken."""
    draft: str | None = None
    """The answer being typed, saved as it grows."""

    OMIT: ClassVar[frozenset[str]] = frozenset({"probe_dimension", "coach", "audio",
                                                "prompt_audio", "prompt_backend", "draft"})


class Notice(_Model):
    """A coach handing a step to its fallback, said to the candidate."""

    step: str
    question: int
    at: str
    text: str


class Resumption(_Model):
    at: str
    from_question: int | None
    status_was: str
    coach: str
    mode: str


class SessionRecord(_Model):
    app_version: str = ""
    id: str = ""
    created_at: str = ""
    updated_at: str = ""
    track: str = ""
    kind: str = ANY_KIND
    """The kind of question picked (estimate, design...), 'any' when none was."""
    mode: str = "text"
    coach: str = ""
    minutes_per_answer: float = 3.0
    status: Status
    questions: list[QuestionRecord] = Field(min_length=1)
    scorecard: dict[str, Any] | None = None
    notices: list[Notice] = Field(default_factory=list)
    keep_audio: bool = True
    """False: recordings are transcribed, then removed."""
    pending: Pending | None = None
    resumed: list[Resumption] = Field(default_factory=list)
    scorecard_seconds: float | None = None

    OMIT: ClassVar[frozenset[str]] = frozenset({"kind", "keep_audio", "pending", "resumed",
                                                "scorecard_seconds"})

    @field_validator("pending", mode="wrap")
    @classmethod
    def _pending_or_none(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """A pending prompt that cannot be read is dropped: the answers are what matter."""
        try:
            return handler(value)
        except ValidationError:
            return None

    @field_validator("scorecard")
    @classmethod
    def _readable_scorecard(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None:
            try:
                Scorecard.from_dict(value)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ValueError(f"the scorecard is unreadable ({exc!r})") from None
        return value

    @model_validator(mode="after")
    def _complete_has_a_scorecard(self) -> SessionRecord:
        if self.status == "complete" and self.scorecard is None:
            raise ValueError("marked complete but holds no scorecard")
        return self

    @classmethod
    def begin(cls, questions: Sequence[Question], *, app_version: str, folder_name: str,
              track: str, mode: str, coach: str, minutes_per_answer: float,
              keep_audio: bool, kind: str = ANY_KIND) -> SessionRecord:
        """A new session's record: every question listed, nothing answered yet."""
        started = now_iso()
        return cls(app_version=app_version, id=folder_name, created_at=started,
                   updated_at=started, track=track, kind=kind, mode=mode, coach=coach,
                   minutes_per_answer=minutes_per_answer, status="in-progress",
                   questions=[QuestionRecord(question=RecordedQuestion.of(q), exchanges=[])
                              for q in questions], keep_audio=keep_audio)

    def add_notices(self, step: str, question: int, texts: Sequence[str]) -> None:
        self.notices += [Notice(step=step, question=question, at=now_iso(), text=t)
                         for t in texts]

    # -- reading ----------------------------------------------------------------------------
    def exchanges(self) -> Iterator[Exchange]:
        for q in self.questions:
            yield from q.exchanges

    @property
    def card(self) -> Scorecard | None:
        return Scorecard.from_dict(self.scorecard) if self.scorecard is not None else None

    @property
    def answered(self) -> int:
        """Questions with at least one answer given (not skipped)."""
        return sum(1 for q in self.questions if q.answered)

    @property
    def answer_time(self) -> float:
        """Time spent answering: the sum of every exchange's seconds."""
        return float(sum(ex.seconds or 0.0 for ex in self.exchanges()))

    @property
    def resumable(self) -> bool:
        return self.status in UNFINISHED

    def created(self) -> datetime | None:
        """When it started (UTC when the stamp has no zone); None when unknown."""
        try:
            stamp = datetime.fromisoformat(self.created_at)
        except ValueError:
            return None
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)

    def to_json(self) -> dict[str, Any]:
        """The record as session.json holds it."""
        return self.model_dump(mode="json")

    def view(self) -> SessionView:
        """The session as reports and the review screen read it."""
        questions = tuple(
            TranscriptQuestion(i, q.question.id, q.question.prompt, q.question.track,
                               q.question.difficulty, tuple(
                                   ExchangeView(kind=ex.kind, number=j, prompt=ex.prompt,
                                                answer=ex.answer, skipped=ex.is_skipped,
                                                seconds=ex.seconds,
                                                probe_dimension=ex.probe_dimension or "",
                                                delivery=delivery_of(ex.delivery),
                                                interrupted=ex.interrupted)
                                   for j, ex in enumerate(q.exchanges, start=1)))
            for i, q in enumerate(self.questions, start=1))
        return SessionView(id=self.id, track=self.track, mode=self.mode or "text",
                           coach=self.coach or "?", status=self.status,
                           created_at=self.created(), minutes_per_answer=self.minutes_per_answer,
                           keep_audio=self.keep_audio, questions=questions, card=self.card,
                           answer_seconds=self.answer_time, saved=self.to_json())


def parse_record(raw: Any) -> SessionRecord:
    """The one validation of a session record: the model, or `RecordError` saying why not."""
    if not isinstance(raw, dict):
        raise RecordError("session.json does not hold a JSON object")
    try:
        return SessionRecord.model_validate(raw)
    except ValidationError as exc:
        raise RecordError(error_line(exc.errors()[0])) from None
