"""Transcription on an OpenAI-compatible server, through the real `openai` client, against a
loopback server that runs the bundled Whisper model on what it receives; every fault falls back
to the local model for that piece, with one notice, and loses nothing."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio
from interviewer.speech.delivery import from_words
from interviewer.speech.fallback_stt import FallbackTranscriber
from interviewer.speech.glossary import transcription_hint
from interviewer.speech.openai_stt import Hinted, OpenAITranscriber, wav_bytes, words_cover
from interviewer.speech.remote import RemoteSpeechError, RetryPolicy
from interviewer.speech.streaming import StreamingTranscriber
from interviewer.speech.streaming_settings import StreamingSettings
from interviewer.speech.stt import Transcript
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.audio_files import AUDIO_FIXTURES
from tests.support.llm_server import closed_port_url
from tests.support.speech_servers import TRANSCRIPTION, SpeechServer
from tests.support.wer import wer

MANIFEST = json.loads((AUDIO_FIXTURES / "manifest.json").read_text())
QUESTION = MANIFEST["weak"]["question"]
HINT = transcription_hint(QUESTION)
KEY = "sk-test-4f9c2a7e1b-remote-speech"
FAST = RetryPolicy(deadline_s=60.0, attempt_s=30.0, max_retries=2, backoff_base_s=0.05)
"""Quick retries; attempts long enough for the loopback server's CPU model under load."""
IMPATIENT = RetryPolicy(deadline_s=1.5, attempt_s=0.5, max_retries=2, backoff_base_s=0.05)
"""For the hanging server: each attempt times out, then the deadline passes."""


@pytest.fixture(scope="module")
def weak() -> Audio:
    return load_audio(AUDIO_FIXTURES / "weak.wav")


@pytest.fixture(scope="module")
def short(weak: Audio) -> Audio:
    """The first sentences of the weak answer (the fault tests transcribe it several times)."""
    return weak[: 7 * SAMPLE_RATE]


@pytest.fixture(scope="module")
def weak_local(whisper: WhisperTranscriber, weak: Audio) -> Transcript:
    """What the local model hears in the weak answer, told the question (as the server is)."""
    return whisper.transcribe(weak, hint=HINT)


@pytest.fixture(scope="module")
def short_local(whisper: WhisperTranscriber, short: Audio) -> Transcript:
    return whisper.transcribe(short, hint=HINT)


@pytest.fixture(scope="module")
def short_served(whisper: WhisperTranscriber, short: Audio) -> Transcript:
    """What the server's model hears in the short answer: the upload, decoded, carries the
    silence `wav_bytes` adds after the speech, and a borderline word ("I will" / "I would") can
    come out differently from the local pass; neither is a lost word."""
    return _served(whisper, short)


def _served(whisper: WhisperTranscriber, piece: Audio) -> Transcript:
    """What the server's model hears of `piece`: the upload, decoded, silence added after it."""
    from faster_whisper.audio import decode_audio

    served = decode_audio(io.BytesIO(wav_bytes(piece)), sampling_rate=SAMPLE_RATE)
    return whisper.transcribe(np.ascontiguousarray(served, dtype=np.float32), hint=HINT)


@pytest.fixture
def server(whisper: WhisperTranscriber) -> Iterator[SpeechServer]:
    with SpeechServer(whisper, require_key=KEY) as s:
        yield s


def remote(url: str, **kw: object) -> OpenAITranscriber:
    return OpenAITranscriber(base_url=url, model="Systran/faster-whisper-tiny.en",
                             api_key=kw.pop("api_key", KEY),  # type: ignore[arg-type]
                             **kw)  # type: ignore[arg-type]


def delivery_of(t: Transcript) -> dict[str, object] | None:
    """`score --audio`'s delivery figures (None without timed words)."""
    return from_words(t.words).to_dict() if t.words else None


def words_of(t: Transcript) -> list[str]:
    return [w.word.lower().strip(".,?!") for w in t.words]


def test_remote_transcript_matches_the_local_one(server: SpeechServer, weak_local: Transcript,
                                                 weak: Audio) -> None:
    local = weak_local
    got = Hinted(remote(server.base_url), QUESTION).transcribe(weak)
    print(f"local: {local.text}\nremote: {got.text}")
    assert wer(local.text, got.text) <= 0.05
    assert wer((AUDIO_FIXTURES / "weak.txt").read_text(), got.text) < 0.15
    # What the server was asked: the question and the glossary as prompt, both granularities.
    (req,) = server.of_kind(TRANSCRIPTION)
    assert req.fields["prompt"] == HINT and "A/B test" in req.fields["prompt"]
    assert req.fields["response_format"] == "verbose_json"
    assert req.fields["timestamp_granularities"] == ["word", "segment"]
    assert req.fields["model"] == "Systran/faster-whisper-tiny.en"
    assert req.headers["authorization"] == f"Bearer {KEY}"


def test_timestamps_map_onto_segments_and_words(server: SpeechServer, weak_local: Transcript,
                                                weak: Audio) -> None:
    local = weak_local
    stt = remote(server.base_url, hint=HINT)
    got = stt.transcribe(weak)
    assert got.language == "en" and got.duration == pytest.approx(len(weak) / SAMPLE_RATE)
    assert words_cover(got) and not stt.words_missing
    assert words_of(got) == words_of(local)
    for mine, theirs in zip(got.words, local.words, strict=True):
        assert mine.start == pytest.approx(theirs.start, abs=0.3)
        assert mine.end == pytest.approx(theirs.end, abs=0.3)
    for seg in got.segments:
        assert seg.words and seg.start - 0.05 <= seg.words[0].start
        assert seg.words[-1].end <= seg.end + 0.05
    mine_d, theirs_d = delivery_of(got), delivery_of(local)
    assert mine_d is not None and theirs_d is not None and mine_d["words"] == theirs_d["words"]


def test_segments_only_server_degrades_and_says_so(whisper: WhisperTranscriber, weak: Audio,
                                                   weak_local: Transcript) -> None:
    with SpeechServer(whisper, words=False) as server:
        stt = remote(server.base_url, hint=HINT)
        got = stt.transcribe(weak)
    local = weak_local
    assert wer(local.text, got.text) <= 0.05  # the text is all there
    assert got.segments and all(not s.words for s in got.segments)
    assert stt.words_missing and not words_cover(got)
    assert delivery_of(got) is None  # no pace or pauses made up from nothing


def test_streaming_sends_each_closed_segment_to_the_server(server: SpeechServer,
                                                           whisper: WhisperTranscriber,
                                                           weak: Audio) -> None:
    notices: list[str] = []
    fallback = FallbackTranscriber(remote(server.base_url), whisper, on_notice=notices.append)
    fallback.hint = HINT
    stream = StreamingTranscriber(fallback, StreamingSettings(caption_interval_s=0))
    block = SAMPLE_RATE // 10
    for i in range(0, len(weak), block):  # as a microphone delivers it, without the waiting
        stream.push(weak[i:i + block])
        stream.step()
    stream.push(np.zeros(SAMPLE_RATE, np.float32))
    got = stream.finish()
    assert wer((AUDIO_FIXTURES / "weak.txt").read_text(), got.text) < 0.15
    requests = server.of_kind(TRANSCRIPTION)
    assert len(requests) >= 2  # segments went as they closed, not the whole answer at the end
    assert all(r.fields["prompt"] == HINT for r in requests)
    assert set(fallback.ledger.backends()) == {"openai"} and notices == []
    assert fallback.backend_summary() == "openai"


def test_parallel_requests_are_bounded_and_come_back_in_order(
        server: SpeechServer, whisper: WhisperTranscriber) -> None:
    pieces = [load_audio(AUDIO_FIXTURES / f)[: 5 * SAMPLE_RATE]
              for f in ("weak.wav", "delivery.wav", "medium.flac")]
    server.meet(2)  # each request waits for a second one: a serial client would never pair
    got = remote(server.base_url, max_parallel=2).transcribe_many(pieces, hint=HINT)
    assert server.max_in_flight == 2
    # Against what the server's model hears (the upload with the silence `wav_bytes` adds): a
    # piece cut mid-word at 5 s reads one borderline word differently from the local pass
    # ("...or a logging problem, for example." / "...for a month."; WER 0.2 on a fresh machine).
    heard = [_served(whisper, piece).text for piece in pieces]
    for i, transcript in enumerate(got):
        assert wer(heard[i], transcript.text) <= 0.1
        assert all(wer(other, transcript.text) > 0.5 for j, other in enumerate(heard) if j != i)


# -- faults ---------------------------------------------------------------------------------


FAULT_CASES = {
    # name: (script, expected kind of failure or "" when the retry succeeds, requests per piece)
    "refused": ([], "unreachable", 0),
    "slow": (["slow"] * 8, "timeout", None),
    "429-then-ok": (["429"], "", 2),
    "500-then-ok": (["500"], "", 2),
    "500": (["500"] * 8, "server-error", 3),
    "401": (["401"] * 8, "rejected", 1),
    "malformed": (["malformed"] * 8, "malformed", 1),
}


@pytest.mark.parametrize("fault", list(FAULT_CASES))
def test_fault_falls_back_to_local_and_loses_nothing(server: SpeechServer,
                                                     whisper: WhisperTranscriber, short: Audio,
                                                     short_local: Transcript,
                                                     short_served: Transcript,
                                                     fault: str) -> None:
    script, kind, per_piece = FAULT_CASES[fault]
    server.script(TRANSCRIPTION, *script)
    url = closed_port_url() if fault == "refused" else server.base_url
    notices: list[str] = []
    policy = IMPATIENT if fault == "slow" else FAST
    fallback = FallbackTranscriber(remote(url, policy=policy, per_audio_s=0.0), whisper,
                                   on_notice=notices.append, retry_after_s=0.0)
    local = short_local
    first = fallback.transcribe(short, hint=HINT)
    # nothing lost: the server's words when it answered, else the local model's
    assert first.text == (short_served if not kind else local).text
    if not kind:
        assert fallback.ledger.backends() == ["openai"] and notices == []
        assert len(server.of_kind(TRANSCRIPTION)) == per_piece
        return
    second = fallback.transcribe(short, hint=HINT)  # the server is asked again, fails again
    assert second.text == local.text and first.words == local.words == second.words
    assert fallback.ledger.backends() == ["local", "local"]
    assert [p.kind for p in fallback.ledger.pieces] == [kind, kind]
    assert len(notices) == 1 and fallback.notice == notices[0]  # said once, in one line
    assert "\n" not in notices[0] and "instead" in notices[0]
    print(f"{fault}: {notices[0]}")
    if per_piece is not None:
        assert len(server.of_kind(TRANSCRIPTION)) == 2 * per_piece


def test_after_a_failure_the_server_rests_then_is_tried_again(server: SpeechServer,
                                                              whisper: WhisperTranscriber,
                                                              short: Audio) -> None:
    now = [0.0]
    fallback = FallbackTranscriber(remote(server.base_url, policy=FAST), whisper,
                                   retry_after_s=30.0)
    fallback.ledger.clock = lambda: now[0]
    server.script(TRANSCRIPTION, "401")
    fallback.transcribe(short)
    fallback.transcribe(short)  # within the rest: not asked (it would wait for nothing)
    assert len(server.of_kind(TRANSCRIPTION)) == 1
    now[0] = 31.0
    fallback.transcribe(short)
    assert fallback.ledger.backends() == ["local", "local", "openai"]
    assert [p.kind for p in fallback.ledger.pieces][:2] == ["rejected", "skipped"]
    assert fallback.backend_summary() == "local+openai"


def test_the_remote_alone_raises_one_typed_error(server: SpeechServer, short: Audio) -> None:
    server.script(TRANSCRIPTION, "401")
    with pytest.raises(RemoteSpeechError) as info:
        remote(server.base_url, policy=FAST).transcribe(short)
    assert info.value.kind == "rejected" and "API key" in info.value.reason
    with pytest.raises(RemoteSpeechError) as refused:
        remote(closed_port_url(), policy=FAST).transcribe(short)
    assert refused.value.kind == "unreachable" and "127.0.0.1" in refused.value.reason


def test_silence_never_reaches_the_server(server: SpeechServer) -> None:
    got = remote(server.base_url).transcribe(np.zeros(800, np.float32))
    assert got.empty and server.of_kind(TRANSCRIPTION) == []


def test_the_key_is_sent_but_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          server: SpeechServer, whisper: WhisperTranscriber,
                                          short: Audio) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("INTERVIEWER_HOME", str(home / "interviewer"))
    handler = logging.FileHandler(home / "debug.log")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # the SDK's and the HTTP library's debug logs included
    try:
        notices: list[str] = []
        fallback = FallbackTranscriber(remote(server.base_url, policy=FAST), whisper,
                                       on_notice=notices.append, retry_after_s=0.0)
        server.script(TRANSCRIPTION, "500", "500", "500")
        results = [fallback.transcribe(short, hint=HINT) for _ in range(2)]
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    out = home / "interviewer" / "session.json"
    out.parent.mkdir(parents=True)
    out.write_text(json.dumps({"answers": [t.to_dict() for t in results],
                               "backends": fallback.ledger.backends(), "notices": notices,
                               "pieces": [repr(p) for p in fallback.ledger.pieces],
                               "transcriber": repr(vars(fallback.remote))}))
    assert all(r.headers["authorization"] == f"Bearer {KEY}"
               for r in server.of_kind(TRANSCRIPTION))
    assert (home / "debug.log").stat().st_size > 0
    written = [p for p in home.rglob("*") if p.is_file()]
    assert len(written) >= 2
    for path in written:
        assert KEY not in path.read_text(errors="replace"), path


def test_the_openai_sdk_loads_only_when_a_server_is_configured() -> None:
    """The SDK takes ~2 s to import; the app builds its voice kit on the event loop at start
    (mode = auto), so an offline user must not pay for it. A fresh interpreter shows it."""
    import subprocess
    import sys

    probe = ("import sys\n"
             "from interviewer.config import Settings\n"
             "from interviewer.ui.voice_kit import VoiceKit\n"
             "import interviewer.ui.app\n"
             "VoiceKit.from_settings(Settings())\n"
             "print('offline', 'openai' in sys.modules)\n"
             "VoiceKit.from_settings(Settings(stt_backend='openai', "
             "stt_base_url='http://127.0.0.1:9/v1')).transcriber.check()\n"
             "print('configured', 'openai' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["offline False", "configured True"]
