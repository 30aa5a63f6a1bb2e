"""`interviewer banks`: list the questions (text or JSON, by track or kind) and validate banks.

The listing's layout and the validator's report live beside each other.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from interviewer.banks import (
    ANY_KIND,
    DIFFICULTIES,
    MIXED,
    Question,
    QuestionBank,
    plural,
    track_title,
    validate_paths,
)
from interviewer.cli.command import USAGE, Context, UsageError, setting_flag

DEFAULT_WIDTH = 100
"""The listing's width when the output is not a terminal (a pipe, a file)."""
MIN_PROMPT_WIDTH = 50
"""Narrower than this, a prompt goes under its row rather than beside it."""


def arguments(banks: argparse.ArgumentParser) -> None:
    banks.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (a table) or json (every question: id, track, kind, "
                            "difficulty, dimensions, prompt)")
    setting_flag(banks, "--track", setting="track", help="only this track")
    setting_flag(banks, "--kind", setting="kind",
                 help="only this kind of question (design, estimate, strategy...)")
    actions = banks.add_subparsers(dest="banks_command", metavar="ACTION")
    validate = actions.add_parser(
        "validate", help="check bank files or folders: every problem, one line each")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def needs_bank(args: argparse.Namespace) -> bool:
    """Validating reads only the files given, so a copy of a bundled bank validates."""
    return bool(args.banks_command != "validate")


def run(ctx: Context) -> int:
    if ctx.args.banks_command == "validate":
        return validate(ctx.args.paths)
    return listing(ctx.args, ctx.banks())


def validate(paths: Sequence[Path]) -> int:
    """Every problem on stdout, one line each (file, question, field, what is wrong); exit 2
    when there is any. Only the given files are read, so a copy of a bundled bank validates."""
    result = validate_paths(paths)
    names = " ".join(str(p) for p in paths)
    for problem in result.problems:
        print(problem)
    if result.problems:
        print(f"interviewer: {plural(len(result.problems), 'problem')} in {names}",
              file=sys.stderr)
        return USAGE
    print(f"{names}: OK, {plural(result.questions, 'question')} in "
          f"{plural(result.files, 'file')}")
    return 0


def listing_text(questions: Sequence[Question], width: int) -> str:
    """A table per track; columns sized to the longest id and kind, prompts wrapped."""
    if not questions:
        return "0 questions\n"
    id_w = max(len(q.id) for q in questions)
    kind_w = max(len(q.kind) for q in questions)
    diff_w = max(len(d) for d in DIFFICULTIES)
    lead = 2 + id_w + 2 + diff_w + 2 + kind_w + 2
    beside = width - lead >= MIN_PROMPT_WIDTH
    by_track: dict[str, list[Question]] = {}
    for q in questions:
        by_track.setdefault(q.track, []).append(q)
    lines: list[str] = []
    for track in sorted(by_track):
        lines.append(f"{track_title(track)} ({track}): {plural(len(by_track[track]), 'question')}")
        for q in by_track[track]:
            row = f"  {q.id:<{id_w}}  {q.difficulty:<{diff_w}}  {q.kind:<{kind_w}}"
            if beside:
                wrapped = textwrap.wrap(q.prompt, width - lead, break_on_hyphens=False)
                lines.append(f"{row}  {wrapped[0]}")
                lines.extend(" " * lead + w for w in wrapped[1:])
            else:
                lines.append(row.rstrip())
                lines.extend(textwrap.wrap(q.prompt, max(20, width - 4), initial_indent="    ",
                                           subsequent_indent="    ", break_on_hyphens=False))
    lines.append(f"{plural(len(questions), 'question')} in {plural(len(by_track), 'track')}")
    return "\n".join(lines) + "\n"


def listing(args: argparse.Namespace, bank: QuestionBank) -> int:
    track = getattr(args, "track", None) or MIXED
    kind = getattr(args, "kind", None) or ANY_KIND
    if track != MIXED and track not in bank.tracks():
        raise UsageError(f"unknown track '{track}' (tracks: {', '.join(bank.tracks())})")
    shown = bank.matching(track, kind)
    if args.format == "json":
        sys.stdout.write(json.dumps([q.summary() for q in shown], indent=2, ensure_ascii=False)
                         + "\n")
    else:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        sys.stdout.write(listing_text(shown, max(40, width)))
    return 0
