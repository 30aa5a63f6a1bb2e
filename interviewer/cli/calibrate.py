"""`interviewer calibrate`: a coach's agreement with graded answers, printed like a model eval."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from interviewer.cli.command import Context, setting_flag


def arguments(p: argparse.ArgumentParser) -> None:
    setting_flag(p, "--coach", setting="coach", choices=("offline", "llm"), default="offline",
                 help="the coach to measure (llm: the configured endpoint)")
    p.add_argument("--set", type=Path, action="append", default=[], metavar="FILE",
                   dest="sets", help="a graded set (TOML); default: the bundled dev and test "
                                     "splits, each reported apart")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--verbose", action="store_true", help="also list every answer's score")


def run(ctx: Context) -> int:
    """Exit 0 with the figures; 2 with one line (a CalibrationError) when the set or the
    coach cannot be used."""
    from interviewer.coach.base import NoticeSource
    from interviewer.coach.calibration import (
        BUNDLED_SPLITS,
        CalibrationError,
        bundled_set,
        figures,
        figures_text,
        parse_set,
        read_set_file,
        score_all,
    )

    args, bank = ctx.args, ctx.banks()
    coach, notice = ctx.coach()  # --coach (offline unless given) is in the settings
    if args.coach == "llm" and notice:
        raise CalibrationError(f"cannot measure the LLM coach: {notice}")
    sources = ([read_set_file(p) for p in args.sets] if args.sets
               else [bundled_set(s) for s in BUNDLED_SPLITS])
    parsed = [(name, parse_set(name, text, bank)) for name, text in sources]
    results = []
    for name, answers in parsed:
        def progress(done: int, total: int, name: str = name) -> None:
            if sys.stderr.isatty():
                print(f"\r{name}: {done}/{total}", end="", file=sys.stderr, flush=True)

        results.append(figures(name, score_all(coach, answers, progress)))
        if sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr)
    for line in coach.take_notices() if isinstance(coach, NoticeSource) else []:
        print(f"interviewer: {line}", file=sys.stderr)
    if args.format == "json":
        sets = [f.to_dict() for f in results]
        if not args.verbose:
            for s in sets:
                s.pop("rows")
        payload = {"coach": coach.name, "sets": sets}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        print(f"coach: {coach.name}")
        for f in results:
            sys.stdout.write(figures_text(f, verbose=args.verbose))
    return 0
