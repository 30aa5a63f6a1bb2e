"""The hand-off after a hands-free answer ends: nothing on the way from the verdict to the
follow-up's first sound waits for what can come after it, and nothing is lost for it.

Real parts (the engine, the offline coach, the speaker with the real espeak-ng voice into the
app's NullOutput, the recorder with real tiny.en); fakes only at the boundaries: a disk whose
session write is slow, and a microphone (a file played as if spoken) whose close is slow, as a
PortAudio close through PulseAudio is on busy cores (5-140 ms measured here).
"""

from __future__ import annotations

import json
import random
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine
from interviewer.session.store import SessionStore
from interviewer.speech.answer_recording import VoiceAnswer
from interviewer.speech.file_microphone import FileMicrophone
from interviewer.speech.null_output import NullOutput
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.speaker import Speaker
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.utterance import Utterance
from interviewer.speech.wavfile import wav_seconds
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import WEAK_WORDS, fixture_speech
from tests.support.diagnose import transcript_clues
from tests.support.session_factory import GOOD, answer_aloud, bank, saved_record


class SlowDisk(SessionStore):
    """The disk at the store's boundary: writing the record that first holds an answered
    exchange lasts until `hold` is set (at most 5 s); `before_answer` runs just before that
    write (a crash there leaves the folder as it is)."""

    def __init__(self, home: Path) -> None:
        super().__init__(home)
        self.answer_written_at: float | None = None
        self.before_answer: Any = None
        self.hold = threading.Event()

    def save(self, folder: Path, record: dict[str, Any]) -> Path:
        answered = any(q["exchanges"] for q in record["questions"])
        if answered and self.answer_written_at is None:
            if self.before_answer is not None:
                self.before_answer(folder)
            self.hold.wait(5)
            path = super().save(folder, record)
            self.answer_written_at = time.monotonic()
            return path
        return super().save(folder, record)


def voiced_engine(home: Path, store: SlowDisk) -> tuple[InterviewEngine, list[Utterance]]:
    """The engine as the voice screen drives it: the follow-up spoken from its text
    (`on_follow_up_early`), by a real speaker; the disk's write held until it is heard."""
    speaker = Speaker(Pyttsx3Synthesizer(), NullOutput(),
                      on_first_audio=lambda utt: store.hold.set())
    spoken: list[Utterance] = []

    def voice(text: str) -> None:
        if not spoken and text.strip():
            spoken.append(speaker.speak(text))

    questions = bank().pick("mixed", 2, random.Random(11))
    engine = InterviewEngine(questions, OfflineCoach(), store=store, mode="voice")
    engine.on_follow_up_early = voice  # as the voice screen sets it: heard before it is saved
    engine.start()
    return engine, spoken


def test_the_follow_up_sounds_before_the_answer_is_written_and_the_answer_is_kept(
        tmp_path: Path) -> None:
    disk = SlowDisk(tmp_path)
    engine, spoken = voiced_engine(tmp_path, disk)
    nxt = answer_aloud(engine, GOOD)
    assert nxt is not None and nxt.kind == "follow-up"
    assert spoken and spoken[0].wait_first_audio(5)
    first_audio = spoken[0].time_of("first-audio")
    assert first_audio is not None and disk.answer_written_at is not None
    # the voice started while the answer was still being written, not after it (before the
    # change, the write came first: it waited 5 s for a voice that waited for it)
    assert first_audio < disk.answer_written_at, (first_audio, disk.answer_written_at)
    assert engine.folder is not None
    first = saved_record(engine.folder)["questions"][0]["exchanges"][0]
    assert first["answer"] == GOOD and first["audio"]
    assert saved_record(engine.folder)["pending"]["prompt"] == nxt.text  # asked once saved
    spoken[0].wait(10)


def test_a_crash_while_the_follow_up_sounds_and_the_answer_is_written_keeps_the_answer(
        tmp_path: Path) -> None:
    disk = SlowDisk(tmp_path / "home")
    crashed = tmp_path / "crashed" / "sessions"
    engine, spoken = voiced_engine(tmp_path, disk)

    def crash_now(folder: Path) -> None:
        """What the folder holds if the process dies once the follow-up is heard, as the
        answer's write (beside the voice) begins."""
        disk.hold.wait(5)
        shutil.copytree(folder, crashed / folder.name)

    disk.before_answer = crash_now
    answer_aloud(engine, GOOD)
    deadline = time.monotonic() + 10
    while not (crashed.exists() and any(crashed.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)
    folder = next(crashed.iterdir())
    on_disk = json.loads((folder / "session.json").read_text())
    assert not on_disk["questions"][0]["exchanges"]  # the crash came before the answer's write
    resumed = InterviewEngine.resume(folder, OfflineCoach(), store=SessionStore(tmp_path / "c"))
    found = resumed.interrupted
    assert found is not None and found.audio_path.exists()  # the recording is what resumes
    assert wav_seconds(found.audio_path) > 1.0
    resumed.adopt_interrupted(GOOD)
    assert saved_record(folder)["questions"][0]["exchanges"][0]["answer"] == GOOD
    spoken[0].wait(10)


class SlowClose(FileMicrophone):
    """A file spoken into the recorder whose device closes only once `release` is set: blocks
    keep coming until then, as PortAudio's callback does until its close has run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.release = threading.Event()
        self.closed = threading.Event()

    def detach(self) -> Any:
        def close() -> None:
            self.release.wait(10)
            self.stop()

        return close

    def stop(self) -> None:
        super().stop()
        self.closed.set()


def test_an_answer_that_ended_itself_is_final_without_waiting_for_the_microphone_to_close(
        tmp_path: Path, whisper: WhisperTranscriber) -> None:
    mic = SlowClose(fixture_speech("weak.wav"), speed=2.0, trailing_silence_s=30.0)
    ended = threading.Event()
    answer = VoiceAnswer(mic, whisper, wav_path=tmp_path / "a.wav",
                         settings=StreamingSettings(silence_end_s=1.0))

    def end_itself() -> None:
        answer.stop_soon()
        ended.set()

    answer.on_silence_end = end_itself
    answer.start()
    assert ended.wait(120)
    spoken = answer.stop()
    stopped_at = time.perf_counter()
    assert spoken.ended_by == "silence"
    assert all(words in spoken.text.lower() for words in WEAK_WORDS), transcript_clues(
        spoken.text, answer=answer, whisper=whisper)
    assert not mic.closed.is_set() and not answer.mic_closed.is_set()  # final before the close
    time.sleep(0.3)
    mic.release.set()
    assert answer.mic_closed.wait(5) and mic.closed.is_set()
    # blocks kept coming until the close, and none of them went into the recording; the
    # transcript's audio ends where the end was judged (blocks queued after it are dropped)
    assert mic.last_block_at is not None and mic.last_block_at > stopped_at
    assert spoken.audio_path is not None
    assert spoken.seconds <= wav_seconds(spoken.audio_path) < len(mic.audio) / 16000 - 5
    ends = answer.stream.turn_ends
    assert ends and spoken.seconds < ends[-1].at_s + 1.0
    assert answer.stop() is spoken  # stopped once: a second stop gets the same answer


def test_an_answer_ended_by_the_key_waits_for_the_microphone_to_close(
        tmp_path: Path, whisper: WhisperTranscriber) -> None:
    """The key may come mid-word: the blocks up to the close are the answer's."""
    mic = SlowClose(fixture_speech("weak.wav")[: 16000 * 3], speed=0, trailing_silence_s=0.5)
    answer = VoiceAnswer(mic, whisper)
    answer.start()
    assert mic.finished.wait(10)
    spoken = answer.stop()
    assert spoken.ended_by == "key"
    assert answer.mic_closed.is_set() and mic.closed.is_set()
