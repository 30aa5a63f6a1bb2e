"""A scorecard as Markdown, for `score --format md` and for pasting into notes."""

from __future__ import annotations

from interviewer.rubric import dimension
from interviewer.scorecard import Scorecard


def bar(score: float, width: int = 5) -> str:
    filled = round(score)
    return "█" * filled + "░" * (width - filled)


def scorecard_markdown(card: Scorecard, title: str = "Product-sense scorecard") -> str:
    lines = [f"# {title}", "", f"**Overall: {card.overall:.1f} / 5** · coach: {card.coach}", ""]
    lines += ["| Dimension | Score | |", "|---|---|---|"]
    lines += [f"| {d.name} | {d.score:g} / 5 | {bar(d.score)} |" for d in card.dimensions]
    lines.append("")
    for d in card.dimensions:
        level = dimension(d.id).descriptor(d.score)
        lines += [f"## {d.name}: {d.score:g} / 5", "", f"_{level}_", ""]
        lines += [f"> “{q}”" for q in d.evidence] or ["_No evidence in the answer._"]
        lines += ["", f"**Advice:** {d.advice}", ""]
    for heading, items in (("Strengths", card.strengths), ("Gaps", card.gaps),
                           ("What a strong answer adds", card.strong_answer_adds)):
        if items:
            lines += [f"## {heading}", ""] + [f"- {i}" for i in items] + [""]
    return "\n".join(lines).rstrip() + "\n"
