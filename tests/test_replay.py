"""Replay of recorded answers: the files a session keeps, the words' places in the transcript,
and sound that really reaches the (virtual) speaker."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interviewer.session.library import load_record
from interviewer.session.recordings import has_audio, recordings, word_at, word_offsets
from interviewer.speech.null_output import NullOutput
from interviewer.speech.replay import RecordingUnavailable, Replayer, read_recording
from interviewer.speech.sounddevice_output import SoundDeviceOutput
from tests.support.session_factory import (
    SPOKEN,
    make_session,
    make_spoken_session,
    saved_record,
    tone_wav,
)
from tests.support.speaker_monitor import MonitorRecording, frame_rms, voiced_span
from tests.support.waiting import wait_until


def test_recordings_follow_the_engines_record(tmp_path: Path) -> None:
    folder = make_spoken_session(tmp_path, count=1)
    record = saved_record(folder)
    items = recordings(folder, load_record(folder))
    exchanges = [ex for q in record["questions"] for ex in q["exchanges"]]
    assert [r.number for r in items] == list(range(1, len(exchanges) + 1))
    assert [r.answer_ref for r in items] == [ex["audio"] for ex in exchanges]
    assert all(r.has_answer_audio and r.prompt_path == folder / "prompts" / f"{r.number}.wav"
               for r in items)
    assert [r.label for r in items[:2]] == ["question 1 answer",
                                            "question 1 follow-up 1 answer"]
    assert [w[2] for w in items[0].words] == SPOKEN[0].split()
    assert has_audio(items)
    typed = make_session(tmp_path / "typed", ["I would start with users."], count=1)
    plain = recordings(typed, load_record(typed))
    assert not has_audio(plain) and all(r.answer_path is None and not r.words for r in plain)


def test_a_reference_outside_the_folder_is_not_followed(tmp_path: Path) -> None:
    folder = make_spoken_session(tmp_path, count=1, prompts=False)
    record = load_record(folder)
    record.questions[0].exchanges[0].audio = "../../etc/passwd"
    first = recordings(folder, record)[0]
    assert first.answer_ref == "../../etc/passwd" and first.answer_path is None
    assert not first.has_answer_audio and first.prompt_path is None


def test_word_offsets_and_the_word_at_a_time() -> None:
    text = "So, I would start with users, so users first."
    words = [(0.2, 0.4, "So,"), (0.5, 0.6, "I"), (0.7, 0.9, "would"), (1.0, 1.2, "start"),
             (1.3, 1.4, "with"), (1.5, 1.8, "users,"), (1.9, 2.0, "so"), (2.1, 2.3, "users"),
             (2.4, 2.7, "first.")]
    spans = word_offsets(text, words)
    assert [text[s:e] for s, e in (x for x in spans if x)] == [w[2] for w in words]
    assert spans[7] == (text.rindex("users"), text.rindex("users") + 5)  # the second one
    # A word the text does not hold (an edited transcript) is skipped, not mis-placed.
    edited = word_offsets("So, I start with users.", words[:5])
    assert edited[2] is None and edited[3] == (6, 11)
    assert word_at(words, 0.0) is None
    assert word_at(words, 0.2) == 0 and word_at(words, 0.45) == 0  # kept through the pause
    assert word_at(words, 1.25) == 3 and word_at(words, 9.0) == 8


def test_read_recording_of_each_kind(tmp_path: Path) -> None:
    wav = tmp_path / "a.wav"
    tone_wav(0.5, wav)
    assert read_recording(wav).seconds == pytest.approx(0.5, abs=0.001)
    fixture = Path(__file__).resolve().parents[1] / "audio_fixtures" / "medium.flac"
    assert read_recording(fixture).seconds > 30  # not WAV: decoded through PyAV
    with pytest.raises(RecordingUnavailable, match="missing"):
        read_recording(tmp_path / "none.wav")
    (tmp_path / "empty.wav").write_bytes(b"")
    with pytest.raises(RecordingUnavailable, match="empty"):
        read_recording(tmp_path / "empty.wav")
    (tmp_path / "junk.wav").write_bytes(b"RIFF" + b"\0" * 100)
    with pytest.raises(RecordingUnavailable):
        read_recording(tmp_path / "junk.wav")


def test_a_wav_cut_off_by_a_kill_still_plays(tmp_path: Path) -> None:
    from interviewer.speech.wavfile import WavWriter

    path = tmp_path / "1.wav"
    writer = WavWriter(path)  # never closed: as a kill -9 leaves it
    writer.write(np.full(8000, 0.1, dtype=np.float32))
    assert read_recording(path).seconds == pytest.approx(0.5)


def test_replayer_plays_to_the_end_and_says_where_it_is(tmp_path: Path) -> None:
    wav = tmp_path / "a.wav"
    tone_wav(0.4, wav)
    output = NullOutput(realtime=False)
    player = Replayer(output)
    player.check()
    utt = player.play(wav)
    assert utt.wait(5)
    assert utt.state == "done" and not player.playing
    assert player.position == pytest.approx(0.4, abs=0.001)
    played = np.concatenate(output.played)
    assert np.count_nonzero(played) > 0.9 * 0.4 * 16000
    player.close()


def test_replayer_stops_at_once(tmp_path: Path) -> None:
    wav = tmp_path / "long.wav"
    tone_wav(5.0, wav)
    player = Replayer(NullOutput(realtime=True))
    utt = player.play(wav)
    assert utt.wait_first_audio(5)
    wait_until(lambda: player.position >= 0.3, "0.3 s played")
    player.stop()
    assert utt.wait(2) and utt.state == "stopped"
    assert 0.1 < player.position < 1.5
    player.close()


def test_an_answer_reaches_the_virtual_speaker(virtual_audio: str, tmp_path: Path) -> None:
    folder = make_spoken_session(tmp_path, count=1)
    answer = recordings(folder, load_record(folder))[0]
    assert answer.answer_path is not None
    clip = read_recording(answer.answer_path)
    recording = MonitorRecording(virtual_audio)
    recording.wait_running()
    player = Replayer(SoundDeviceOutput(None))
    player.check()
    utt = player.play(answer.answer_path)
    assert utt.wait(15) and utt.state == "done"
    recording.wait_quiet_after_sound()  # the null sink renders what it buffered in real time
    heard = recording.stop()
    player.close()
    assert player.position == pytest.approx(clip.seconds, abs=0.05)
    loud = float(np.percentile(frame_rms(heard, 320), 95))
    assert loud > 0.03, f"nothing heard on the virtual speaker (level {loud:.4f})"
    assert voiced_span(heard, 16000) == pytest.approx(clip.seconds, abs=0.3)
