"""LLM settings: file, INTERVIEWER_LLM_* and the SDK's OPENAI_* fallbacks; the coach factory."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from interviewer.coach.factory import make_coach
from interviewer.coach.fallback import FallbackCoach
from interviewer.coach.offline import OfflineCoach
from interviewer.config import ConfigError, Settings, load_settings
from interviewer.secret import Secret, redact

KEY = "sk-test-SECRET-DO-NOT-LEAK-1234"


def test_defaults_leave_the_offline_coach_in_charge(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "none.toml", env={})
    assert s.coach == "auto" and not s.llm_base_url and not s.llm_api_key
    assert s.llm_timeout == 20 and s.llm_max_retries == 2
    coach, notice = make_coach(s)
    assert isinstance(coach, OfflineCoach) and notice is None


def test_environment_file_and_openai_fallbacks(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('llm-base-url = "http://localhost:11434/v1"\nllm-model = "llama3.2"\n'
                   "llm-timeout = 7.5\nllm-max-retries = 1\n")
    s = load_settings(cfg, env={"OPENAI_BASE_URL": "http://elsewhere/v1", "OPENAI_API_KEY": KEY})
    assert s.llm_base_url == "http://localhost:11434/v1"  # the file beats the SDK's variables
    assert s.llm_api_key.reveal() == KEY  # nothing of ours set a key: the SDK's is used
    assert (s.llm_model, s.llm_timeout, s.llm_max_retries) == ("llama3.2", 7.5, 1)
    s = load_settings(cfg, env={"INTERVIEWER_LLM_BASE_URL": "http://127.0.0.1:1/v1",
                                "INTERVIEWER_LLM_API_KEY": "ours", "OPENAI_API_KEY": KEY,
                                "INTERVIEWER_LLM_MODEL": "m"})
    assert (s.llm_base_url, s.llm_api_key.reveal(), s.llm_model) == ("http://127.0.0.1:1/v1",
                                                                     "ours", "m")
    s = load_settings(tmp_path / "none.toml", env={"OPENAI_BASE_URL": "http://x/v1"})
    assert s.llm_base_url == "http://x/v1"


def test_kill_switch_and_bad_values(tmp_path: Path) -> None:
    env = {"INTERVIEWER_LLM_API_KEY": KEY, "INTERVIEWER_LLM": "offline"}
    s = load_settings(tmp_path / "none.toml", env=env)
    assert s.coach == "offline"
    coach, notice = make_coach(s)
    assert isinstance(coach, OfflineCoach) and notice is None
    with pytest.raises(ConfigError, match="INTERVIEWER_LLM"):
        load_settings(tmp_path / "none.toml", env={"INTERVIEWER_LLM": "yes"})
    with pytest.raises(ConfigError, match="INTERVIEWER_COACH: must be one of auto, offline, llm"):
        load_settings(tmp_path / "none.toml", env={"INTERVIEWER_COACH": "gpt"})
    with pytest.raises(ConfigError, match=r"INTERVIEWER_LLM_TIMEOUT: must be a number from 0\.1 "):
        load_settings(tmp_path / "none.toml", env={"INTERVIEWER_LLM_TIMEOUT": "0"})


def test_factory_picks_the_llm_only_with_an_endpoint_or_key() -> None:
    s = Settings(coach="llm")
    coach, notice = make_coach(s)
    assert isinstance(coach, OfflineCoach)
    assert notice is not None and "INTERVIEWER_LLM_BASE_URL" in notice
    s = Settings(coach="auto", llm_base_url="http://127.0.0.1:9/v1", llm_model="tiny")
    coach, notice = make_coach(s)
    assert isinstance(coach, FallbackCoach) and coach.name == "llm:tiny" and notice is None
    s = Settings(coach="auto", llm_api_key=Secret(KEY))
    coach, _ = make_coach(s)
    assert coach.name == "llm:gpt-4o-mini"
    s = Settings(coach="offline", llm_api_key=Secret(KEY))
    assert isinstance(make_coach(s)[0], OfflineCoach)


def test_the_key_never_shows_itself() -> None:
    s = Settings(llm_api_key=Secret(KEY), llm_base_url="http://127.0.0.1:9/v1")
    for text in (repr(s), str(s), f"{s.llm_api_key}", repr(s.llm_api_key), str(vars(s)),
                 repr(copy.deepcopy(s)), repr(pickle.loads(pickle.dumps(s)))):
        assert KEY not in text
    assert copy.deepcopy(s).llm_api_key.reveal() == KEY
    assert redact(f"Bearer {KEY} rejected", s.llm_api_key) == "Bearer *** rejected"
    coach, _ = make_coach(s)
    assert KEY not in repr(coach) and KEY not in repr(vars(coach))
