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
        ("questions = 0\n", "setting 'questions': must be a whole number from 1 to 20"),
        ('mode = "telepathy"\n', "setting 'mode': must be one of auto, text, voice"),
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


def test_save_setting_updates_one_key_and_keeps_the_rest(tmp_path: Path) -> None:
    from interviewer.config import save_setting
    from interviewer.tomlcompat import tomllib

    path = tmp_path / "config.toml"
    path.write_text('# my settings\nquestions = 4\ninput_device = "old"\n\n[extra]\nx = 1\n')
    save_setting("input_device", "USB Mic \"2\"", path)
    save_setting("output_device", "speaker", path)
    text = path.read_text()
    assert text.startswith("# my settings\nquestions = 4\ninput-device = ")
    assert text.count("input") == 1
    assert text.rstrip().endswith("[extra]\nx = 1")
    assert text.index('output-device = "speaker"') < text.index("[extra]")
    raw = tomllib.loads(text)
    assert raw["input-device"] == 'USB Mic "2"' and raw["questions"] == 4
    fresh = tmp_path / "new" / "config.toml"
    save_setting("input_device", "pulse", fresh)
    assert load_settings(fresh, env={}).input_device == "pulse"
