"""Scorecards and sessions rendered for people and scripts: Markdown, HTML and JSON."""

from __future__ import annotations

from typing import Any

FORMATS = ("md", "html", "json")
SUFFIXES = {"md": ".md", "html": ".html", "json": ".json"}


def render_session(record: dict[str, Any], fmt: str, session_id: str = "") -> str:
    """A validated session record as a report in `fmt` (one of FORMATS)."""
    if fmt == "md":
        from interviewer.report.markdown import session_markdown

        return session_markdown(record, session_id)
    if fmt == "html":
        from interviewer.report.html import session_html

        return session_html(record, session_id)
    if fmt == "json":
        from interviewer.report.json_report import session_json_text

        return session_json_text(record, session_id)
    raise ValueError(f"unknown report format '{fmt}' (one of {', '.join(FORMATS)})")


__all__ = ["FORMATS", "SUFFIXES", "render_session"]
