"""The `interviewer` command: the TUI by default, plus headless subcommands for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from interviewer import __version__, banks_cli, calibrate_cli, review_cli
from interviewer.banks import MIXED, BankError, Question, QuestionBank, kind_choice, load_banks
from interviewer.config import ConfigError, Settings, load_settings, save_setting
from interviewer.speech import stt_cli, tts_cli, turn_cli

EXIT_USAGE = 2
COACH_CHOICES = ("offline", "llm")


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="interviewer",
        description="A mock interviewer for AI/ML product-sense interviews, in the terminal.",
    )
    p.add_argument("--version", action="version", version=f"interviewer {__version__}")
    p.add_argument("--text", action="store_true",
                   help="start a typed interview straight away (for quiet places)")
    p.add_argument("--bank", action="append", type=Path, default=[], metavar="PATH",
                   help="an extra question-bank file or folder (repeatable)")
    p.add_argument("--track", help="track slug, or 'mixed'")
    p.add_argument("--kind", help="kind of question (design, estimate, strategy...), or 'any'")
    p.add_argument("--questions", type=int, help="number of questions")
    p.add_argument("--minutes", type=float, help="minutes per answer")
    p.add_argument("--coach", choices=COACH_CHOICES,
                   help="who judges the answers: the offline coach, or an LLM endpoint")
    p.add_argument("--no-speak", action="store_true",
                   help="show the questions without reading them aloud")
    p.add_argument("--no-keep-audio", action="store_true",
                   help="keep the transcripts of spoken answers, not their recordings")
    p.add_argument("--input-device", metavar="DEVICE",
                   help="microphone: an index or part of a name from `interviewer devices`")
    p.add_argument("--output-device", metavar="DEVICE",
                   help="speaker: an index or part of a name from `interviewer devices`")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    banks_cli.add_parsers(sub)

    score = sub.add_parser("score", help="score one written or recorded answer, headless")
    which = score.add_mutually_exclusive_group(required=True)
    which.add_argument("--question", help="the question text")
    which.add_argument("--question-id", help="a question id from the banks")
    answer = score.add_mutually_exclusive_group(required=True)
    answer.add_argument("--answer-file", type=Path, metavar="PATH",
                        help="a text file holding the answer ('-' for standard input)")
    answer.add_argument("--audio", type=Path, metavar="FILE",
                        help="a recorded answer (wav, flac, mp3, m4a...), transcribed first")
    score.add_argument("--format", choices=("json", "md"), default="md")
    score.add_argument("--coach", choices=COACH_CHOICES, default=argparse.SUPPRESS,
                       help="who scores: the offline coach, or an LLM endpoint")

    sub.add_parser("doctor", help="check the coach, the LLM endpoint, speech and devices")
    tts_cli.add_parsers(sub)
    stt_cli.add_parsers(sub)
    turn_cli.add_parsers(sub)
    review_cli.add_parsers(sub)
    calibrate_cli.add_parsers(sub)
    return p


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    settings.banks = [*settings.banks, *args.bank]
    if args.track:
        settings.track = args.track
    if args.kind:
        try:
            settings.kind = kind_choice(args.kind)
        except ValueError as exc:
            raise CliError(f"--kind: {exc}") from None
    if args.questions is not None:
        if not 1 <= args.questions <= 20:
            raise CliError("--questions must be between 1 and 20")
        settings.questions = args.questions
    if args.minutes is not None:
        if not 0.25 <= args.minutes <= 30:
            raise CliError("--minutes must be between 0.25 and 30")
        settings.minutes_per_answer = args.minutes
    if getattr(args, "coach", None):
        settings.coach = args.coach
    if args.no_speak:
        settings.speak = False
    if args.no_keep_audio:
        settings.keep_audio = False
    for name in ("input_device", "output_device"):
        value = getattr(args, name)
        if value is not None and value != getattr(settings, name):
            setattr(settings, name, value)
            _remember(name, value)
    return settings


def _check_home(home: Path) -> None:
    """Once, before any command: a home that cannot hold sessions is one line, exit 2."""
    from interviewer.session.store import home_problem

    problem = home_problem(home)
    if problem:
        raise CliError(f"cannot keep sessions in {home}: {problem}; set INTERVIEWER_HOME or "
                       "`home` in the config file")


def _remember(name: str, value: str) -> None:
    """A device given by flag is kept in the config file for the next run, if it exists."""
    from interviewer.speech.devices import find_input, find_output
    from interviewer.speech.errors import AudioUnavailable

    try:
        (find_input if name == "input_device" else find_output)(value)
    except AudioUnavailable as exc:
        print(f"interviewer: {exc}: not remembered", file=sys.stderr)
        return
    try:
        save_setting(name, value)
    except OSError as exc:
        print(f"interviewer: could not remember {name} in the config file: {exc}",
              file=sys.stderr)


MAX_ANSWER_CHARS = 20_000
"""About 3,000 words, twenty minutes spoken: far past any answer, short of a pasted book."""


def _read_answer(path: Path) -> str:
    try:
        if str(path) == "-":
            text = sys.stdin.read(MAX_ANSWER_CHARS + 1)
        else:
            with path.open(encoding="utf-8") as fh:
                text = fh.read(MAX_ANSWER_CHARS + 1)
    except FileNotFoundError:
        raise CliError(f"{path}: no such answer file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, not an answer file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else \
            "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise CliError(f"{path}: cannot read the answer: {reason}") from None
    if len(text) > MAX_ANSWER_CHARS:
        raise CliError(f"{path}: the answer is longer than {MAX_ANSWER_CHARS:,} characters "
                       "(about twenty minutes spoken): not scored")
    if not text.strip():
        raise CliError(f"{path}: the answer is empty")
    return text


def _cmd_score(args: argparse.Namespace, settings: Settings,
               bank_loader: QuestionBank | None) -> int:
    from interviewer.coach.base import AnsweredQuestion, NoticeSource
    from interviewer.coach.factory import make_coach
    from interviewer.report.markdown import scorecard_markdown

    if args.question_id:
        assert bank_loader is not None
        try:
            question = bank_loader.by_id(args.question_id)
        except KeyError:
            raise CliError(f"no question with id '{args.question_id}' in the banks") from None
    else:
        if not args.question.strip():
            raise CliError("--question is empty")
        question = Question.adhoc(args.question.strip())
    transcript = None
    if args.audio is not None:
        try:
            transcript = stt_cli.transcribe_file(args.audio, settings)
        except stt_cli.SPEECH_ERRORS as exc:
            raise CliError(str(exc)) from None
        if not transcript.text:
            raise CliError(f"{args.audio}: no speech heard, so there is no answer to score")
        answer = transcript.text
    else:
        answer = _read_answer(args.answer_file)
    coach, notice = make_coach(settings)
    if notice:
        print(f"interviewer: {notice}", file=sys.stderr)
    card = coach.score([AnsweredQuestion(question, [answer])])
    for line in coach.take_notices() if isinstance(coach, NoticeSource) else []:
        print(f"interviewer: {line}", file=sys.stderr)
    delivery = stt_cli.delivery_of(transcript) if transcript is not None else None
    if args.format == "json":
        payload = card.to_public_json()
        if transcript is not None:
            payload["transcript"] = transcript.to_dict()
        if delivery is not None:
            payload["delivery"] = delivery
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(scorecard_markdown(card, f"Scorecard: {question.prompt}"))
        if delivery is not None:
            sys.stdout.write(stt_cli.delivery_markdown(delivery))
        if transcript is not None:
            sys.stdout.write(f"\n## Transcript\n\n{transcript.text}\n")
    return 0


def _cmd_doctor(settings: Settings) -> int:
    from interviewer.doctor import report

    text, code = report(settings)
    sys.stdout.write(text)
    return code


def _run_tui(settings: Settings, bank: QuestionBank, text_only: bool) -> int:
    from interviewer.coach.factory import make_coach
    from interviewer.session.store import SessionStore
    from interviewer.ui import run_app

    if settings.track != MIXED and settings.track not in bank.tracks():
        raise CliError(f"unknown track '{settings.track}' (tracks: {', '.join(bank.tracks())})")
    if not bank.matching(settings.track, settings.kind):
        there = sorted({q.kind for q in bank.matching(settings.track)})
        raise CliError(f"no questions of kind '{settings.kind}' in track '{settings.track}' "
                       f"(kinds there: {', '.join(there)})")
    coach, notice = make_coach(settings)
    return run_app(settings, bank, coach, SessionStore(settings.home), text_only=text_only,
                   notice=notice)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
        _check_home(settings.home)
        if args.command == "banks" and args.banks_command == "validate":
            return banks_cli.validate(args.paths)
        needs_bank = (args.command not in ("score", "doctor", *tts_cli.COMMANDS,
                                           *stt_cli.COMMANDS, *turn_cli.COMMANDS,
                                           *review_cli.NEEDS_NO_BANK)
                      or getattr(args, "question_id", None))
        bank = load_banks(settings.banks) if needs_bank else None
        for line in bank.notices if bank is not None and args.command else ():
            print(f"interviewer: {line}", file=sys.stderr)  # the TUI shows them itself
        if args.command == "banks":
            assert bank is not None
            return banks_cli.listing(args, bank)
        if args.command == "score":
            return _cmd_score(args, settings, bank)
        if args.command == "doctor":
            return _cmd_doctor(settings)
        if args.command in tts_cli.COMMANDS:
            return tts_cli.run(args, settings)
        if args.command in stt_cli.COMMANDS:
            return stt_cli.run(args, settings)
        if args.command in calibrate_cli.COMMANDS:
            assert bank is not None
            return calibrate_cli.run(args, settings, bank)
        if args.command in turn_cli.COMMANDS:
            return turn_cli.run(args, settings)
        if args.command in review_cli.COMMANDS:
            return review_cli.run(args, settings, bank)
        assert bank is not None
        return _run_tui(settings, bank, text_only=args.text)
    except (BankError, ConfigError, CliError) as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return EXIT_USAGE
