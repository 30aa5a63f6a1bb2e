"""A session as one JSON object (`interviewer report --format json`), for scripts.

It is the session record as saved (questions, every exchange with its timing, the scorecard,
the coach, the app version), plus a `report` object: the figures a reader would otherwise
compute. `session.json` holds no secrets (the LLM key is never saved), so nothing is removed.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from interviewer import __version__
from interviewer.report.session_view import SessionView, delivery_summary, question_titles


def session_json(view: SessionView, session_id: str = "") -> dict[str, Any]:
    card = view.card
    questions = view.questions
    titles = question_titles(view)
    out = dict(view.saved)
    out["report"] = {
        "format": "interviewer-session-report",
        "version": 1,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "generated_by": f"interviewer {__version__}",
        "session": session_id or view.id,
        "overall": card.overall if card else None,
        "scorecard": card.to_public_json() if card else None,
        "by_question": [{"question_id": q.question_id,
                         "prompt": titles.get(q.question_id, ""),
                         "overall": q.overall} for q in (card.questions if card else [])],
        "questions": len(questions),
        "answered": view.answered,
        "follow_ups": sum(1 for q in questions for e in q.exchanges if e.kind == "follow-up"),
        "answer_seconds": round(view.answer_seconds, 1),
        "delivery": delivery_summary(view),
    }
    return out


def session_json_text(view: SessionView, session_id: str = "") -> str:
    return json.dumps(session_json(view, session_id), indent=2, ensure_ascii=False) + "\n"
