"""Remote speech on loopback beside the local backends, same run, same audio.

    .venv/bin/python bench/remote_speech.py [--runs 2]

The loopback server (tests/speech_servers.py) runs the same bundled tiny.en on the same cores,
so the remote figures here are the local work plus what the HTTP path costs (WAV encoding,
upload, JSON): the overhead of the protocol, not the speed of a GPU server. Printed:
- whole file: `transcribe()` of each fixture, local vs through the `openai` client;
- turn latency: a spoken answer streamed from a file microphone at `--speed` (1 = real time)
  into the streaming transcriber, last audio block to the final transcript, local vs remote,
  alternated in the same run on the same audio;
- voice: time to the first piece of a question (`sentences()`, the next piece prefetched) and
  to all of it, remote (espeak-ng behind the server, streamed as pcm) vs local espeak-ng.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.banks import load_banks  # noqa: E402
from interviewer.speech.answer_recording import VoiceAnswer, primed  # noqa: E402
from interviewer.speech.audio import SAMPLE_RATE, Audio, load_audio  # noqa: E402
from interviewer.speech.file_microphone import FileMicrophone  # noqa: E402
from interviewer.speech.glossary import transcription_hint  # noqa: E402
from interviewer.speech.openai_stt import OpenAITranscriber  # noqa: E402
from interviewer.speech.openai_tts import OpenAISynthesizer  # noqa: E402
from interviewer.speech.pyttsx3_tts import Pyttsx3Synthesizer  # noqa: E402
from interviewer.speech.streaming_settings import StreamingSettings  # noqa: E402
from interviewer.speech.stt import Transcriber  # noqa: E402
from interviewer.speech.whisper_stt import WhisperTranscriber  # noqa: E402
from tests.support.speech_servers import SpeechServer  # noqa: E402
from tests.support.wer import wer  # noqa: E402

FIXTURES = ("weak.wav", "medium.flac")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def turn_latency(transcriber: Transcriber, audio: Audio, speed: float) -> tuple[float, str]:
    """Last audio block to the final transcript of one answer streamed at `speed`."""
    settings = StreamingSettings(silence_end_s=0)
    with tempfile.TemporaryDirectory() as tmp:
        mic = FileMicrophone(audio, speed=speed)
        answer = VoiceAnswer(mic, primed(transcriber, "How would you improve search?"),
                             wav_path=Path(tmp) / "1.wav", settings=settings)
        answer.start()
        mic.finished.wait()
        spoken = answer.stop()
        done = time.perf_counter()
        assert mic.last_block_at is not None
        return done - mic.last_block_at, spoken.text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--speed", type=float, default=1.0,
                        help="pace of the streamed answer (1 = real time)")
    args = parser.parse_args()
    whisper = WhisperTranscriber()
    whisper.load()
    espeak = Pyttsx3Synthesizer()
    espeak.warm_up()
    with SpeechServer(whisper, espeak) as server:
        remote = OpenAITranscriber(base_url=server.base_url, model="tiny.en")
        print("whole file (median of runs)        local    remote   WER remote vs local")
        hint = transcription_hint()
        for name in FIXTURES:
            audio = load_audio(ROOT / "audio_fixtures" / name)
            t_local, local = timed(lambda a=audio: whisper.transcribe(a, hint=hint), args.runs)
            t_remote, got = timed(lambda a=audio: remote.transcribe(a, hint=hint), args.runs)
            error = wer(local.text, got.text)  # type: ignore[attr-defined]
            print(f"  {name:<12} {len(audio) / SAMPLE_RATE:5.1f} s audio     "
                  f"{t_local:6.2f} s {t_remote:6.2f} s  {error:.1%}")
        audio = load_audio(ROOT / "audio_fixtures" / "weak.wav")
        turns: dict[str, list[float]] = {"local": [], "remote": []}
        texts: dict[str, str] = {}
        for _ in range(args.runs):
            for label, backend in (("local", whisper), ("remote", remote)):
                latency, texts[label] = turn_latency(backend, audio, args.speed)  # type: ignore[arg-type]
                turns[label].append(latency)
        print(f"turn latency, weak.wav streamed at {args.speed:g}x (median of {args.runs}): "
              f"local {statistics.median(turns['local']):.2f} s, remote "
              f"{statistics.median(turns['remote']):.2f} s; WER remote vs local "
              f"{wer(texts['local'], texts['remote']):.1%}")
        question = load_banks().by_id("rec-stale-feed").prompt
        voice = OpenAISynthesizer(base_url=server.base_url, model="espeak", voice="en-us")
        firsts, wholes, locals_ = [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            pieces = voice.sentences(question)
            next(pieces)
            firsts.append(time.perf_counter() - start)
            list(pieces)
            wholes.append(time.perf_counter() - start)
            start = time.perf_counter()
            espeak.synthesize_text(question)
            locals_.append(time.perf_counter() - start)
        print(f"voice, one question ({len(question.split())} words): remote first piece "
              f"{statistics.median(firsts) * 1000:.0f} ms, remote all "
              f"{statistics.median(wholes) * 1000:.0f} ms, local all "
              f"{statistics.median(locals_) * 1000:.0f} ms")
        remote.close()
        voice.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
