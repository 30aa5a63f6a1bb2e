"""A scorecard as Markdown, for `score --format md` and for pasting into notes; and a whole
session's report (`interviewer report --format md`)."""

from __future__ import annotations

import re

from interviewer.report.session_view import (
    SessionView,
    delivery_summary,
    descriptor,
    dimension_name,
    figures_text,
    format_duration,
    format_when,
    question_titles,
    track_label,
    verdict,
)
from interviewer.rubric import dimension
from interviewer.scorecard import Scorecard
from interviewer.speech.delivery_bands import DELIVERY_BANDS


def bar(score: float, width: int = 5) -> str:
    """One block per point, a half block for a half (rounded half up: 2.5, 2.0 and 1.5 differ)."""
    halves = int(max(0.0, min(score, width)) * 2 + 0.5)
    full, half = divmod(halves, 2)
    return "█" * full + "▌" * half + "░" * (width - full - half)


def scorecard_markdown(card: Scorecard, title: str = "Product-sense scorecard") -> str:
    lines = [f"# {title}", "", f"**Overall: {card.overall:.1f} / 5** · coach: {card.coach}", ""]
    lines += ["| Dimension | Score | |", "|---|---|---|"]
    lines += [f"| {d.name} | {d.score:g} / 5 | {bar(d.score)} |" for d in card.dimensions]
    lines.append("")
    for d in card.dimensions:
        level = (dimension(d.id).descriptor(d.score) if d.counted
                 else "Not asked by this question, and not counted in the overall.")
        lines += [f"## {d.name}: {d.score:g} / 5", "", f"_{level}_", ""]
        lines += [f"> “{q}”" for q in d.evidence] or ["_No evidence in the answer._"]
        lines += ["", f"**Advice:** {d.advice}", ""] if d.advice else [""]
    for heading, items in (("Strengths", card.strengths), ("Gaps", card.gaps),
                           ("What a strong answer adds", card.strong_answer_adds)):
        if items:
            lines += [f"## {heading}", ""] + [f"- {i}" for i in items] + [""]
    return "\n".join(lines).rstrip() + "\n"


# -- a whole session ----------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_<>\[\]|#&])")


def md_text(text: str) -> str:
    """The candidate's (or a coach's) words as literal Markdown: markup shows as typed."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _quoted(text: str) -> list[str]:
    return [f"> {md_text(line)}" if line.strip() else ">" for line in text.splitlines()] or [">"]


def session_markdown(view: SessionView, session_id: str = "") -> str:
    """A session's report: the scorecard, delivery figures when spoken, the full transcript."""
    card = view.card
    track = track_label(view.track)
    lines = [f"# Mock interview: {md_text(track)}, {format_when(view)}", ""]
    total = len(view.questions)
    meta = [f"status: {view.status}", f"mode: {view.mode}",
            f"coach: {md_text(view.coach)}",
            f"{view.answered} of {total} question{'s' if total != 1 else ''} answered",
            f"answer time: {format_duration(view.answer_seconds)}"]
    lines += [" · ".join(meta), ""]
    if card is None:
        lines += ["_Not scored yet: the interview was not finished "
                  "(`interviewer resume` continues it)._", ""]
    else:
        note = f" · {card.unanswered_note}" if card.unanswered_note else ""
        lines += [f"**Overall: {card.overall:.1f} / 5** ({verdict(card.overall)}; 3 is a hire)"
                  f"{note}",
                  "", "## Scorecard", "", "| Dimension | Score | |", "|---|---|---|"]
        lines += [f"| {md_text(d.name)} | {d.score:.1f} / 5 | {bar(d.score)} |"
                  for d in card.dimensions]
        lines.append("")
        for d in card.dimensions:
            lines += [f"### {md_text(d.name)}: {d.score:.1f} / 5", ""]
            if not d.counted:
                lines += ["_Not asked by these questions, and not counted in the overall._", ""]
            elif level := descriptor(d.id, d.score):
                lines += [f"_{level}_", ""]
            lines += [f"> “{md_text(q)}”" for q in d.evidence] or ["_No evidence in the answers._"]
            if d.advice:
                lines += ["", f"**Advice:** {md_text(d.advice)}"]
            lines.append("")
        for heading, items in (("Strengths", card.strengths), ("Gaps", card.gaps),
                               ("What a strong answer adds", card.strong_answer_adds)):
            if items:
                lines += [f"## {heading}", ""] + [f"- {md_text(i)}" for i in items] + [""]
        if card.questions:
            titles = question_titles(view)
            lines += ["## By question", ""]
            lines += [f"- **{q.overall:.1f}** {md_text(titles.get(q.question_id, q.question_id))}"
                      for q in card.questions]
            lines.append("")
    summary = delivery_summary(view)
    if summary is not None:
        lines += ["## Delivery", "", "| Figure | Session | Target |", "|---|---|---|"]
        targets = {b.label: b.text for b in DELIVERY_BANDS}
        lines += [f"| {label} | {value} | {targets.get(label, '')} |"
                  for label, value in figures_text(summary)]
        lines.append("")
    lines += ["## Transcript", ""]
    for q in view.questions:
        lines += [f"### Question {q.number}: {md_text(q.prompt)}", ""]
        if not q.exchanges:
            lines += ["_Not answered._", ""]
        for ex in q.exchanges:
            if ex.kind == "follow-up":
                probe = (f" (probing {dimension_name(ex.probe_dimension).lower()})"
                         if ex.probe_dimension else "")
                lines += [f"**{ex.label}**{probe}: {md_text(ex.prompt)}", ""]
            lines += [f"**You**{ex.took}", ""]
            lines += ["> _(skipped)_"] if ex.skipped else _quoted(ex.answer)
            if ex.delivery:
                lines += ["", "_" + " · ".join(f"{k}: {v}" for k, v in figures_text(ex.delivery))
                          + "_"]
            lines.append("")
    if session_id:
        lines += [f"_Session {md_text(session_id)}_", ""]
    return "\n".join(lines).rstrip() + "\n"
