"""`interviewer` with no command: the interview in the TUI (typed with --text)."""

from __future__ import annotations

from interviewer.banks import MIXED
from interviewer.cli.command import Context, UsageError


def run(ctx: Context) -> int:
    from interviewer.session.store import SessionStore
    from interviewer.ui import run_app

    settings, bank = ctx.settings, ctx.banks()
    if settings.track != MIXED and settings.track not in bank.tracks():
        raise UsageError(f"unknown track '{settings.track}' (tracks: {', '.join(bank.tracks())})")
    if not bank.matching(settings.track, settings.kind):
        there = sorted({q.kind for q in bank.matching(settings.track)})
        raise UsageError(f"no questions of kind '{settings.kind}' in track '{settings.track}' "
                         f"(kinds there: {', '.join(there)})")
    coach, notice = ctx.coach()
    return run_app(settings, bank, coach, SessionStore(settings.home),
                   text_only=ctx.args.text, notice=notice)
