"""The engine's recordings side: where a spoken prompt and a spoken answer are kept, who spoke
the prompt, an answer's word timestamps found later. A part of `InterviewEngine`, kept apart."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from interviewer.session import audio_files
from interviewer.session.prompt import Prompt
from interviewer.session.record import SessionRecord


class PromptAudio:
    """Mixed into `InterviewEngine`, whose record, folder, prompt, lock and `_save` these use."""

    record: SessionRecord
    folder: Path | None
    prompt: Prompt | None
    minutes_per_answer: float
    _lock: threading.RLock

    def _save(self) -> None:
        raise NotImplementedError

    @property
    def keep_audio(self) -> bool:
        """False: recordings are transcribed, then removed (the session's `keep_audio`)."""
        return self.record.keep_audio

    @property
    def exchange_number(self) -> int:
        """The current prompt's number in the session: its recordings' names."""
        return audio_files.exchange_number(self.record)

    def prompt_audio_path(self) -> Path | None:
        """Where the spoken current prompt is kept (`prompts/<n>.wav`, see
        `SessionStore.save_prompt_audio`), noted as the exchange's `prompt_audio`; None when
        recordings are not kept."""
        if self.folder is None or self.prompt is None or not self.keep_audio:
            return None
        path = audio_files.prompt_audio_path(self.folder, self.exchange_number)
        with self._lock:
            if self.record.pending is not None:
                self.record.pending.prompt_audio = audio_files.relative(self.folder, path)
        return path

    def note_prompt_backend(self, number: int, backend: str) -> None:
        """Who spoke prompt `number` (`exchange_number`'s): on the prompt still waiting for
        its answer, else on the exchange whose prompt it was. Safe from any thread."""
        with self._lock:
            pending = self.record.pending
            if pending is not None and self.exchange_number == number:
                pending.prompt_backend = backend
                self._save()
                return
            ex = audio_files.exchange_of_prompt(self.record, self.folder, number)
            if ex is not None:
                ex.prompt_backend = backend
                self._save()

    def amend_segments(self, question: int, exchange: int,
                       segments: Sequence[dict[str, Any]]) -> None:
        """An answer's segments again, with word timestamps found after it was submitted (the
        follow-up did not wait for them): its delivery figures redone, saved. Any thread."""
        with self._lock:
            ex = self.record.questions[question].exchanges[exchange]
            ex.keep_segments(segments, allowed_s=self.minutes_per_answer * 60)
            self._save()

    def answer_audio_path(self) -> Path | None:
        """Where the next spoken answer is recorded: `answers/<n>.wav` in the session folder,
        n being `exchange_number` (`<n>-2.wav`... when that file exists: never one already
        there). Saved as the pending prompt's audio before it is returned, so a crash while
        recording leaves the prompt and its partial recording for `resume` (None without a
        store)."""
        if self.folder is None:
            return None
        path = audio_files.new_answer_path(self.folder, self.exchange_number)
        with self._lock:
            if self.record.pending is not None and self.prompt is not None:
                self.record.pending.audio = audio_files.relative(self.folder, path)
                self._save()
        return path
