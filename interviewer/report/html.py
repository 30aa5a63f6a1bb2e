"""A session as one self-contained HTML page (`interviewer report --format html`).

No network at all: the CSS is inline, the chart is inline SVG, there is no script and no
external font. It reads well on screen and prints cleanly (a print stylesheet: a browser's
"Save as PDF" gives the PDF people ask for). Every string that comes from the session (the
candidate's words, the coach's quotes and advice, even the question text) goes through
`html.escape`, so an answer containing `<script>` shows as text.
"""

from __future__ import annotations

import math
from html import escape

from interviewer import __version__
from interviewer.report.html_style import CSS
from interviewer.report.session_view import (
    Exchange,
    SessionView,
    delivery_summary,
    descriptor,
    dimension_name,
    evidence_quotes,
    figures_text,
    format_duration,
    format_when,
    mark_spans,
    question_titles,
    track_label,
    verdict,
)
from interviewer.rubric import HIRE_BAR, MAX_SCORE, dimensions
from interviewer.scorecard import Scorecard
from interviewer.speech.delivery_bands import DELIVERY_BANDS, Band


def e(value: object) -> str:
    return escape(str(value), quote=True)


def _tone(score: float) -> str:
    return "good" if score >= HIRE_BAR else "fair" if score >= 2 else "weak"


# -- the chart ------------------------------------------------------------------------------------
def radar_svg(scores: list[tuple[str, float]]) -> str:
    """The dimensions as a radar chart: rings at 1-5, the hire bar (3) dashed."""
    n = len(scores)
    if n < 3:
        return ""
    width, height, radius = 540, 410, 122
    cx, cy = width / 2, height / 2 + 6

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * value / MAX_SCORE
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def ring(value: float) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, value) for i in range(n)))

    parts = [f'<svg class="radar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
             f'{height}" width="{width}" height="{height}" role="img" '
             f'aria-labelledby="radar-title">',
             '<title id="radar-title">Scores by rubric dimension, out of 5 '
             "(the dashed ring is 3, the bar for a hire)</title>"]
    for level in range(1, MAX_SCORE + 1):
        cls = "ring bar" if level == HIRE_BAR else "ring"
        parts.append(f'<polygon class="{cls}" points="{ring(level)}"/>')
    for i in range(n):
        x, y = point(i, MAX_SCORE)
        parts.append(f'<line class="spoke" x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" '
                     f'y2="{y:.1f}"/>')
    shape = " ".join(f"{x:.1f},{y:.1f}" for x, y in
                     (point(i, max(0.0, min(s, MAX_SCORE))) for i, (_, s) in enumerate(scores)))
    parts.append(f'<polygon class="shape" points="{shape}"/>')
    for i, (name, s) in enumerate(scores):
        x, y = point(i, max(0.0, min(s, MAX_SCORE)))
        parts.append(f'<circle class="dot {_tone(s)}" cx="{x:.1f}" cy="{y:.1f}" r="5">'
                     f"<title>{e(name)}: {s:.1f} / 5</title></circle>")
        lx, ly = point(i, MAX_SCORE * 1.12)
        anchor = "middle" if abs(lx - cx) < 8 else "start" if lx > cx else "end"
        ly += 12 if ly > cy + radius * 0.5 else -6 if ly >= cy - radius * 0.5 else -20
        parts.append(f'<text class="label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">'
                     f'{e(name)}<tspan class="val {_tone(s)}" x="{lx:.1f}" dy="17">{s:.1f}'
                     "</tspan></text>")
    for level in (1, 3, 5):
        x, y = point(0, level)
        parts.append(f'<text class="tick" x="{x + 5:.1f}" y="{y + 12:.1f}">{level}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _ordered_scores(card: Scorecard) -> list[tuple[str, float]]:
    order = {d.id: i for i, d in enumerate(dimensions())}
    dims = sorted(card.dimensions, key=lambda d: order.get(d.id, len(order)))
    return [(d.name, d.score) for d in dims]


# -- sections -------------------------------------------------------------------------------
def _bar(score: float) -> str:
    pct = max(0.0, min(score, MAX_SCORE)) / MAX_SCORE * 100
    return (f'<span class="bar" aria-hidden="true"><span class="fill {_tone(score)}" '
            f'style="width:{pct:.0f}%"></span><span class="hire"></span></span>')


def _header(view: SessionView, card: Scorecard | None) -> str:
    questions = view.questions
    answered = view.answered
    meta = [("Track", track_label(view.track)),
            ("Mode", view.mode),
            ("Coach", view.coach),
            ("Status", view.status),
            ("Answered", f"{answered} of {len(questions)} "
                         f"question{'s' if len(questions) != 1 else ''}"),
            ("Answer time", format_duration(view.answer_seconds))]
    dl = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in meta)
    title = f"{track_label(view.track)} · {format_when(view)}"
    if card is not None:
        overall = (f'<div class="overall {_tone(card.overall)}"><span class="num">'
                   f'{card.overall:.1f}</span><span class="of">/ 5 overall</span>'
                   f'<span class="verdict">{e(verdict(card.overall).capitalize())} '
                   f"(3 is a hire)</span>"
                   + (f'<span class="verdict">{e(card.unanswered_note)}</span>'
                      if card.unanswered_note else "") + "</div>")
    else:
        overall = ('<div class="overall none"><span class="of">Not scored yet</span>'
                   '<span class="verdict">The interview was not finished: '
                   "<code>interviewer resume</code> continues it.</span></div>")
    return (f'<header class="top"><p class="eyebrow">Product-sense mock interview</p>'
            f"<h1>{e(title)}</h1>{overall}<dl class=\"meta\">{dl}</dl></header>")


def _scorecard(card: Scorecard, view: SessionView) -> str:
    out = ['<section id="scorecard"><h2>Scorecard</h2><div class="summary">',
           f'<figure class="chart">{radar_svg(_ordered_scores(card))}'
           "<figcaption>Each dimension out of 5; the dashed ring is the bar for a hire (3)."
           "</figcaption></figure>",
           '<table class="scores"><colgroup><col class="c-name"><col class="c-num"><col>'
           '</colgroup><thead><tr><th scope="col">Dimension</th><th scope="col">Score</th>'
           '<th scope="col"><span class="sr">Bar</span></th></tr></thead><tbody>']
    for d in card.dimensions:
        out.append(f'<tr><th scope="row">{e(d.name)}</th><td class="num {_tone(d.score)}">'
                   f"{d.score:.1f}</td><td>{_bar(d.score)}</td></tr>")
    out.append("</tbody></table></div>")
    for d in card.dimensions:
        out.append(f'<article class="dim"><h3>{e(d.name)} <span class="pill {_tone(d.score)}">'
                   f"{d.score:.1f} / 5 · {e(verdict(d.score, d.counted))}</span></h3>")
        if not d.counted:
            out.append('<p class="level">Not part of the overall: no question here asked '
                       "for it.</p>")
        elif level := descriptor(d.id, d.score):
            out.append(f'<p class="level">At this level: {e(level)}</p>')
        if d.evidence:
            out.append('<ul class="evidence">' + "".join(
                f"<li><q>{e(q)}</q></li>" for q in d.evidence) + "</ul>")
        else:
            out.append('<p class="none">No evidence in the answers.</p>')
        if d.advice:
            out.append(f'<p class="advice"><strong>Next time:</strong> {e(d.advice)}</p>')
        out.append("</article>")
    lists = (("Strengths", card.strengths, "strengths"), ("Gaps", card.gaps, "gaps"),
             ("What a strong answer adds", card.strong_answer_adds, "adds"))
    blocks = [f'<div class="list {cls}"><h3>{e(title)}</h3><ul>'
              + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul></div>"
              for title, items, cls in lists if items]
    if blocks:
        out.append('<div class="lists">' + "".join(blocks) + "</div>")
    if card.questions:
        titles = question_titles(view)
        out.append('<div class="by-question"><h3>By question</h3><ol>' + "".join(
            f'<li><span class="pill {_tone(q.overall)}">{q.overall:.1f}</span> '
            f"{e(titles.get(q.question_id, q.question_id))}</li>" for q in card.questions)
            + "</ol></div>")
    out.append("</section>")
    return "".join(out)


def _band_cell(band: Band | None, value: float | None) -> str:
    if value is None:
        return "<td>-</td>"
    shown = f"{value:.0f}" if band is None or band.key != "fillers_per_min" else f"{value:.1f}"
    if band is None:
        return f"<td>{e(shown)}</td>"
    cls = "ok" if band.holds(value) else "off"
    return f'<td class="{cls}">{e(shown)}</td>'


def _delivery(view: SessionView) -> str:
    summary = delivery_summary(view)
    if summary is None:
        return ""
    bands = {b.key: b for b in DELIVERY_BANDS}
    tiles = []
    for band in DELIVERY_BANDS:
        value = summary.get(band.key)
        if value is None:
            continue
        cls = "ok" if band.holds(value) else "off"
        shown = f"{value:.1f}" if band.key == "fillers_per_min" else f"{value:.0f}"
        tiles.append(f'<div class="tile {cls}"><span class="k">{e(band.label)}</span>'
                     f'<span class="v">{e(shown)} <small>{e(band.unit)}</small></span>'
                     f'<span class="t">target: {e(band.text)}</span></div>')
    rows = []
    minutes = view.minutes_per_answer
    for q in view.questions:
        for x in q.exchanges:
            d = x.delivery
            if d is None:
                continue
            talk = format_duration(d.get("duration_s"))
            if minutes is not None and "duration_s" in d and minutes > 0:
                talk += f" of {format_duration(minutes * 60)}"
            rows.append(f"<tr><th scope=\"row\">Q{q.number} · {e(x.label)}</th>"
                        + _band_cell(None, d.get("words"))
                        + f"<td>{e(talk)}</td>"
                        + "".join(_band_cell(bands[k], d.get(k)) for k in
                                  ("wpm", "fillers_per_min", "long_pauses",
                                   "seconds_to_first_point")) + "</tr>")
    table = ('<table class="delivery"><thead><tr><th scope="col">Answer</th><th scope="col">'
             'Words</th><th scope="col">Talk time</th><th scope="col">Words/min</th>'
             '<th scope="col">Fillers/min</th><th scope="col">Long pauses</th>'
             '<th scope="col">First point (s)</th></tr></thead><tbody>'
             + "".join(rows) + "</tbody></table>")
    return (f'<section id="delivery"><h2>Delivery</h2><p class="note">How the spoken answers '
            f"sounded, from the transcript's word timings. Green is inside the target band."
            f'</p><div class="tiles">{"".join(tiles)}</div>{table}</section>')


def _answer_html(x: Exchange, quotes: dict[str, list[str]]) -> str:
    if x.skipped:
        return '<p class="said skipped">(skipped)</p>'
    pieces = []
    for text, hits in mark_spans(x.answer, list(quotes)):
        if hits:
            names = sorted({n for q in hits for n in quotes[q]})
            pieces.append(f'<mark title="Evidence for {e(", ".join(names))}">{e(text)}</mark>')
        else:
            pieces.append(e(text))
    return f'<p class="said">{"".join(pieces)}</p>'


def _transcript(view: SessionView, card: Scorecard | None) -> str:
    quotes = evidence_quotes(card)
    out = ['<section id="transcript"><h2>Transcript</h2>']
    if quotes:
        out.append('<p class="note"><mark>Highlighted</mark> words are the evidence the '
                   "scorecard quotes.</p>")
    for q in view.questions:
        tags = " · ".join(t for t in (track_label(q.track) if q.track else "", q.difficulty) if t)
        out.append(f'<article class="question"><h3><span class="qn">Question {q.number}</span> '
                   f'<span class="tag">{e(tags)}</span></h3><p class="prompt">{e(q.prompt)}</p>')
        if not q.exchanges:
            out.append('<p class="said skipped">Not answered.</p>')
        for x in q.exchanges:
            if x.kind == "follow-up":
                probe = (f' <span class="tag">probing '
                         f"{e(dimension_name(x.probe_dimension))}</span>"
                         if x.probe_dimension else "")
                out.append(f'<div class="turn follow-up"><p class="who">Interviewer · '
                           f"follow-up {x.number - 1}{probe}</p><p class=\"ask\">{e(x.prompt)}"
                           "</p></div>")
            took = x.took
            figures = ""
            if x.delivery:
                figures = ('<p class="figs">' + " · ".join(
                    f"{e(k)} {e(v)}" for k, v in figures_text(x.delivery)) + "</p>")
            out.append(f'<div class="turn answer"><p class="who">You{e(took)}</p>'
                       f"{_answer_html(x, quotes)}{figures}</div>")
        out.append("</article>")
    out.append("</section>")
    return "".join(out)


def session_html(view: SessionView, session_id: str = "") -> str:
    card = view.card
    title = f"Mock interview: {track_label(view.track)}, {format_when(view)}"
    body = [_header(view, card)]
    if card is not None:
        body.append(_scorecard(card, view))
    body.append(_delivery(view))
    body.append(_transcript(view, card))
    sid = f" from session {e(session_id)}" if session_id else ""
    body.append(f'<footer>Written by interviewer {e(__version__)}{sid}. This page is one '
                "file: it needs no network and can be printed or saved as PDF.</footer>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="color-scheme" content="light">'
            f"<title>{e(title)}</title><style>{CSS}</style></head>"
            f'<body><main>{"".join(body)}</main></body></html>\n')

