"""`interviewer score`: one written or recorded answer scored headless, for scripts.

Standard output carries only the scorecard (Markdown, or one JSON object)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from interviewer.banks import Question
from interviewer.cli import stt
from interviewer.cli.command import COACH_FLAG_CHOICES, Context, UsageError, setting_flag, tell

MAX_ANSWER_CHARS = 20_000
"""About 3,000 words, twenty minutes spoken: far past any answer, short of a pasted book."""


def arguments(score: argparse.ArgumentParser) -> None:
    which = score.add_mutually_exclusive_group(required=True)
    which.add_argument("--question", help="the question text")
    which.add_argument("--question-id", help="a question id from the banks")
    answer = score.add_mutually_exclusive_group(required=True)
    answer.add_argument("--answer-file", type=Path, metavar="PATH",
                        help="a text file holding the answer ('-' for standard input)")
    answer.add_argument("--audio", type=Path, metavar="FILE",
                        help="a recorded answer (wav, flac, mp3, m4a...), transcribed first")
    score.add_argument("--format", choices=("json", "md"), default="md")
    setting_flag(score, "--coach", setting="coach", choices=COACH_FLAG_CHOICES,
                 help="who scores: the offline coach, or an LLM endpoint")


def needs_bank(args: argparse.Namespace) -> bool:
    """Only a question given by id is looked up in the banks."""
    return bool(args.question_id)


def _read_answer(path: Path) -> str:
    try:
        if str(path) == "-":
            text = sys.stdin.read(MAX_ANSWER_CHARS + 1)
        else:
            with path.open(encoding="utf-8") as fh:
                text = fh.read(MAX_ANSWER_CHARS + 1)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such answer file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not an answer file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else \
            "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise UsageError(f"{path}: cannot read the answer: {reason}") from None
    if len(text) > MAX_ANSWER_CHARS:
        raise UsageError(f"{path}: the answer is longer than {MAX_ANSWER_CHARS:,} characters "
                         "(about twenty minutes spoken): not scored")
    if not text.strip():
        raise UsageError(f"{path}: the answer is empty")
    return text


def run(ctx: Context) -> int:
    from interviewer.coach.base import AnsweredQuestion, NoticeSource
    from interviewer.report.markdown import scorecard_markdown

    args = ctx.args
    if args.question_id:
        try:
            question = ctx.banks().by_id(args.question_id)
        except KeyError:
            raise UsageError(f"no question with id '{args.question_id}' in the banks") from None
    else:
        if not args.question.strip():
            raise UsageError("--question is empty")
        question = Question.adhoc(args.question.strip())
    transcript = None
    if args.audio is not None:
        transcript = stt.transcribe_file(args.audio, ctx.settings)
        if not transcript.text:
            raise UsageError(f"{args.audio}: no speech heard, so there is no answer to score")
        answer = transcript.text
    else:
        answer = _read_answer(args.answer_file)
    coach, notice = ctx.coach()
    if notice:
        tell(notice)
    card = coach.score([AnsweredQuestion(question, [answer])])
    for line in coach.take_notices() if isinstance(coach, NoticeSource) else []:
        tell(line)
    delivery = stt.delivery_of(transcript) if transcript is not None else None
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
            sys.stdout.write(stt.delivery_markdown(delivery))
        if transcript is not None:
            sys.stdout.write(f"\n## Transcript\n\n{transcript.text}\n")
    return 0
