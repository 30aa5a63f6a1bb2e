"""What every command shares: the exit codes, the one usage error, the context a command runs
in (its arguments, the settings, the banks, the coach), a row of the command table, and flags
that set a setting (read through the setting's declaration in config.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from interviewer.config import parse

if TYPE_CHECKING:
    from interviewer.banks import QuestionBank
    from interviewer.coach.base import Coach
    from interviewer.config import Settings

OK = 0
FAILED = 1
"""The command ran and the answer is no: a check failed (doctor), the user kept a session."""
USAGE = 2
"""A problem the user can fix: one line on standard error (`UsageError` and its kin)."""
INTERRUPTED = 130
"""Ctrl-C stopped it (128 + SIGINT, as a shell reports it)."""
COACH_FLAG_CHOICES = ("offline", "llm")
"""What --coach takes: a coach by name ('auto' is what no flag means)."""


class UsageError(Exception):
    """A problem the user can fix; `main` says it in one line and exits with USAGE."""


def tell(line: str) -> None:
    """One line for the user on standard error, as every command says it."""
    print(f"interviewer: {line}", file=sys.stderr, flush=True)


@dataclass
class Context:
    """What a command runs with; built once by `main`."""

    args: argparse.Namespace
    settings: Settings
    bank: QuestionBank | None = None
    """The question banks, loaded when the command's row says it needs them."""

    def banks(self) -> QuestionBank:
        assert self.bank is not None, "the command table says this command needs no banks"
        return self.bank

    def coach(self) -> tuple[Coach, str | None]:
        """The coach the settings choose, and a line when it is not the one asked for: every
        command gets its coach here."""
        from interviewer.coach.factory import make_coach

        return make_coach(self.settings)


@dataclass(frozen=True)
class Command:
    """One row of the command table (`table.py`)."""

    name: str
    help: str
    run: Callable[[Context], int]
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    needs_bank: bool | Callable[[argparse.Namespace], bool] = False
    """Whether the question banks are loaded first (their problems are then said first)."""

    def wants_bank(self, args: argparse.Namespace) -> bool:
        return self.needs_bank(args) if callable(self.needs_bank) else self.needs_bank


class SettingFlag(argparse.Action):
    """A flag that sets the setting named by its `dest`, its value checked by the setting's
    declaration: a bad one is the same line as in the file or the environment, with the flag
    named. `const` makes a switch (`--no-speak`: speak = false)."""

    def __init__(self, option_strings: Sequence[str], dest: str, const: Any = None,
                 default: Any = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0 if const is not None else None,
                         const=const, default=default, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        value = self.const if self.nargs == 0 else values
        setattr(namespace, self.dest, parse(self.dest, value, option_string or self.dest))


def setting_flag(parser: argparse.ArgumentParser, *flags: str, setting: str,
                 **kwargs: Any) -> None:
    """Add a flag that sets `setting` (main applies it over the file and the environment)."""
    parser.add_argument(*flags, dest=setting, action=SettingFlag, **kwargs)
