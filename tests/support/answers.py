"""Answers written for whatever question a test happens to be asked.

A fixed "good answer" typed into a randomly picked question is an answer to another question,
and the coach rightly scores it low. Tests that need a strong answer build it from the
question's own outline, so it is specific to that question the way a candidate's would be.
"""

from __future__ import annotations

from interviewer.banks import Question

CLOSING = "In summary: start narrow, measure it, and ship only if it moves."


def _point(text: str) -> str:
    return text.rstrip(" .;") if text else text


def strong_answer_for(q: Question) -> str:
    """A signposted answer that applies each point of the question's own outline, with
    decisions, reasons and numbers, the way a strong candidate would."""
    o = [_point(p) for p in q.outline] or [q.prompt.rstrip("?.")]
    steps = " ".join(f"Point {i + 1}: {p}, and I'd act on it because it moves this product."
                     for i, p in enumerate(o))
    return (
        "I'll cover who it is for, how I'd measure it, the trade-off and the test. "
        f"{steps} I'd favour quality over cost here, because one bad answer costs more trust "
        "than it saves. I'd run an A/B test on five percent of users for three weeks and stop "
        f"if complaints rise more than one percent. {CLOSING}"
    )


def one_paragraph(text: str) -> str:
    """An answer as typed or transcribed, in one paragraph: a test's line breaks are its own."""
    return " ".join(text.split())
