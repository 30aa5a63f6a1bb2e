"""Scorecards and sessions rendered for people and scripts: Markdown, HTML and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.report.session_view import SessionView

FORMATS = ("md", "html", "json")
SUFFIXES = {"md": ".md", "html": ".html", "json": ".json"}


def render_session(view: SessionView, fmt: str, session_id: str = "") -> str:
    """A session (`SessionRecord.view()`) as a report in `fmt` (one of FORMATS)."""
    if fmt == "md":
        from interviewer.report.markdown import session_markdown

        return session_markdown(view, session_id)
    if fmt == "html":
        from interviewer.report.html import session_html

        return session_html(view, session_id)
    if fmt == "json":
        from interviewer.report.json_report import session_json_text

        return session_json_text(view, session_id)
    raise ValueError(f"unknown report format '{fmt}' (one of {', '.join(FORMATS)})")


__all__ = ["FORMATS", "SUFFIXES", "render_session"]
