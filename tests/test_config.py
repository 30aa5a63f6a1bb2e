"""Settings: file, environment and their precedence; bad values name the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.config import ConfigError, load_settings


def test_defaults_then_file_then_environment(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    assert load_settings(cfg, env={}).questions == 3
    cfg.write_text('questions = 5\ntrack = "ai-search"\nminutes-per-answer = 2\n'
                   f'home = "{tmp_path / "h"}"\n')
    s = load_settings(cfg, env={})
    assert (s.questions, s.track, s.minutes_per_answer, s.home) == (5, "ai-search", 2.0,
                                                                    tmp_path / "h")
    s = load_settings(cfg, env={"INTERVIEWER_QUESTIONS": "2", "INTERVIEWER_HOME": "/x"})
    assert s.questions == 2 and s.home == Path("/x") and s.track == "ai-search"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("questions = 0\n", "setting 'questions': must be between 1 and 20"),
        ('mode = "telepathy"\n', "setting 'mode': must be one of text, voice"),
        ("colour = 3\n", "unknown setting 'colour'"),
        ("questions = [\n", "config.toml"),
    ],
)
def test_bad_config_names_the_file_and_setting(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=message) as err:
        load_settings(cfg, env={})
    assert str(cfg) in str(err.value)
