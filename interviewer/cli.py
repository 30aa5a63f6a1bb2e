"""The `interviewer` command: the TUI by default, plus headless subcommands for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from interviewer import __version__, review_cli
from interviewer.banks import MIXED, BankError, Question, QuestionBank, load_bank_file, load_banks
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
    p.add_argument("--questions", type=int, help="number of questions")
    p.add_argument("--minutes", type=float, help="minutes per answer")
    p.add_argument("--coach", choices=COACH_CHOICES,
                   help="who judges the answers: the offline coach, or an LLM endpoint")
    p.add_argument("--no-speak", action="store_true",
                   help="show the questions without reading them aloud")
    p.add_argument("--input-device", metavar="DEVICE",
                   help="microphone: an index or part of a name from `interviewer devices`")
    p.add_argument("--output-device", metavar="DEVICE",
                   help="speaker: an index or part of a name from `interviewer devices`")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    banks = sub.add_parser("banks", help="list the question banks, or validate one")
    banks_sub = banks.add_subparsers(dest="banks_command", metavar="ACTION")
    validate = banks_sub.add_parser("validate", help="check a question-bank file or folder")
    validate.add_argument("path", type=Path)

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
    return p


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    settings.banks = [*settings.banks, *args.bank]
    if args.track:
        settings.track = args.track
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
    for name in ("input_device", "output_device"):
        value = getattr(args, name)
        if value is not None and value != getattr(settings, name):
            setattr(settings, name, value)
            _remember(name, value)
    return settings


def _remember(name: str, value: str) -> None:
    """A device given by flag is kept in the config file for the next run."""
    try:
        save_setting(name, value)
    except OSError as exc:
        print(f"interviewer: could not remember {name} in the config file: {exc}",
              file=sys.stderr)


def _cmd_banks(bank: QuestionBank) -> int:
    by_track: dict[str, list[Question]] = {}
    for q in bank.questions:
        by_track.setdefault(q.track, []).append(q)
    for track in sorted(by_track):
        print(f"{track} ({len(by_track[track])} questions)")
        for q in by_track[track]:
            print(f"  {q.id:<34} {q.difficulty:<6} {q.prompt}")
    print(f"{len(bank.questions)} questions in {len(by_track)} tracks")
    return 0


def _cmd_validate(path: Path) -> int:
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    if not path.exists():
        raise BankError(path, "does not exist")
    if not files:
        raise BankError(path, "holds no .toml files")
    total = 0
    for f in files:
        total += len(load_bank_file(f))
    # Ids must also not clash with the bundled banks the user's bank is added to.
    load_banks([path])
    print(f"{path}: OK, {total} questions")
    return 0


def _read_answer(path: Path) -> str:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such answer file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}: cannot read the answer: {exc}") from None
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
    coach, notice = make_coach(settings)
    return run_app(settings, bank, coach, SessionStore(settings.home), text_only=text_only,
                   notice=notice)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
        if args.command == "banks" and args.banks_command == "validate":
            return _cmd_validate(args.path)
        needs_bank = (args.command not in ("score", "doctor", *tts_cli.COMMANDS,
                                           *stt_cli.COMMANDS, *turn_cli.COMMANDS,
                                           *review_cli.NEEDS_NO_BANK)
                      or getattr(args, "question_id", None))
        bank = load_banks(settings.banks) if needs_bank else None
        if args.command == "banks":
            assert bank is not None
            return _cmd_banks(bank)
        if args.command == "score":
            return _cmd_score(args, settings, bank)
        if args.command == "doctor":
            return _cmd_doctor(settings)
        if args.command in tts_cli.COMMANDS:
            return tts_cli.run(args, settings)
        if args.command in stt_cli.COMMANDS:
            return stt_cli.run(args, settings)
        if args.command in turn_cli.COMMANDS:
            return turn_cli.run(args, settings)
        if args.command in review_cli.COMMANDS:
            return review_cli.run(args, settings, bank)
        assert bank is not None
        return _run_tui(settings, bank, text_only=args.text)
    except (BankError, ConfigError, CliError) as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return EXIT_USAGE
