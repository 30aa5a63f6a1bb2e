"""The interviewer's voice from an OpenAI-compatible server, through the real `openai` client,
against a loopback server that synthesises with espeak-ng and streams it; audio arrives before
the rest exists, and every fault falls back to the local engine for that piece, with one
notice, losing no sentence."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from interviewer.banks import load_banks
from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.clip import Clip
from interviewer.speech.fallback_tts import FallbackSynthesizer
from interviewer.speech.openai_tts import AudioStream, OpenAISynthesizer
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer
from interviewer.speech.remote import Malformed, RemoteSpeechError, RetryPolicy
from interviewer.speech.whisper_stt import WhisperTranscriber
from tests.support.llm_server import closed_port_url
from tests.support.speech_servers import PCM_RATE, SPEECH, SpeechServer, streaming_wav_header
from tests.support.waiting import wait_until

KEY = "sk-test-8d1e5b0c93-remote-voice"
QUESTION = "How would you measure whether the AI answers help shoppers find what they want?"
PIECE = "How would you measure it?"
FAST = RetryPolicy(deadline_s=60.0, attempt_s=30.0, max_retries=2, backoff_base_s=0.05)
IMPATIENT = RetryPolicy(deadline_s=1.5, attempt_s=0.5, max_retries=2, backoff_base_s=0.05)


@pytest.fixture(scope="module")
def espeak() -> Pyttsx3Synthesizer:
    synth = Pyttsx3Synthesizer()
    synth.check()
    return synth


@pytest.fixture
def server(espeak: Pyttsx3Synthesizer) -> Iterator[SpeechServer]:
    with SpeechServer(synthesizer=espeak, require_key=KEY) as s:
        yield s


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def remote(url: str, **kw: object) -> OpenAISynthesizer:
    return OpenAISynthesizer(base_url=url, model="kokoro",
                             voice=str(kw.pop("voice", "af_heart")),
                             api_key=kw.pop("api_key", KEY),  # type: ignore[arg-type]
                             **kw)  # type: ignore[arg-type]


def test_pcm_is_read_as_24_khz_mono(server: SpeechServer, espeak: Pyttsx3Synthesizer) -> None:
    got = remote(server.base_url).synthesize(PIECE)
    (req,) = server.of_kind(SPEECH)
    assert got.sample_rate == PCM_RATE and got.frames > PCM_RATE // 2
    assert got.samples.astype("<i2").tobytes() == req.sent  # every byte that was sent
    assert got.seconds == pytest.approx(espeak.synthesize_text(PIECE).seconds, rel=0.05)
    assert req.fields == {"model": "kokoro", "voice": "af_heart", "input": PIECE,
                          "response_format": "pcm"}
    assert req.headers["authorization"] == f"Bearer {KEY}"


def test_wav_stream_with_unknown_sizes_is_read_from_its_header(
        server: SpeechServer, espeak: Pyttsx3Synthesizer) -> None:
    synth = remote(server.base_url, response_format="wav", rate=270)
    got = synth.synthesize(PIECE)
    (req,) = server.of_kind(SPEECH)
    assert got.sample_rate == espeak.synthesize_text(PIECE).sample_rate != PCM_RATE
    assert req.sent == streaming_wav_header(got.sample_rate) + \
        got.samples.astype("<i2").tobytes()
    assert req.fields["speed"] == 1.5  # the speaking rate, as speed


def test_audio_arrives_before_the_rest_exists(server: SpeechServer) -> None:
    server.hold_after_first_chunk()
    stream = remote(server.base_url).stream(QUESTION)
    first = next(stream)  # the server holds everything after its first chunk
    assert first.frames > 0 and not server.hold_expired
    server.release()
    rest = list(stream)
    assert rest and sum(c.frames for c in rest) > first.frames
    assert not server.hold_expired


def test_the_remote_voice_is_understood(server: SpeechServer,
                                        whisper: WhisperTranscriber) -> None:
    question = load_banks().by_id("rec-stale-feed").prompt
    clip = remote(server.base_url).synthesize_text(question)
    heard = whisper.transcribe(clip.resampled(SAMPLE_RATE).as_float32()).text
    said, got = words(question), set(words(heard))
    recovered = sum(1 for w in said if w in got) / len(said)
    assert recovered >= 0.8, f"{recovered:.0%} recovered: {heard}"  # as test_tts's round trip


def test_the_next_piece_is_requested_while_this_one_plays(server: SpeechServer) -> None:
    synth = remote(server.base_url)
    text = "Take a recommender. How would you measure it? What would make you stop the launch?"
    pieces = synth.split_text(text)
    assert len(pieces) >= 3
    out = synth.sentences(text)
    sentence, clip = next(out)
    assert sentence == pieces[0] and clip.frames
    # Nothing more was asked of the generator, yet the next piece is on its way.
    wait_until(lambda: len(server.of_kind(SPEECH)) >= 2, what="the second request")
    rest = list(out)
    assert [s for s, _ in rest] == pieces[1:] and all(c.frames for _, c in rest)
    assert [r.fields["input"] for r in server.of_kind(SPEECH)] == pieces


def test_the_stream_reader_takes_any_chunking() -> None:
    samples = (np.arange(-300, 300) * 50).astype(np.int16)
    header = streaming_wav_header(22050)
    data = header + samples.astype("<i2").tobytes()
    for size in (1, 3, 7, 44, 1000):
        reader = AudioStream("wav")
        clips = [reader.feed(data[i:i + size]) for i in range(0, len(data), size)]
        reader.end()
        whole = Clip.concat([c for c in clips if c.frames])
        assert whole.sample_rate == 22050 and np.array_equal(whole.samples, samples)
    with pytest.raises(Malformed):
        AudioStream("wav").feed(b"<html>not audio</html>")
    with pytest.raises(Malformed):
        AudioStream("pcm").end()


# -- faults ---------------------------------------------------------------------------------

FAULT_CASES = {
    # name: (script, format, expected kind, or "" when a retry succeeds)
    "refused": ([], "pcm", "unreachable"),
    "slow": (["slow"] * 8, "pcm", "timeout"),
    "429-then-ok": (["429"], "pcm", ""),
    "500-then-ok": (["500"], "pcm", ""),
    "500": (["500"] * 8, "pcm", "server-error"),
    "401": (["401"] * 8, "pcm", "rejected"),
    "malformed": (["malformed"] * 8, "pcm", "malformed"),
    "garbage": (["garbage"] * 8, "pcm", "malformed"),
    "noise-wav": (["noise-wav"] * 8, "wav", "malformed"),
    "cut": (["cut"] * 8, "pcm", "server-error"),
}


@pytest.mark.parametrize("fault", list(FAULT_CASES))
def test_fault_falls_back_to_the_local_voice_and_loses_nothing(
        server: SpeechServer, espeak: Pyttsx3Synthesizer, fault: str) -> None:
    script, fmt, kind = FAULT_CASES[fault]
    server.script(SPEECH, *script)
    url = closed_port_url() if fault == "refused" else server.base_url
    notices: list[str] = []
    synth = FallbackSynthesizer(
        remote(url, response_format=fmt, policy=IMPATIENT if fault == "slow" else FAST),
        espeak, on_notice=notices.append, retry_after_s=0.0)
    local = espeak.synthesize(PIECE)
    first = synth.synthesize(PIECE)
    if not kind:
        assert synth.ledger.backends() == ["openai"] and notices == []
        assert len(server.of_kind(SPEECH)) == 2 and first.frames
        return
    second = synth.synthesize(PIECE)  # asked again, fails again
    for clip in (first, second):  # the local engine said all of it
        assert clip.sample_rate == local.sample_rate
        assert clip.seconds == pytest.approx(local.seconds, rel=0.05)
    assert synth.ledger.backends() == ["pyttsx3", "pyttsx3"]
    assert [p.kind for p in synth.ledger.pieces] == [kind, kind]
    assert len(notices) == 1 and synth.notice == notices[0] and "\n" not in notices[0]
    print(f"{fault}: {notices[0]}")


def test_a_whole_prompt_mixes_backends_and_says_which(server: SpeechServer,
                                                      espeak: Pyttsx3Synthesizer) -> None:
    text = "Take a recommender. How would you measure it? What would make you stop the launch?"
    synth = FallbackSynthesizer(remote(server.base_url, policy=FAST), espeak, retry_after_s=0.0)
    pieces = synth.split_text(text)
    server.script(SPEECH, "401")  # the first piece fails, the others come from the server
    got = list(synth.sentences(text))
    assert [s for s, _ in got] == pieces and all(c.frames for _, c in got)
    assert synth.ledger.backends() == ["pyttsx3"] + ["openai"] * (len(pieces) - 1)
    assert synth.backend_summary() == "pyttsx3+openai"


def test_the_remote_alone_raises_one_typed_error(server: SpeechServer) -> None:
    server.script(SPEECH, "401")
    with pytest.raises(RemoteSpeechError) as info:
        remote(server.base_url, policy=FAST).synthesize(PIECE)
    assert info.value.kind == "rejected" and "API key" in info.value.reason
    assert remote(server.base_url).synthesize("...").frames == 0  # nothing to say, no request
    assert len(server.of_kind(SPEECH)) == 1
    with pytest.raises(ValueError, match="pcm, wav"):
        remote(server.base_url, response_format="mp3")


def test_the_key_is_sent_but_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          server: SpeechServer,
                                          espeak: Pyttsx3Synthesizer) -> None:
    home = tmp_path / "home"
    (home / "interviewer" / "prompts").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("INTERVIEWER_HOME", str(home / "interviewer"))
    handler = logging.FileHandler(home / "debug.log")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        notices: list[str] = []
        synth = FallbackSynthesizer(remote(server.base_url, policy=FAST), espeak,
                                    on_notice=notices.append, retry_after_s=0.0)
        server.script(SPEECH, "500", "500", "500")
        clips = [clip for _, clip in synth.sentences(QUESTION + " And why?")]
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    (home / "interviewer" / "prompts" / "1.wav").write_bytes(Clip.concat(clips).to_wav_bytes())
    (home / "interviewer" / "session.json").write_text(json.dumps(
        {"backends": synth.ledger.backends(), "notices": notices,
         "pieces": [repr(p) for p in synth.ledger.pieces],
         "synthesizer": repr(vars(synth.remote))}))
    assert notices and "pyttsx3" in synth.ledger.backends()
    assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in server.of_kind(SPEECH))
    assert (home / "debug.log").stat().st_size > 0
    for path in (p for p in home.rglob("*") if p.is_file()):
        assert KEY.encode() not in path.read_bytes(), path


def test_todays_speaker_speaks_a_remote_prompt_whole_through_a_fault(
        server: SpeechServer, espeak: Pyttsx3Synthesizer) -> None:
    from interviewer.speech.null_output import NullOutput
    from interviewer.speech.speaker import Speaker

    text = "Take a recommender. How would you measure it? What would make you stop the launch?"
    synth = FallbackSynthesizer(remote(server.base_url, policy=FAST), espeak, retry_after_s=0.0)
    server.script(SPEECH, "cut")  # the first piece breaks off after its first chunk
    speaker = Speaker(synth, NullOutput(realtime=False))
    try:
        utt = speaker.speak(text)
        assert utt.wait(60)
    finally:
        speaker.close()
    assert utt.completed and utt.error is None
    assert utt.sentences == synth.split_text(text)  # every piece, once, in order
    assert synth.ledger.backends() == ["pyttsx3", "openai", "openai"]
    kept = utt.clip()  # what would be saved as prompts/<n>.wav
    assert kept.seconds == pytest.approx(espeak.synthesize_text(text).seconds, rel=0.15)
