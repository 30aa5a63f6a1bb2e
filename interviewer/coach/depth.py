"""What makes an applied instance *depth* on its dimension (a 4-5 rather than the bar).

A side taken with its reason, a decision rule, asking whether AI is the right tool at all: deep
by themselves. Elsewhere an instance is deep when it carries a reason or a number, except on
metrics: "I'd also watch complaints, because that is where a bad experience shows up" names a
guardrail and why it matters, yet sets no bar; a guardrail is depth when it says where the line
is ("re-contacts under 10%"). On the dev split the reason alone lifted mediums graded 2.5-3 to
metrics 5.
"""

from __future__ import annotations

from interviewer.coach.units import Unit

INHERENTLY_DEEP = frozenset({"decision-rule", "right-tool", "leading-lagging", "side-taken"})
BAR_ONLY = frozenset({"metrics"})
"""Dimensions whose depth is a bar (a number), a reason alone not enough."""


def deep(dim_id: str, family: str, u: Unit) -> bool:
    """Whether this applied instance of `family` shows depth on `dim_id`."""
    return (family in INHERENTLY_DEEP or u.number
            or (u.reason and dim_id not in BAR_ONLY))
