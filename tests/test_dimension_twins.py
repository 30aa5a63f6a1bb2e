"""Each dimension reads the same in every form (issue 9, point 3): the candidate sees the
per-dimension scores, so a typed list under headers, a ~90-word answer and a spoken run must
earn on each dimension what the prose says. The question and the answers are written for
these tests (a topic of no calibration split)."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers

LIBRARY = Question.adhoc(
    "A city library network wants an AI that recommends books to its members when they log in "
    "to the catalogue. How would you decide what to build first and know whether it works?")

PROSE = """
The users who matter most are weekly borrowers: they make most of the loans and already ask the
staff for picks. I'd build recommendations on the hold page first, because that is where they
decide. The guardrails are holds that expire unread, which should stay under 10% of recommended
holds, and the wait for popular titles, which must not grow. I'd run it in half the branches for
eight weeks and keep it only if loans per member rise by 5%.
"""

BULLETS = """
Who it's for
- Weekly borrowers: most of the loans, already ask staff for picks

Build first
- Recommendations on the hold page, because that is where they decide

Guardrails
- Expired unread holds: under 10% of recommended holds
- Wait for popular titles: no increase

Test
- Half the branches for 8 weeks; keep it only if loans per member rise 5%
"""


def test_a_header_labels_the_typed_items_under_it_as_a_colon_does_in_prose() -> None:
    prose, bullets = read_answers(LIBRARY, [PROSE]), read_answers(LIBRARY, [BULLETS])
    for dim in ("framing", "metrics"):
        assert bullets.dimensions[dim].score >= 3, dim
        assert abs(bullets.dimensions[dim].score - prose.dimensions[dim].score) <= 1, dim
    assert "guardrails" in bullets.dimensions["metrics"].applied


def test_a_header_labels_only_the_typed_lines_below_it_not_the_prose_after() -> None:
    text = "Guardrails\n- Expired unread holds: under 10%\nThe catalogue loads in under a second."
    reading = read_answers(LIBRARY, [text])
    held = reading.dimensions["metrics"].applied.get("guardrails", [])
    assert [u.piece.text for u in held] == ["- Expired unread holds: under 10%"]


def _applied(text: str, dim: str) -> set[str]:
    return set(read_answers(LIBRARY, [text]).dimensions[dim].applied)


def test_a_split_said_plainly_is_an_experiment() -> None:
    assert "ab-test" in _applied(
        "Pilot: recommendations for members on the hold page, random split by member, six weeks.",
        "experimentation")
    assert "ab-test" in _applied(
        "i'd turn on the hold page picks in half the branches first and compare loans per member "
        "against the branches still waiting", "experimentation")


def test_a_bar_that_triggers_the_call_is_a_decision_rule_in_any_form() -> None:
    terse = "Expired unread holds above 10% of recommended holds pause the picks on the hold page."
    spoken = ("and if loans per member go up by like five percent in the pilot branches i'd keep "
              "the hold page picks")
    for text in (terse, spoken):
        assert "decision-rule" in _applied(text, "experimentation"), text


def test_a_spoken_percentile_is_a_latency_guardrail() -> None:
    assert "guardrails" in _applied(
        "the hold page picks have to load in under a second at p ninety five for members",
        "metrics")


def _score(text: str, dim: str) -> float:
    return read_answers(LIBRARY, [text]).dimensions[dim].score


def test_a_side_with_its_grounds_after_a_colon_is_argued_however_long_the_subject() -> None:
    terse = ("I'd rather hold back weak picks on the hold page than fill it: one badly matched "
             "pick costs a member's trust in every later one.")
    assert _score(terse, "trade-offs") >= 3


def test_a_side_drawn_as_the_consequence_of_the_reason_just_before_is_argued() -> None:
    spoken = ("one wrong pick on a child's library account costs far more trust than ten good "
              "ones earn. so i'd rather show members fewer picks than risky ones")
    assert _score(spoken, "trade-offs") >= 3
    estimate = ("the network has about 40,000 members who log in to the catalogue. so i'll take "
                "a third of them as weekly borrowers of books")
    assert _score(estimate, "trade-offs") < 3  # an estimate's assumption takes no side


def test_a_terse_pick_with_its_grounds_after_a_colon_is_a_focus_with_its_reason() -> None:
    prose = ("I'd focus on weekly borrowers, because they make most of the loans on the "
             "catalogue and ask the library staff for picks.")
    for terse in ("Focus on weekly borrowers: they make most of the loans on the catalogue.",
                  "For members who borrow weekly: biggest share of catalogue loans."):
        assert _score(terse, "framing") >= 4 and _score(prose, "framing") >= 4, terse


def test_money_saved_and_why_people_choose_us_are_business_impact_in_plain_words() -> None:
    spoken = "the library card saves you money on books so i'd put the picks on the hold page"
    assert "cost" in _applied(spoken, "business-impact")
    terse = "Keep holds fast: quick holds on new books are why members choose us over the bookshop."
    assert "business-link" in _applied(terse, "business-impact")


def test_a_typed_bar_and_arrow_are_a_decision_rule_when_the_arrow_makes_a_call() -> None:
    rule = "Gate\n- Expired unread holds > 10% of recommended holds -> drop the hold page picks\n"
    assert "decision-rule" in _applied(rule, "experimentation")
    cause = "- Hold page picks load < 1 s, before the list -> members want books before anything"
    assert "decision-rule" not in _applied(cause, "experimentation")


def test_a_spoken_bar_with_a_hedge_and_costs_set_side_by_side_are_heard() -> None:
    rule = "and if expired holds go over like ten percent of picks i'd pause the picks for members"
    assert "decision-rule" in _applied(rule, "experimentation")
    costs = ("a pick from the librarian is five dollars of staff time against two cents of "
             "ours for the model, so i'd let the model pick for members")
    assert "quality-cost" in _applied(costs, "trade-offs")


def test_who_pays_said_plainly_and_a_bar_passed_are_heard() -> None:
    assert "segments" in _applied(
        "City councils pay us per member, so success is members borrowing more catalogue books.",
        "framing")
    assert "decision-rule" in _applied(
        "if expired holds pass ten percent of picks for members, i'd pause the picks",
        "experimentation")


def test_a_call_refused_on_a_condition_is_still_a_decision_rule() -> None:
    assert "decision-rule" in _applied(
        "- Don't scale the picks if expired holds for members rise above 10%", "experimentation")


def test_a_rate_typed_with_a_percent_sign_is_a_concrete_bar() -> None:
    for text in ("Gate\n- Expired unread holds for members: <10% of picks\n",
                 "Keep expired unread holds for members under 10% of recommended holds."):
        assert "concrete" in _applied(text, "metrics"), text
