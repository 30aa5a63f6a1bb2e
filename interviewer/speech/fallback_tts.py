"""The speech server's voice first, the local engine as the safety net, piece by piece.

`FallbackSynthesizer.synthesize` asks the server for a piece; when that fails
(`RemoteSpeechError`: refused, timed out after retries, 401, audio that cannot be read) the
local synthesizer speaks the same piece, so no sentence goes unsaid. The first failure is told
once, in one line (`on_notice`, and `notice`); for `retry_after_s` after a failure the server
is not asked, then it is tried again. `ledger.pieces` says which backend spoke each piece,
`backend_summary()` the whole prompt ('openai', 'pyttsx3' or 'openai+pyttsx3'...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from interviewer.speech.clip import Clip
from interviewer.speech.openai_tts import NAME, OpenAISynthesizer, prefetched
from interviewer.speech.remote import Ledger, Piece, RemoteSpeechError
from interviewer.speech.synthesizer import Synthesizer, VoiceInfo

WHAT = "the voice server is unavailable"


class FallbackSynthesizer(Synthesizer):
    """A remote synthesizer with a local one behind it; thread-safe as both are."""

    name = NAME
    runs_here = False  # a guess is never sent to the server

    def __init__(self, remote: OpenAISynthesizer, local: Synthesizer, *,
                 on_notice: Callable[[str], None] | None = None, retry_after_s: float = 30.0,
                 local_label: str = "") -> None:
        self.remote = remote
        self.local = local
        self.ledger = Ledger(NAME, local_label or f"the local voice ({local.name})",
                             on_notice=on_notice, retry_after_s=retry_after_s)

    @property
    def notice(self) -> str:
        """The one line said when the server first failed ('' while it has not)."""
        return self.ledger.notices[0] if self.ledger.notices else ""

    def backend_summary(self) -> str:
        return self.ledger.summary()

    def check(self) -> None:
        """The safety net must be able to speak (the server is only asked when speaking)."""
        self.local.check()

    def warm_up(self) -> None:
        self.local.warm_up()

    def list_voices(self) -> list[VoiceInfo]:
        return self.remote.list_voices() + self.local.list_voices()

    def voice_in_use(self) -> str:
        return self.remote.voice_in_use()

    def split_text(self, text: str) -> list[str]:
        return self.remote.split_text(text)

    def close(self) -> None:
        self.remote.close()
        self.local.close()

    def _failed(self, exc: RemoteSpeechError) -> Piece:
        self.ledger.failed(exc, WHAT)
        return Piece(self.local.name, exc.reason, exc.kind)

    def _skipped(self) -> Piece:
        return Piece(self.local.name, "skipped after a recent failure", "skipped")

    def synthesize(self, text: str) -> Clip:
        if self.ledger.remote_wanted():
            try:
                clip = self.remote.synthesize(text)
            except RemoteSpeechError as exc:
                piece = self._failed(exc)
            else:
                self.ledger.add(Piece(NAME))
                return clip
        else:
            piece = self._skipped()
        clip = self.local.synthesize(text)
        self.ledger.add(piece)
        return clip

    def stream(self, text: str) -> Iterator[Clip]:
        """The piece as its audio arrives; if the server fails, the local engine speaks the
        whole piece (after a break mid-piece, the piece starts again in the local voice)."""
        if self.ledger.remote_wanted():
            try:
                yield from self.remote.stream(text)
            except RemoteSpeechError as exc:
                piece = self._failed(exc)
            else:
                self.ledger.add(Piece(NAME))
                return
        else:
            piece = self._skipped()
        clip = self.local.synthesize(text)
        self.ledger.add(piece)
        yield clip

    def sentences(self, text: str, split: Callable[[str], list[str]] | None = None,
                  ) -> Iterator[tuple[str, Clip]]:
        """Piece by piece, the next one in flight (on either backend) while this one plays."""
        yield from prefetched((split or self.split_text)(text), self.synthesize,
                              self.remote.prefetch)
