"""Pieces of the voice screen that run beside it: the barge-in listener's opening, the
follow-up got ready while the judges decide, and the answer's word timestamps found after the
answer (`StreamingSettings.words_later`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress

from interviewer.session.ahead import preview_follow_up
from interviewer.session.engine import InterviewEngine
from interviewer.speech.barge_in import BargeIn
from interviewer.speech.errors import AudioUnavailable, SpeechError
from interviewer.speech.microphone import Microphone
from interviewer.speech.remote_backends import backends_since, ledger_mark
from interviewer.speech.speaker import Speaker
from interviewer.speech.stt import Transcript
from interviewer.speech.utterance import Utterance
from interviewer.ui.voice_kit import VoiceKit
from interviewer.ui.widgets import sentence


def open_listener(mic: Microphone, on_speech: Callable[[], None],
                  say: Callable[[str], None]) -> BargeIn | None:
    """A listener on `mic` while the prompt is read, or None (said through `say`) when the
    microphone cannot open."""
    listener = BargeIn(mic, on_speech)
    try:
        listener.listen()
    except AudioUnavailable as exc:
        say(sentence(f"Cannot listen while the question is read: {exc}"))
        return None
    return listener


def follow_up_ahead(engine: InterviewEngine, kit: VoiceKit,
                    speaker: Speaker | None) -> Callable[[str], None] | None:
    """`VoiceAnswer`'s `on_words`: at a pause whose words read finished, the follow-up the
    coach would ask on them (`session.ahead`), its first piece synthesised silently
    (`Speaker.prepare`), in the background, while the judges decide. If the answer ends on
    these words, the voice starts without waiting for that synthesis (about 0.3 s of Piper on
    2 cores); if the candidate goes on, nothing was said and the piece is dropped."""
    if speaker is None:
        return None
    voice = speaker

    def prepare(text: str) -> None:
        if (follow := preview_follow_up(engine, text)) is not None and voice.available:
            voice.prepare(follow)

    return lambda text: kit.in_background(lambda: prepare(text), "follow-up-ahead")


def keep_spoken_prompt(engine: InterviewEngine, speaker: Speaker, utt: Utterance, number: int,
                       mark: int) -> int:
    """Prompt `number`, spoken as `utt`, kept as prompts/<n>.wav, and who spoke it when a
    voice server is configured (the voice's ledger since `mark`); returns the next mark."""
    store, folder = engine.store, engine.folder
    if store is not None and folder is not None and engine.keep_audio:
        with suppress(OSError, SpeechError, ValueError):
            # whole even when cut short: the speaker synthesised it to the end, once
            store.save_prompt_audio(folder, number, speaker.whole_clip(utt).to_wav_bytes())
    backend = backends_since(speaker.synthesizer, mark)
    if backend is not None:
        with suppress(OSError, ValueError):
            engine.note_prompt_backend(number, backend)
    return ledger_mark(speaker.synthesizer)


def add_words_later(engine: InterviewEngine, kit: VoiceKit, asked: Utterance | None,
                    current: Callable[[], Utterance | None],
                    with_words: Callable[[], Transcript]) -> None:
    """The answer's missing word timestamps, found once the follow-up is synthesised (at most
    10 s on): their decode would compete with it for the cores and for memory (each decode
    also waits for any other synthesis, `speech.model_turns`: a prompt cut short still is).
    `asked` is the prompt the answer answered; `current()` the prompt being spoken now."""
    qi = engine.index
    xi = len(engine.record.questions[qi].exchanges)  # where this answer is about to go
    engine.words_done.clear()

    def synthesised() -> bool:
        utt = current()
        return engine.prompt is None or (utt is not None and utt is not asked
                                         and utt.wait_synthesized(0))

    def until(condition: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.05)

    def run() -> None:
        try:
            until(lambda: len(engine.record.questions[qi].exchanges) > xi, 120.0)
            until(synthesised, 10.0)
            segments = [s.to_dict() for s in with_words().segments]
            if len(engine.record.questions[qi].exchanges) > xi:
                engine.amend_segments(qi, xi, segments)
        finally:
            engine.words_done.set()

    kit.in_background(run, "answer-words")
