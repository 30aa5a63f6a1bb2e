"""What a typed question stresses is read from what it asks, so the scorecard neither judges
an answer on a dimension the question never raised (a "Prioritization 1/5" gap under a
trade-off question) nor leaves out the one it did ("does it pay for itself?")."""

from __future__ import annotations

import pytest

from interviewer.adhoc import adhoc_dimensions


@pytest.mark.parametrize(("prompt", "stressed", "not_stressed"), [
    ("Our map app could show a cheaper parking garage instead of the nearest one. What "
     "trade-offs would you weigh, and which side would you take?",
     {"trade-offs"}, {"prioritization"}),
    ("A bakery chain wants an AI that orders flour. How would you know it pays for itself?",
     {"metrics", "business-impact"}, {"prioritization"}),
    ("A hospital wants an AI that drafts discharge notes. What could go wrong, and how would "
     "you decide it is ready?", {"trade-offs", "metrics", "experimentation"}, set()),
    ("A gym app wants to personalise its workout plans. Which metric would you tie to the "
     "business?", {"metrics", "business-impact"}, {"prioritization"}),
    ("A bank has three AI ideas. Which one would you ship first, and why?",
     {"prioritization"}, set()),
    ("A shoe store wants AI sizing advice. What would you build first?",
     {"prioritization"}, set()),
])
def test_a_typed_question_stresses_what_it_asks(prompt: str, stressed: set[str],
                                                not_stressed: set[str]) -> None:
    dims = set(adhoc_dimensions(prompt))
    assert stressed <= dims, dims
    assert not (not_stressed & dims), dims
