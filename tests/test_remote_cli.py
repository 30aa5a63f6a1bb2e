"""`interviewer transcribe` and `interviewer speak --output`, the installed command, through
loopback OpenAI-compatible speech servers that do real work (the bundled Whisper model, the
local voice), and falling back to this machine when the server fails: one line on stderr,
exit 0, the same result. The key goes to the server and nowhere else."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interviewer.config import SPECS, env_name
from interviewer.speech.audio import load_audio
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.llm_server import closed_port_url
from tests.support.speech_servers import SPEECH, TRANSCRIPTION, SpeechServer
from tests.support.wer import wer

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")
KEY = "sk-test-7d31c0e5aa-remote-cli"
WEAK = AUDIO_FIXTURES / "weak.wav"
SAID = (AUDIO_FIXTURES / "weak.txt").read_text()
LINE = "How would you measure whether the assistant helps shoppers? Start with the users."


@pytest.fixture(scope="module")
def espeak() -> Pyttsx3Synthesizer:
    synth = Pyttsx3Synthesizer()
    synth.check()
    return synth


@pytest.fixture
def server(whisper: WhisperTranscriber, espeak: Pyttsx3Synthesizer) -> Iterator[SpeechServer]:
    with SpeechServer(whisper, espeak, require_key=KEY) as s:
        yield s


def environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The installed command's world: no config file, a fresh home, only these settings."""
    env = {k: v for k, v in os.environ.items()
           if k not in {env_name(n) for n in SPECS} and not k.startswith("OPENAI_")}
    env.update(HOME=str(tmp_path / "user"), INTERVIEWER_CONFIG=str(tmp_path / "none.toml"),
               INTERVIEWER_HOME=str(tmp_path / "home"))
    env.update({env_name(k): v for k, v in settings.items()})
    return env


def stt_env(tmp_path: Path, url: str) -> dict[str, str]:
    return environment(tmp_path, stt_backend="openai", stt_base_url=url,
                       stt_server_model="Systran/faster-whisper-tiny.en", stt_api_key=KEY)


def tts_env(tmp_path: Path, url: str) -> dict[str, str]:
    return environment(tmp_path, tts_engine="openai", tts_base_url=url, tts_model="kokoro",
                       tts_voice="af_heart", tts_api_key=KEY)


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, *args], capture_output=True, text=True, timeout=240,
                          env=env)


def test_transcribe_goes_through_the_server(tmp_path: Path, server: SpeechServer) -> None:
    out = run(stt_env(tmp_path, server.base_url), "transcribe", str(WEAK))
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # no notice: the server did it
    assert wer(SAID, out.stdout) < 0.15
    (request,) = server.of_kind(TRANSCRIPTION)
    assert request.fields["model"] == "Systran/faster-whisper-tiny.en"
    assert request.fields["response_format"] == "verbose_json"
    assert request.headers["authorization"] == f"Bearer {KEY}"


def test_transcribe_falls_back_when_the_server_is_down(tmp_path: Path) -> None:
    out = run(stt_env(tmp_path, closed_port_url()), "transcribe", str(WEAK), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert out.stderr.count("\n") == 1, out.stderr
    assert "the transcription server is unavailable: could not connect to 127.0.0.1:" \
        in out.stderr and "local speech model" in out.stderr
    assert '"text"' in out.stdout and wer(SAID, out.stdout.split('"text": "')[1]
                                          .split('"')[0]) < 0.15


@pytest.mark.parametrize(("fault", "said"), [
    ("401", "refused the API key (HTTP 401)"),
    ("malformed", "sent a reply that is not what the API promises"),
])
def test_a_refusing_or_broken_server_is_one_line(tmp_path: Path, server: SpeechServer,
                                                 fault: str, said: str) -> None:
    server.script(TRANSCRIPTION, fault)
    out = run(stt_env(tmp_path, server.base_url), "transcribe", str(WEAK))
    assert out.returncode == 0 and out.stderr.count("\n") == 1 and said in out.stderr
    assert KEY not in out.stderr + out.stdout
    assert wer(SAID, out.stdout) < 0.15


def test_score_audio_goes_through_the_server(tmp_path: Path, server: SpeechServer) -> None:
    out = run(stt_env(tmp_path, server.base_url), "score", "--question",
              "How would you improve search?", "--audio", str(WEAK), "--format", "json")
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert len(server.of_kind(TRANSCRIPTION)) == 1 and '"delivery"' in out.stdout


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def heard(whisper: WhisperTranscriber, wav: Path) -> str:
    return whisper.transcribe(load_audio(wav)).text


def test_speak_output_goes_through_the_server(tmp_path: Path, server: SpeechServer,
                                              whisper: WhisperTranscriber) -> None:
    wav = tmp_path / "prompt.wav"
    out = run(tts_env(tmp_path, server.base_url), "speak", LINE, "--output", str(wav))
    assert out.returncode == 0, out.stderr
    assert out.stderr.count("\n") == 1 and "wrote" in out.stderr  # and no notice
    requests = server.of_kind(SPEECH)
    assert requests and all(r.fields["voice"] == "af_heart" and r.fields["model"] == "kokoro"
                            for r in requests)
    assert " ".join(str(r.fields["input"]) for r in requests).split() == LINE.split()
    data = wav.read_bytes()
    assert all(r.sent and r.sent in data for r in requests)  # the server's audio, as it sent it
    assert {"measure", "shoppers", "users"} <= set(words(heard(whisper, wav)))


def test_speak_output_falls_back_when_the_server_is_down(tmp_path: Path,
                                                         whisper: WhisperTranscriber) -> None:
    wav = tmp_path / "prompt.wav"
    out = run(tts_env(tmp_path, closed_port_url()), "speak", LINE, "--output", str(wav))
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 2 and "the voice server is unavailable: could not connect" in lines[0]
    assert "wrote" in lines[1] and wav.stat().st_size > 10_000
    assert {"measure", "shoppers", "users"} <= set(words(heard(whisper, wav)))


def test_the_key_is_in_no_file_under_home_or_config(tmp_path: Path,
                                                    server: SpeechServer) -> None:
    env = stt_env(tmp_path, server.base_url) | {
        "INTERVIEWER_TTS_ENGINE": "openai", "INTERVIEWER_TTS_BASE_URL": server.base_url,
        "INTERVIEWER_TTS_API_KEY": KEY, "XDG_CONFIG_HOME": str(tmp_path / "user" / ".config"),
        "XDG_DATA_HOME": str(tmp_path / "user" / ".local" / "share")}
    server.script(TRANSCRIPTION, "500", "500", "500", "500")
    for args in (("transcribe", str(WEAK)), ("speak", LINE, "--output", str(tmp_path / "p.wav")),
                 ("doctor",)):
        out = run(env, *args)
        assert KEY not in out.stdout + out.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written
    for path in written:
        assert KEY.encode() not in path.read_bytes(), path


def test_doctor_reports_the_servers_reachable_or_not(tmp_path: Path,
                                                     server: SpeechServer) -> None:
    env = stt_env(tmp_path, server.base_url) | tts_env(tmp_path, server.base_url)
    out = run(env, "doctor")
    lines = {line.split()[0]: line for line in out.stdout.splitlines()}
    assert f"openai: Systran/faster-whisper-tiny.en at {server.base_url}: reachable" \
        in lines["transcription"] and "local tiny.en" in lines["transcription"]
    assert f"openai: kokoro, voice af_heart at {server.base_url}: reachable" in lines["voice"]
    assert out.returncode == 0, out.stdout
    down = closed_port_url()
    out = run(env | {"INTERVIEWER_TTS_BASE_URL": down}, "doctor")
    assert out.returncode == 1 and f"{down}: unreachable: could not connect" in out.stdout
    assert KEY not in out.stdout + out.stderr
    out = run(environment(tmp_path), "doctor")
    assert "transcription  local: tiny.en (bundled)" in out.stdout


def test_voices_names_the_server_voice_in_use_and_the_local_ones_without_it(
        tmp_path: Path) -> None:
    out = run(tts_env(tmp_path, closed_port_url()), "voices")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert re.match(r"\* openai\s+af_heart\s+kokoro at http://127\.0\.0\.1:\d+/v1$", lines[0])
    # tts-voice is the server's here: the local engines list their voices, not an error
    assert not any("no voices" in line for line in lines), out.stdout
    assert any(line.split()[:1] == ["pyttsx3"] for line in lines)
    assert KEY not in out.stdout + out.stderr
