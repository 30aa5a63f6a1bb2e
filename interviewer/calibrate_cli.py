"""`interviewer calibrate`: a coach's agreement with graded answers, printed like a model eval."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from interviewer.banks import QuestionBank

COMMANDS = ("calibrate",)
EXIT_USAGE = 2


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("calibrate", help="measure a coach against graded answers "
                                         "(Spearman rho, error, gaming, form gaps)")
    p.add_argument("--coach", choices=("offline", "llm"), default="offline",
                   help="the coach to measure (llm: the configured endpoint)")
    p.add_argument("--set", type=Path, action="append", default=[], metavar="FILE",
                   dest="sets", help="a graded set (TOML); default: the bundled dev and test "
                                     "splits, each reported apart")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--verbose", action="store_true", help="also list every answer's score")


def run(args: argparse.Namespace, settings: Any, bank: QuestionBank) -> int:
    """Exit 0 with the figures; 2 with one line when the set or the coach cannot be used."""
    from interviewer.coach.calibration import CalibrationError

    try:
        return _run(args, settings, bank)
    except CalibrationError as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace, settings: Any, bank: QuestionBank) -> int:
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
    from interviewer.coach.factory import make_coach

    settings.coach = args.coach
    coach, notice = make_coach(settings)
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
