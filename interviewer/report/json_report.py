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
from interviewer.report.common import (
    answer_time,
    delivery_summary,
    question_titles,
    scorecard_of,
    transcript,
)


def session_json(record: dict[str, Any], session_id: str = "") -> dict[str, Any]:
    card = scorecard_of(record)
    questions = transcript(record)
    titles = question_titles(record)
    out = dict(record)
    out["report"] = {
        "format": "interviewer-session-report",
        "version": 1,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "generated_by": f"interviewer {__version__}",
        "session": session_id or record.get("id") or "",
        "overall": card.overall if card else None,
        "scorecard": card.to_public_json() if card else None,
        "by_question": [{"question_id": q.question_id,
                         "prompt": titles.get(q.question_id, ""),
                         "overall": q.overall} for q in (card.questions if card else [])],
        "questions": len(questions),
        "answered": sum(1 for q in questions if any(not e.skipped for e in q.exchanges)),
        "follow_ups": sum(1 for q in questions for e in q.exchanges if e.kind == "follow-up"),
        "answer_seconds": round(answer_time(record), 1),
        "delivery": delivery_summary(record),
    }
    return out


def session_json_text(record: dict[str, Any], session_id: str = "") -> str:
    return json.dumps(session_json(record, session_id), indent=2, ensure_ascii=False) + "\n"
