"""The speech server first, the local model as the safety net, piece by piece.

`FallbackTranscriber.transcribe` sends a segment to the server; when that fails
(`RemoteSpeechError`: refused, timed out after retries, 401, a malformed reply) the same audio
is transcribed by the local model, so nothing is lost. The first failure is told once, in one
line (`on_notice`, and `notice`); for `retry_after_s` after a failure the server is not asked
(each segment would wait for it again), then it is tried again. `ledger.pieces` says which
backend produced each segment, `backend_summary()` the whole answer ('openai', 'local' or
'openai+local').
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from interviewer.speech.audio import Audio
from interviewer.speech.openai_stt import NAME, HintableTranscriber, OpenAITranscriber
from interviewer.speech.remote import Ledger, Piece, RemoteSpeechError
from interviewer.speech.stt import Transcript

LOCAL = "local"
WHAT = "the transcription server is unavailable"


class FallbackTranscriber:
    """A remote transcriber with a local one behind it; the Transcriber interface, thread-safe."""

    def __init__(self, remote: OpenAITranscriber, local: HintableTranscriber, *,
                 on_notice: Callable[[str], None] | None = None, retry_after_s: float = 30.0,
                 local_label: str = "the local speech model") -> None:
        self.remote = remote
        self.local = local
        self.hint = ""
        """Told to whichever backend transcribes ('' = the glossary alone)."""
        self.ledger = Ledger(NAME, local_label, on_notice=on_notice, retry_after_s=retry_after_s)
        self._pool: ThreadPoolExecutor | None = None

    @property
    def language(self) -> str:
        return self.remote.language

    @property
    def words_missing(self) -> bool:
        return self.remote.words_missing

    @property
    def notice(self) -> str:
        """The one line said when the server first failed ('' while it has not)."""
        return self.ledger.notices[0] if self.ledger.notices else ""

    def backend_summary(self) -> str:
        return self.ledger.summary()

    def check(self) -> str:
        """Where answers are transcribed (the server; the local model stands behind it)."""
        return self.remote.check()

    def load(self) -> None:
        """Load the local model, so that a fallback does not wait for it (seconds; blocking)."""
        load = getattr(self.local, "load", None)
        if callable(load):
            load()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self.remote.close()

    def transcribe(self, audio: Audio, *, beam_size: int | None = None,
                   word_timestamps: bool | None = None, hint: str | None = None) -> Transcript:
        hint = self.hint if hint is None else hint
        reason, kind = "", ""
        if self.ledger.remote_wanted():
            try:
                transcript = self.remote.transcribe(audio, word_timestamps=word_timestamps,
                                                    hint=hint)
            except RemoteSpeechError as exc:
                reason, kind = exc.reason, exc.kind
                self.ledger.failed(exc, WHAT)
            else:
                self.ledger.add(Piece(NAME))
                return transcript
        else:
            reason, kind = "skipped after a recent failure", "skipped"
        transcript = self.local.transcribe(audio, beam_size=beam_size,
                                           word_timestamps=word_timestamps, hint=hint or None)
        self.ledger.add(Piece(LOCAL, reason, kind))
        return transcript

    def submit(self, audio: Audio, *, hint: str | None = None) -> Future[Transcript]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.remote.max_parallel,
                                            thread_name_prefix="fallback-stt")
        return self._pool.submit(self.transcribe, audio, hint=hint)

    def transcribe_many(self, audios: Sequence[Audio], *,
                        hint: str | None = None) -> list[Transcript]:
        """Every segment, in parallel up to the remote bound, results in their order."""
        futures = [self.submit(a, hint=hint) for a in audios]
        return [f.result() for f in futures]
