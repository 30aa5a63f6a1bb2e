"""Settings declared once: a bad value is said in the same words from the file, the environment
and a flag; flags beat the environment, which beats the file; every declared setting is in
README's table; and the command table is what `interviewer --help` lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interviewer.cli.entry import build_parser, main, settings_for
from interviewer.cli.table import COMMANDS
from interviewer.config import SPECS, ConfigError, Spec, env_name, load_settings
from interviewer.setting_rules import Key

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The installed command's view of the world: no config file, a fresh home."""
    for name in [*(env_name(n) for n in SPECS), "OPENAI_BASE_URL", "OPENAI_API_KEY",
                 "INTERVIEWER_LLM"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.mark.parametrize(("name", "flag", "bad", "rule"), [
    ("questions", ["--questions"], "0", "must be a whole number from 1 to 20 (not '0')"),
    ("questions", ["--questions"], "x", "must be a whole number from 1 to 20 (not 'x')"),
    ("minutes_per_answer", ["--minutes"], "99", "must be a number from 0.25 to 30 (not '99')"),
    ("kind", ["--kind"], "vibes", "must be one of any, design, "),
    ("stt_beam_size", ["transcribe", "none.wav", "--beam-size"], "11",
     "must be a whole number from 1 to 10 (not '11')"),
])
def test_a_bad_value_is_said_alike_from_file_environment_and_flag(
        no_config: Path, capsys: pytest.CaptureFixture[str], name: str, flag: list[str],
        bad: str, rule: str) -> None:
    key = name.replace("_", "-")
    cfg = no_config / "config.toml"
    cfg.write_text(f'{key} = "{bad}"\n')
    with pytest.raises(ConfigError) as from_file:
        load_settings(cfg, env={})
    with pytest.raises(ConfigError) as from_env:
        load_settings(no_config / "none.toml", env={env_name(name): bad})
    assert main([*flag, bad]) == 2
    said = capsys.readouterr()
    assert said.out == "" and said.err.count("\n") == 1
    spellings = {f"{cfg}: setting '{key}'": str(from_file.value),
                 env_name(name): str(from_env.value),
                 flag[-1]: said.err.removeprefix("interviewer: ").rstrip("\n")}
    tails = set()
    for where, message in spellings.items():
        assert message.startswith(f"{where}: {rule}"), message
        tails.add(message.removeprefix(f"{where}: "))
    assert len(tails) == 1, tails  # the same words, wherever the value came from


def test_flags_beat_the_environment_which_beats_the_file(
        no_config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = no_config / "config.toml"
    cfg.write_text('questions = 2\ncoach = "llm"\nspeak = true\nkind = "estimate"\n')
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(cfg))

    def settings(*argv: str) -> tuple[int, str, bool, str]:
        s = settings_for(build_parser().parse_args(list(argv)))
        return s.questions, s.coach, s.speak, s.kind

    assert settings() == (2, "llm", True, "estimate")
    monkeypatch.setenv("INTERVIEWER_QUESTIONS", "3")
    monkeypatch.setenv("INTERVIEWER_SPEAK", "no")
    assert settings() == (3, "llm", False, "estimate")
    assert settings("--questions", "4", "--coach", "offline", "--kind", "any") == (
        4, "offline", False, "any")
    assert settings("score", "--coach", "offline", "--question", "Q", "--answer-file", "-")[1] \
        == "offline"
    # calibrate measures the offline coach unless told otherwise, whatever the file says.
    assert settings("calibrate")[1] == "offline"


def test_a_key_meant_for_openai_is_not_sent_where_another_server_is_set(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`fallback_unless` (the speech servers' keys use it): the SDK's key only without our URL."""
    env = {"OPENAI_API_KEY": "sk-test-fallback"}
    assert load_settings(tmp_path / "none.toml", env=env).llm_api_key.reveal() == \
        "sk-test-fallback"
    monkeypatch.setitem(SPECS, "llm_api_key",
                        Spec(Key(), fallback="OPENAI_API_KEY", fallback_unless="llm_base_url"))
    assert load_settings(tmp_path / "none.toml", env=env).llm_api_key.reveal() == \
        "sk-test-fallback"
    s = load_settings(tmp_path / "none.toml",
                      env={**env, "INTERVIEWER_LLM_BASE_URL": "http://127.0.0.1:9/v1"})
    assert not s.llm_api_key


def test_every_declared_setting_is_in_the_readme_table() -> None:
    section = README.read_text(encoding="utf-8").split("\n## Configuration\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE)
    assert sorted(rows) == sorted(name.replace("_", "-") for name in SPECS)


def test_help_lists_the_command_table_in_its_order() -> None:
    text = build_parser().format_help()
    listed = re.findall(r"^    (\w+)\s", text.split("COMMAND\n", 2)[-1], re.MULTILINE)
    assert listed == [c.name for c in COMMANDS]
