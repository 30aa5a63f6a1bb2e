"""End of turn: has the candidate finished, or only paused to think?

After a short pause two judges are asked, and the answer ends only when both say "finished":

- the *audio* judge, Smart Turn v3.2 (an int8 ONNX model run by onnxruntime on the last 8 s of
  audio): it hears intonation and rhythm, but on synthetic or flat speech every fragment can
  sound final;
- the *transcript* judge: the words so far must not stop on a word that needs more after it
  ("is", "and", "because", "the", "to"...) nor on a thinking phrase ("let me think", "hmm",
  "one second"). Whisper turns a fragment into a sentence by guessing a last word or two
  ("is the number of" heard as "is the number one."), but it is unsure of the guess: words
  heard unsure are set aside before reading how the clause ends, and a near-guess among the
  last words means the words cannot tell. A handful of words is an opening ("So, my fellow
  Americans,"), not an answer: it needs a longer pause.

Either one saying "unfinished" keeps the microphone open; the longest wait stays the fixed
silence (`silence_end_s`). The model file and its Whisper feature extractor ship inside the
`pipecat-ai` wheel, which is installed without its dependencies (`make setup`); only these two
files of it are used, located on disk so that the rest of that package is never imported.
"""

from __future__ import annotations

import importlib.util
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np

from interviewer.speech.audio import SAMPLE_RATE, Audio

WINDOW_S = 8
"""The model hears the last 8 s of audio (zero-padded in front when shorter)."""
MODEL_FILE = "audio/turn/smart_turn/data/smart-turn-v3.2-cpu.onnx"
FEATURES_FILE = "audio/turn/smart_turn/_whisper_features.py"
"""Paths inside the installed `pipecat` package."""
INSTALL_HINT = "pip install --no-deps pipecat-ai (make setup does it)"


class TurnModelUnavailable(Exception):
    """The end-of-turn model is not installed or cannot load; one line, for a notice."""


class AudioJudge(Protocol):
    """Probability (0-1) that the speech heard so far is a finished turn."""

    def probability(self, audio: Audio) -> float: ...


# -- the audio judge -----------------------------------------------------------------------------

def _package_root() -> Path:
    """The installed `pipecat` folder, found without importing it (its __init__ needs loguru
    and more, which are deliberately not installed)."""
    spec = importlib.util.find_spec("pipecat")
    if spec is None or not spec.submodule_search_locations:
        raise TurnModelUnavailable(f"the end-of-turn model is not installed: {INSTALL_HINT}")
    return Path(next(iter(spec.submodule_search_locations)))


def _load_features(path: Path) -> Callable[..., Any]:
    spec = importlib.util.spec_from_file_location("interviewer_smart_turn_features", path)
    if spec is None or spec.loader is None:
        raise TurnModelUnavailable(f"cannot read the end-of-turn features code: {path}")
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.compute_whisper_log_mel_features  # type: ignore[no-any-return]


class SmartTurnModel:
    """Smart Turn v3.2 through onnxruntime, fed exactly as pipecat's own analyzer feeds it:
    the last 8 s at 16 kHz, Whisper log-mel features (80 x 800), sigmoid output."""

    def __init__(self, model_path: Path | None = None, features_path: Path | None = None,
                 threads: int = 1) -> None:
        self.model_path = model_path
        self.features_path = features_path
        self.threads = threads
        self._session: Any = None
        self._features: Callable[..., Any] | None = None
        self._lock = threading.Lock()
        self.load_seconds = 0.0

    @classmethod
    def bundled(cls) -> SmartTurnModel:
        """The model shipped in the installed pipecat-ai wheel (TurnModelUnavailable if not)."""
        root = _package_root()
        model, features = root / MODEL_FILE, root / FEATURES_FILE
        for path in (model, features):
            if not path.is_file():
                raise TurnModelUnavailable(
                    f"the end-of-turn model is incomplete ({path.name} missing): {INSTALL_HINT}")
        return cls(model, features)

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def load(self) -> None:
        """Open the ONNX session (about 0.1 s); raises TurnModelUnavailable."""
        with self._lock:
            if self._session is not None:
                return
            t0 = time.perf_counter()
            if self.model_path is None or self.features_path is None:
                bundled = self.bundled()
                self.model_path, self.features_path = bundled.model_path, bundled.features_path
            assert self.model_path is not None and self.features_path is not None
            try:
                import onnxruntime as ort

                self._features = _load_features(self.features_path)
                options = ort.SessionOptions()
                options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
                options.inter_op_num_threads = 1
                options.intra_op_num_threads = self.threads
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                self._session = ort.InferenceSession(str(self.model_path), sess_options=options,
                                                     providers=["CPUExecutionProvider"])
            except TurnModelUnavailable:
                raise
            except Exception as exc:  # onnxruntime raises its own kinds
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise TurnModelUnavailable(f"cannot load the end-of-turn model: {first}") \
                    from None
            self.load_seconds = time.perf_counter() - t0

    def probability(self, audio: Audio) -> float:
        self.load()
        assert self._features is not None
        n = WINDOW_S * SAMPLE_RATE
        x = np.asarray(audio, dtype=np.float32)[-n:]
        if len(x) < n:
            x = np.pad(x, (n - len(x), 0))
        features = self._features(x, do_normalize=True)[np.newaxis]
        with self._lock:
            out = self._session.run(None, {"input_features": features})
        return float(np.asarray(out[0]).reshape(-1)[0])


# -- the transcript judge ------------------------------------------------------------------------

_DANGLING_WORDS = """
a an the my our your their its his her some any each every no
and but or nor so because cause since as if whether than although though while when where
which who whom whose what unless until
of to for with in on at by from about into onto under between through like via per
versus vs without within across against toward towards during
is are was were be been being am will would could should can might must shall may
don't doesn't won't wouldn't isn't aren't
i we they he she i'm we're they're it's we'll i'll i'd we'd
very really also just maybe probably
um uh er erm hmm mm
"""
DANGLING = frozenset(_DANGLING_WORDS.split())
"""Words a finished sentence does not end on."""
_BEFORE_THAT = "is was are means mean think thought say said so such given now and but except"
DANGLING_THAT = frozenset(f"{_BEFORE_THAT} fact sure believe know".split())
"""'that' ends a sentence ("I would do that") except after these ("the reason is that")."""

THINKING = (
    "let me think", "let me see", "let's see", "let me just", "let me take a second",
    "one second", "one sec", "a second", "a moment", "give me a", "bear with me",
    "good question", "how do i put", "how should i put", "where was i", "hmm", "um", "uh",
    "erm", "thinking about it", "what else", "i'm thinking", "i am thinking",
)
"""Phrases of someone still working out what to say (in the last sentence heard)."""

_WORD = re.compile(r"[a-z0-9']+")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


SURE_P = 0.5
"""A last word Whisper gives less probability than this may be its guess at how the sentence
goes on (tiny.en on a clause cut short: "is the number one.", p 0.25): set aside (at most
`SET_ASIDE` of them), the words before it must not stop on a dangling word."""
SET_ASIDE = 2
UNCLEAR_P = 0.3
"""A word this unsure among the last `SET_ASIDE` (where Whisper's guess lies): the words cannot
tell how the sentence ends ("we need to think them out.", 'them' 0.21-0.28, heard for "need
to think about"). An unsure word further back is only a misheard word (seen at 0.23)."""
SHORT_WORDS = 8
"""Fewer words than this in the whole answer are an opening ("So, my fellow Americans,"), and
a speaker pauses after an opening: the turn ends only after `TurnDetector.short_wait_s`."""

Heard = Sequence[tuple[str, float]]
"""The last words as Whisper heard them, each with its probability (may be empty: no word
timestamps)."""


def _dangling(words: list[str]) -> str:
    last = words[-1]
    if last in DANGLING:
        return f"'{last}'"
    if last == "that" and len(words) > 1 and words[-2] in DANGLING_THAT:
        return f"'{words[-2]} that'"
    return ""


def _unsure_tail(words: list[str], heard: Heard) -> str:
    """Why the words are unfinished once the words Whisper was unsure of are set aside."""
    unsure: list[str] = []
    for word, p in reversed(heard):
        if p >= SURE_P or len(unsure) == SET_ASIDE:
            break
        unsure.insert(0, word)
    n = sum(len(_WORD.findall(w.lower())) for w in unsure)
    if n and len(words) > n and (on := _dangling(words[:-n])):
        return f"stops on {on} before unsure '{' '.join(unsure)}'"
    for word, p in heard[-SET_ASIDE:]:
        if p < UNCLEAR_P:
            return f"last words unclear ('{word}' {p:.2f})"
    return ""


def unfinished_reason(text: str, heard: Heard = ()) -> str:
    """Why the words so far sound unfinished ('' if they read as a finished thought).
    `heard`: the last words with Whisper's probabilities, when known."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    if not words:
        return "no words heard yet"
    if on := _dangling(words):
        return f"stops on {on}"
    if text.rstrip().endswith((",", ";", ":", "-", "…", "...")):
        return "stops mid-sentence"
    sentences = [s for s in _SENTENCE_END.split(text.lower()) if s.strip()]
    tail = " ".join(_WORD.findall(sentences[-1] if sentences else text.lower()))
    for phrase in THINKING:
        if re.search(rf"\b{re.escape(phrase)}\b", tail):
            return f"thinking phrase '{phrase}'"
    return _unsure_tail(words, heard)


def word_count(text: str) -> int:
    return len(_WORD.findall(text.lower()))


# -- both ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    """What the judges said at one pause."""

    complete: bool
    """Both judges say finished: the turn ends now."""
    probability: float | None
    """The audio judge's probability of a finished turn (None: not asked, or no model)."""
    reason: str
    """Why not complete ('' when complete)."""
    wait_s: float | None
    """Quiet (seconds after the last speech) that ends the turn on this verdict; None = only
    the longest wait (`silence_end_s`) does."""
    model_seconds: float = 0.0
    ask_again_s: float | None = None
    """Quiet at which to ask the judges again (the model was unsure, or heard the speech
    unfinished); None = final."""

    @property
    def words_held(self) -> bool:
        """The words alone keep the turn open (the model was not asked)."""
        return not self.complete and self.probability is None and self.wait_s is None

    @property
    def model_held(self) -> bool:
        """The words read finished and the model alone keeps the turn open."""
        return not self.complete and self.probability is not None and self.wait_s is None


class TurnDetector:
    """Both judges behind one call. `model=None`: the transcript judge alone decides.

    Unfinished words keep the turn open for the longest wait. So does a model sure the speech
    is unfinished (below `unfinished_p`): a misheard last word ("... the number of" heard as
    "the number.", "comes down to" as "comes down too.") must not end it. But one reading of
    the model is not final: it is asked again every `pause_s` of further quiet, and the turn
    ends once it hears the speech finished. A reading swings with the length of the quiet it
    hears (on one finished Piper sentence 0.04 after 0.6 s of quiet, 0.14 after 1 s, 0.06 after
    2-3 s, 0.95 after 4 s); read once, it left 3 of 40 finished Piper answers and 3 of 41
    espeak-ng ones to the longest wait, while inside a pause after an unfinished clause it
    stays low (0.01-0.16 over seconds). Between `unfinished_p` and `threshold` the model is
    unsure (it is on a finished sentence heard 0.4 s after it ends, now and then): it is asked
    again, and the words decide at `doubt_s`, unless the model was already sure of
    "unfinished" in this pause: then only its hearing the speech finished ends it. An
    answer of fewer than `SHORT_WORDS` words ends after `short_wait_s` at the soonest.
    """

    def __init__(self, model: AudioJudge | None, *, threshold: float = 0.5,
                 unfinished_p: float = 0.1, pause_s: float = 0.6, resumed_pause_s: float = 0.8,
                 doubt_s: float = 1.5, short_wait_s: float = 2.0) -> None:
        self.model = model
        self.threshold = threshold
        self.unfinished_p = unfinished_p
        self.pause_s = pause_s
        """Quiet after the last speech before the judges are asked: longer than the pauses
        between the sentences of fluent speech (at 0.4 s, with compute taking no time, it
        ended a fifth of the benchmark's complete answers between two sentences)."""
        self.resumed_pause_s = resumed_pause_s
        """The same, once the candidate has gone on after a pause the judges held (a thought
        finished after a thinking pause): someone who pauses mid-answer also pauses longer
        between its sentences, and both judges read a finished sentence there as finished
        (`piper-slow/paused-19`, 0.58-0.64 s of quiet after it, model 0.98)."""
        self.doubt_s = doubt_s
        self.short_wait_s = short_wait_s
        """An orator's pause after an opening lasts about a second (jfk.flac: 1.0 s)."""

    def judge(self, audio: Audio, text: str, quiet_s: float = 0.0,
              heard: Heard = (), *, held: bool = False) -> Verdict:
        """The verdict on the words and audio heard so far, `quiet_s` into a pause;
        `heard`: the last words with Whisper's probabilities, when known; `held`: the model
        was sure of "unfinished" earlier in this pause (`Verdict.model_held`)."""
        reason = unfinished_reason(text, heard)
        if reason:  # the words alone keep the turn open: no need to run the model
            return Verdict(False, None, reason, None)
        verdict = self._ask_model(audio, quiet_s, held)
        n = word_count(text)
        if n >= SHORT_WORDS or verdict.wait_s is None or verdict.wait_s >= self.short_wait_s:
            return verdict
        return Verdict(False, verdict.probability, f"a short answer ({n} words)",
                       self.short_wait_s, verdict.model_seconds)

    def _ask_model(self, audio: Audio, quiet_s: float, held: bool = False) -> Verdict:
        if self.model is None:
            return Verdict(True, None, "", self.pause_s)
        t0 = time.perf_counter()
        p = self.model.probability(audio)
        spent = time.perf_counter() - t0
        if p >= self.threshold:
            return Verdict(True, p, "", self.pause_s, spent)
        again = quiet_s + self.pause_s
        if p < self.unfinished_p or held:
            return Verdict(False, p, f"sounds unfinished ({p:.2f})", None, spent, again)
        return Verdict(False, p, f"sounds unsure ({p:.2f})", self.doubt_s, spent,
                       again if again < self.doubt_s else None)


def load_detector() -> tuple[TurnDetector | None, str]:
    """The end-of-turn detector with its model loaded, or (None, one-line notice why not:
    answers then end after the fixed silence)."""
    try:
        model = SmartTurnModel.bundled()
        model.load()
    except TurnModelUnavailable as exc:
        return None, f"{exc}; answers end after the fixed silence"
    return TurnDetector(model), ""
