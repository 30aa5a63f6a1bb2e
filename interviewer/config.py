"""User settings, each declared once: one field of `Settings` holds its name, type, default,
rule (range or choices, and so the message for a bad value) and help; its file key is the name
(with '-' or '_'), its variable INTERVIEWER_<NAME>. Flags (cli/) are read through the same
declarations (`parse`), so a value is checked and a bad one worded the same wherever it is given.
A new setting is one field and its docstring, e.g. `tts_base_url: str = setting(Url(), "")`,
plus its row in README's table (a test compares them).

Precedence: command-line flags > environment > config file > defaults. A setting may name the
SDK's own variable as a fallback (OPENAI_BASE_URL, OPENAI_API_KEY for the LLM), used only where
nothing of ours set it; INTERVIEWER_LLM=offline picks the offline coach over the file and
INTERVIEWER_COACH (a --coach flag still wins).

Declared with dataclass field metadata, not pydantic-settings: every message names the setting
as the user wrote it (the file's key as spelled, the variable, the flag), which a pydantic
ValidationError does not know, so its errors would need a second pass to be said in one line;
no new dependency; and `Settings` stays a plain dataclass that the UI and tests build by
keyword, holding the API key as a `Secret` with no adapter.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar, cast

from interviewer.banks import ANY_KIND
from interviewer.paths import config_dir, default_home
from interviewer.rubric import question_kinds
from interviewer.secret import Secret
from interviewer.setting_rules import (
    Choice,
    Device,
    Folder,
    Folders,
    Invalid,
    Key,
    Real,
    Rule,
    Switch,
    Text,
    Url,
    Whole,
)
from interviewer.tomlcompat import tomllib

T = TypeVar("T")
ENV_PREFIX = "INTERVIEWER_"
MODES = ("auto", "text", "voice")
COACHES = ("auto", "offline", "llm")
MAX_QUESTIONS = 20
TTS_ENGINES = ("auto", "piper", "pyttsx3", "openai")
"""Who speaks: interviewer.speech.factory says how 'auto' chooses; 'openai' is a speech server
(the local engine stands behind it)."""
STT_BACKENDS = ("local", "openai")


class ConfigError(ValueError):
    """A bad setting: one line naming it as the user wrote it, and what it allows."""


@dataclass(frozen=True)
class Spec:
    """What `setting` declares beyond the type and the default."""

    rule: Rule[Any]
    fallback: str = ""
    """Another program's variable (OPENAI_API_KEY), read only where nothing of ours set it."""
    fallback_unless: str = ""
    """A setting that, when set, turns the fallback off (a key meant for OpenAI is not sent
    to another server)."""


def setting(rule: Rule[T], default: T | None = None, *, factory: Callable[[], T] | None = None,
            fallback: str = "", fallback_unless: str = "") -> T:
    """Declare one setting of `Settings`: its rule and its default (a factory when mutable)."""
    meta = {"spec": Spec(rule, fallback, fallback_unless)}
    shown = not isinstance(rule, Key)
    if factory is not None:
        return field(default_factory=factory, metadata=meta, repr=shown)
    return cast(T, field(default=default, metadata=meta, repr=shown))


@dataclass
class Settings:
    home: Path = setting(Folder(), factory=default_home)
    """Where sessions are kept (INTERVIEWER_HOME)."""
    banks: list[Path] = setting(Folders(), factory=list)
    """Extra question-bank files or folders, added to the bundled banks."""
    track: str = setting(Text(), "mixed")
    """The track picked on the home screen: a track slug or 'mixed'."""
    kind: str = setting(Choice(lambda: (ANY_KIND, *question_kinds())), ANY_KIND)
    """The kind of question picked on the home screen (design, estimate...) or 'any'."""
    questions: int = setting(Whole(1, MAX_QUESTIONS), 3)
    """Questions per interview."""
    minutes_per_answer: float = setting(Real(0.25, 30), 3.0)
    """The time shown for each answer; going over is recorded, never cut off."""
    mode: str = setting(Choice(MODES), "auto")
    """'voice', 'text', or 'auto': voice when a microphone and the speech model are there."""
    stt_model: str = setting(Text(), "")
    """Speech-to-text model: '' = the bundled Whisper tiny.en (offline); a local CTranslate2
    folder; or a hub name such as 'base.en' (downloaded once, on purpose)."""
    stt_compute_type: str = setting(Text(), "int8")
    """CTranslate2 compute type for the speech model: int8, int8_float32, float32..."""
    stt_threads: int = setting(Whole(0, 64), 0)
    """CPU threads for speech-to-text; 0 = the machine's cores, at most 4."""
    stt_language: str = setting(Text(), "en")
    """The language spoken in answers (an ISO code; tiny.en only knows 'en')."""
    stt_beam_size: int = setting(Whole(1, 10), 5)
    """Beam size for transcribing files; 1 is faster, 5 a little more accurate."""
    stt_backend: str = setting(Choice(STT_BACKENDS), "local")
    """'local' (the Whisper model above) or 'openai': an OpenAI-compatible transcription server,
    with the local model transcribing any piece the server fails."""
    stt_base_url: str = setting(Url("http://localhost:8000/v1"), "")
    """The transcription server (speaches, vLLM...), e.g. http://localhost:8000/v1; '': OpenAI's."""
    stt_server_model: str = setting(Text(), "whisper-1")
    """The model the transcription server runs (Systran/faster-whisper-small, whisper-1...);
    `stt_model` stays the local one, the safety net."""
    stt_api_key: Secret = setting(Key(), factory=Secret, fallback="OPENAI_API_KEY",
                                  fallback_unless="stt_base_url")
    """The transcription server's key (INTERVIEWER_STT_API_KEY; OPENAI_API_KEY only when no
    stt_base_url is set); never shown, logged or saved."""
    silence_end_s: float = setting(Real(0, 60), 8.0)
    """The longest wait: seconds of silence after speech that end a spoken answer whatever
    the end-of-turn detector says (it ends a finished answer well before); without the
    detector, the fixed silence that ends every answer. 0 = only the key ends it."""
    turn_model: bool = setting(Switch(), True)
    """End a spoken answer when the end-of-turn model and the words say it is finished;
    false: only space or `silence_end_s` of silence ends it."""
    barge_in: bool = setting(Switch(), False)
    """With headphones: speaking while a question is read stops the voice and starts the
    answer. Off by default: through speakers the voice would be heard back as an answer."""
    input_device: str = setting(Device(), "")
    """Microphone: a device index or part of its name (`interviewer devices`); '' = default."""
    output_device: str = setting(Device(), "")
    """Speaker: a device index or part of its name (`interviewer devices`); '' = default."""
    speak: bool = setting(Switch(), True)
    """Read questions and follow-ups aloud in voice mode (--no-speak: off; text mode never does)."""
    tts_engine: str = setting(Choice(TTS_ENGINES), "auto")
    """'piper' (the neural voice, when installed), 'pyttsx3' (espeak-ng, the system's voices),
    'openai' (a speech server: tts_base_url; the local voice speaks any piece it fails), or
    'auto': Piper unless tts_voice names a pyttsx3 voice."""
    keep_audio: bool = setting(Switch(), True)
    """Keep spoken answers and prompts as WAV files for replay; false (--no-keep-audio): only
    the transcripts are kept, each recording removed once its answer is saved."""
    tts_voice: str = setting(Text(), "")
    """The interviewer's voice: an id or name from `interviewer voices`, or a Piper voice file
    (/path/to/voice.onnx); with tts_engine 'openai', the server's voice (alloy, af_bella...);
    '' = the engine's default (Piper: the bundled en_US-joe-medium; a server: alloy)."""
    tts_rate: int = setting(Whole(80, 400), 180)
    """Speaking rate in words per minute (80-400)."""
    tts_volume: float = setting(Real(0, 1), 1.0)
    """Speech volume, from 0.0 (silent) to 1.0 (full)."""
    tts_base_url: str = setting(Url("http://localhost:8880/v1"), "")
    """With tts_engine 'openai': the voice server (Kokoro-FastAPI...), e.g.
    http://localhost:8880/v1; '': OpenAI's."""
    tts_model: str = setting(Text(), "tts-1")
    """With tts_engine 'openai': the model the voice server runs (kokoro, tts-1...)."""
    tts_api_key: Secret = setting(Key(), factory=Secret, fallback="OPENAI_API_KEY",
                                  fallback_unless="tts_base_url")
    """The voice server's key (INTERVIEWER_TTS_API_KEY; OPENAI_API_KEY only when no
    tts_base_url is set); never shown, logged or saved."""
    coach: str = setting(Choice(COACHES), "auto")
    """'offline', 'llm', or 'auto': the LLM coach when an endpoint or key is set, else offline."""
    llm_base_url: str = setting(Url(), "", fallback="OPENAI_BASE_URL")
    """An OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama); empty: OpenAI's."""
    llm_model: str = setting(Text(), "gpt-4o-mini")
    """The model the LLM coach asks (INTERVIEWER_LLM_MODEL)."""
    llm_api_key: Secret = setting(Key(), factory=Secret, fallback="OPENAI_API_KEY")
    """The endpoint's API key (INTERVIEWER_LLM_API_KEY); never shown, logged or saved."""
    llm_timeout: float = setting(Real(0.1, 600), 20.0)
    """Seconds one LLM step (a follow-up, the scorecard) may take, retries included."""
    llm_max_retries: int = setting(Whole(0, 10), 2)
    """Retries of a failed LLM request (rate limit, server error, timeout, refused connection)."""


SPECS: dict[str, Spec] = {f.name: f.metadata["spec"] for f in fields(Settings)}
"""Every setting's declaration, by name."""


def env_name(name: str) -> str:
    """The variable that sets a setting: INTERVIEWER_ and its name in capitals."""
    return ENV_PREFIX + name.upper()


def parse(name: str, value: object, where: str) -> Any:
    """One setting's value, checked by its declared rule; `where` names it as the user wrote it
    (the file and key, the variable, the flag). Every message about a bad setting is made here."""
    rule = SPECS[name].rule
    try:
        return rule.check(value)
    except Invalid as bad:
        raise ConfigError(f"{where}: {bad}{_shown(value) if rule.echo else ''}") from None


def _shown(value: object) -> str:
    """The value as the user gave it, in a message (short text, a number, its kind)."""
    if isinstance(value, str):
        return f" (not '{value}')" if len(value) <= 60 else ""
    if isinstance(value, (bool, int, float)):
        return f" (not {str(value).lower() if isinstance(value, bool) else value})"
    return f" (not a {'list' if isinstance(value, list) else 'table'})"


def config_path() -> Path:
    env = os.environ.get("INTERVIEWER_CONFIG")
    if env:
        return Path(env).expanduser()
    return config_dir() / "config.toml"


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    path = path or config_path()
    settings = Settings()
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        for key, value in raw.items():
            name = key.replace("-", "_")
            if name not in SPECS:
                raise ConfigError(f"{path}: unknown setting '{key}'")
            setattr(settings, name, parse(name, value, f"{path}: setting '{key}'"))
    for name in SPECS:
        value = env.get(env_name(name))
        if value:
            setattr(settings, name, parse(name, value, env_name(name)))
    for name, spec in SPECS.items():  # other programs' variables, where ours left a gap
        value = env.get(spec.fallback) if spec.fallback else None
        if value and not getattr(settings, name) and not (
                spec.fallback_unless and getattr(settings, spec.fallback_unless)):
            setattr(settings, name, parse(name, value, spec.fallback))
    kill = env.get("INTERVIEWER_LLM", "").strip().lower()
    if kill:
        if kill != "offline":
            raise ConfigError("INTERVIEWER_LLM: only 'offline' is understood (or leave it unset)")
        settings.coach = "offline"
    return settings


def save_setting(name: str, value: str, path: Path | None = None) -> Path:
    """Remember one top-level string setting (e.g. the chosen `input_device`) in the config
    file: its line is replaced, or added before the first table; the rest is kept as is."""
    import json
    import re

    path = path or config_path()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    key = name.replace("_", "-")  # the spelling the README uses; both are read
    line = f"{key} = {json.dumps(value)}"
    spelled = "[-_]".join(re.escape(part) for part in name.split("_"))
    pattern = re.compile(rf"^\s*{spelled}\s*=")
    for i, old in enumerate(lines):
        if old.lstrip().startswith("["):
            lines.insert(i, line)
            break
        if pattern.match(old):
            lines[i] = line
            break
    else:
        lines.append(line)
    _write_private(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def _write_private(path: Path, data: bytes) -> None:
    """The config file may hold the API key: written whole (a crash leaves the old one), 0600
    in a 0700 folder, and never with a looser mode than it had."""
    from interviewer.paths import DIR_MODE, FILE_MODE, write_atomic

    folder = path.parent
    if not folder.is_dir():
        folder.mkdir(mode=DIR_MODE, parents=True)
        os.chmod(folder, DIR_MODE)  # whatever the umask
    elif folder == config_dir():
        os.chmod(folder, folder.stat().st_mode & DIR_MODE)  # our own folder: never shared
    mode = path.stat().st_mode & FILE_MODE if path.exists() else FILE_MODE
    write_atomic(path, data, mode=mode)
