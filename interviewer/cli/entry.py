"""The `interviewer` command: the TUI by default, plus headless subcommands for scripts.

`main` builds the parser from the command table, the settings from the file, the environment
and the flags, checks the home once, loads the banks when the command needs them and runs it.
Every problem a user can fix ends here: one line on standard error, exit code 2."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from interviewer import __version__
from interviewer.bank_errors import BankError
from interviewer.banks import load_banks
from interviewer.cli.command import (
    COACH_FLAG_CHOICES,
    USAGE,
    Context,
    UsageError,
    setting_flag,
    tell,
)
from interviewer.cli.table import BY_NAME, COMMANDS, INTERVIEW
from interviewer.coach.calibration import CalibrationError
from interviewer.config import SPECS, ConfigError, Settings, load_settings, save_setting
from interviewer.session.library import DamagedSessionError, SessionNotFoundError
from interviewer.speech.audio import AudioFileError
from interviewer.speech.errors import AudioUnavailable, SpeechError
from interviewer.speech.stt import ModelLoadError

USER_ERRORS = (UsageError, ConfigError, BankError, SessionNotFoundError, DamagedSessionError,
               CalibrationError, AudioFileError, ModelLoadError, AudioUnavailable, SpeechError)
"""Problems a user can fix (a bad flag, setting, file, session, device...): said in one line."""
DEVICES = ("input_device", "output_device")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="interviewer",
        description="A mock interviewer for AI/ML product-sense interviews, in the terminal.",
    )
    p.add_argument("--version", action="version", version=f"interviewer {__version__}")
    p.add_argument("--text", action="store_true",
                   help="start a typed interview straight away (for quiet places)")
    p.add_argument("--bank", action="append", type=Path, default=[], metavar="PATH",
                   help="an extra question-bank file or folder (repeatable)")
    setting_flag(p, "--track", setting="track", metavar="TRACK", help="track slug, or 'mixed'")
    setting_flag(p, "--kind", setting="kind", metavar="KIND",
                 help="kind of question (design, estimate, strategy...), or 'any'")
    setting_flag(p, "--questions", setting="questions", metavar="QUESTIONS",
                 help="number of questions")
    setting_flag(p, "--minutes", setting="minutes_per_answer", metavar="MINUTES",
                 help="minutes per answer")
    setting_flag(p, "--coach", setting="coach", choices=COACH_FLAG_CHOICES,
                 help="who judges the answers: the offline coach, or an LLM endpoint")
    setting_flag(p, "--no-speak", setting="speak", const=False,
                 help="show the questions without reading them aloud")
    setting_flag(p, "--no-keep-audio", setting="keep_audio", const=False,
                 help="keep the transcripts of spoken answers, not their recordings")
    setting_flag(p, "--input-device", setting="input_device", metavar="DEVICE",
                 help="microphone: an index or part of a name from `interviewer devices`")
    setting_flag(p, "--output-device", setting="output_device", metavar="DEVICE",
                 help="speaker: an index or part of a name from `interviewer devices`")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        parser = sub.add_parser(command.name, help=command.help)
        if command.arguments is not None:
            command.arguments(parser)
    return p


def settings_for(args: argparse.Namespace) -> Settings:
    """The file and the environment (config.py), then the flags over them: each flag's value
    was already checked by its setting's declaration as it was parsed."""
    settings = load_settings()
    settings.banks = [*settings.banks, *args.bank]
    for name, value in vars(args).items():
        if name not in SPECS or value is None:
            continue
        if name in DEVICES and value != getattr(settings, name):
            _remember(name, value)
        setattr(settings, name, value)
    return settings


def _check_home(home: Path) -> None:
    """Once, before any command: a home that cannot hold sessions is one line, exit 2."""
    from interviewer.session.store import home_problem

    problem = home_problem(home)
    if problem:
        raise UsageError(f"cannot keep sessions in {home}: {problem}; set INTERVIEWER_HOME or "
                         "`home` in the config file")


def _remember(name: str, value: str) -> None:
    """A device given by flag is kept in the config file for the next run, if it exists."""
    from interviewer.speech.devices import find_input, find_output

    try:
        (find_input if name == "input_device" else find_output)(value)
    except AudioUnavailable as exc:
        tell(f"{exc}: not remembered")
        return
    try:
        save_setting(name, value)
    except OSError as exc:
        tell(f"could not remember {name} in the config file: {exc}")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        settings = settings_for(args)
        _check_home(settings.home)
        command = BY_NAME.get(args.command, INTERVIEW)
        bank = load_banks(settings.banks) if command.wants_bank(args) else None
        for line in bank.notices if bank is not None and args.command else ():
            tell(line)  # the TUI shows them itself
        return command.run(Context(args, settings, bank))
    except USER_ERRORS as exc:
        tell(str(exc))
        return USAGE
