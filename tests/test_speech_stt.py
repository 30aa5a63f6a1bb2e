"""The real tiny.en model on real audio: espeak-ng answers, real human speech, silence, noise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from interviewer.speech.audio import SAMPLE_RATE, AudioFileError, load_audio, rms_dbfs
from interviewer.speech.stt import ModelLoadError
from interviewer.speech.whisper_stt import SttSettings, WhisperTranscriber, resolve_model
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.wer import wer

JFK = Path(__file__).resolve().parents[2] / "shared" / "real-speech" / "jfk.flac"
JFK_TEXT = ("And so my fellow Americans, ask not what your country can do for you, ask what you "
            "can do for your country.")
MANIFEST = json.loads((AUDIO_FIXTURES / "manifest.json").read_text())
SPOKEN = [(name, f) for name, m in MANIFEST.items() if m["reference"] for f in m["files"]]


def reference(name: str) -> str:
    return (AUDIO_FIXTURES / f"{name}.txt").read_text()


@pytest.mark.parametrize(("name", "file"), SPOKEN, ids=[f for _, f in SPOKEN])
def test_fixture_word_error_rate_under_15_percent(whisper: WhisperTranscriber, name: str,
                                                  file: str) -> None:
    transcript = whisper.transcribe_file(AUDIO_FIXTURES / file)
    error = wer(reference(name), transcript.text)
    print(f"WER {file}: {error:.1%}")
    assert error < 0.15, transcript.text
    # Segments and words are in order, inside the audio, words inside their segment.
    assert transcript.duration == pytest.approx(MANIFEST[name]["seconds"], abs=0.1)
    ends = [s.end for s in transcript.segments]
    assert ends == sorted(ends) and 0 < ends[-1] <= transcript.duration + 0.1
    for seg in transcript.segments:
        assert seg.words and seg.start <= seg.words[0].start <= seg.words[-1].end <= seg.end + 0.05
        assert all(0 <= w.probability <= 1 and w.word == w.word.strip() for w in seg.words)


def test_real_human_speech_under_10_percent(whisper: WhisperTranscriber) -> None:
    assert JFK.exists(), f"missing {JFK} (the shared real-speech sample)"
    transcript = whisper.transcribe_file(JFK)
    error = wer(JFK_TEXT, transcript.text)
    print(f"WER jfk.flac: {error:.1%}")
    assert error < 0.10, transcript.text


@pytest.mark.parametrize("file", ["silence.wav", "noise.wav"])
def test_silence_and_noise_give_an_empty_transcript(whisper: WhisperTranscriber,
                                                    file: str) -> None:
    transcript = whisper.transcribe_file(AUDIO_FIXTURES / file)
    assert transcript.text == "" and transcript.segments == () and transcript.empty


def test_digital_silence_and_very_short_audio_are_empty(whisper: WhisperTranscriber) -> None:
    assert whisper.transcribe(np.zeros(SAMPLE_RATE * 3, np.float32)).empty
    assert whisper.transcribe(np.zeros(100, np.float32)).empty


def test_fixture_levels_are_what_the_names_say() -> None:
    assert rms_dbfs(load_audio(AUDIO_FIXTURES / "silence.wav")) < -65
    assert -30 < rms_dbfs(load_audio(AUDIO_FIXTURES / "noise.wav")) < -20
    long = load_audio(AUDIO_FIXTURES / "long.flac")
    assert len(long) >= 120 * SAMPLE_RATE  # the benchmark's answer: at least two minutes


def test_every_format_decodes_to_16k_mono(tmp_path: Path) -> None:
    lengths = {f: len(load_audio(AUDIO_FIXTURES / f)) for f in ("weak.wav", "weak.mp3",
                                                                 "weak.m4a")}
    assert max(lengths.values()) - min(lengths.values()) < SAMPLE_RATE * 0.1
    flac = load_audio(AUDIO_FIXTURES / "medium.flac")
    assert flac.dtype == np.float32 and flac.ndim == 1 and np.abs(flac).max() <= 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"this is not audio at all" * 50, "not a readable audio file"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "not a readable audio file"),
    ],
    ids=["empty", "text", "truncated-header"],
)
def test_unreadable_files_raise_a_clear_error(tmp_path: Path, content: bytes,
                                              message: str) -> None:
    bad = tmp_path / "answer.wav"
    bad.write_bytes(content)
    with pytest.raises(AudioFileError, match=message) as err:
        load_audio(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="no such file"):
        load_audio(tmp_path / "nope.flac")
    with pytest.raises(AudioFileError, match="is a folder"):
        load_audio(tmp_path)


def test_the_default_model_is_the_bundled_one_and_local() -> None:
    for name in ("", "tiny.en"):
        source = resolve_model(name)
        assert source.local and (Path(source.location) / "model.bin").is_file()
    assert resolve_model("base.en").local is False  # a hub name, only when asked for


def test_a_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="no such model folder"):
        resolve_model(str(tmp_path / "nope"))
    with pytest.raises(ModelLoadError, match=r"no model\.bin"):
        WhisperTranscriber(SttSettings(model=str(tmp_path))).load()


def test_loading_the_default_model_never_touches_the_network(tmp_path: Path) -> None:
    """With no network at all (proxies pointing nowhere) and an empty hub cache, it loads."""
    code = ("from interviewer.speech.whisper_stt import WhisperTranscriber\n"
            "t = WhisperTranscriber(); t.load()\n"
            "import os; print(t.source.local, os.environ.get('HF_HUB_OFFLINE'))\n")
    env = {**os.environ, "HF_HOME": str(tmp_path / "hf"), "HTTPS_PROXY": "http://127.0.0.1:9",
           "HTTP_PROXY": "http://127.0.0.1:9", "ALL_PROXY": "http://127.0.0.1:9"}
    env.pop("HF_HUB_OFFLINE", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "1"]
    assert not (tmp_path / "hf").exists()
