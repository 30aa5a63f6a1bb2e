"""The cues behind form invariance (tests/test_form_invariance.py), each on sentences written
for these tests: typed notes' calls, rules and reasons; a spoken run's reasons across our cuts;
plain English's article-less "few"."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_problems import DECISION as CALL
from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.cues_markers import DECISION, NUMBER
from interviewer.coach.outline_echo import states_a_rule
from interviewer.coach.text import Sentence
from interviewer.coach.typed_ground import RULE
from interviewer.coach.units import make_unit

KIOSK = Question.adhoc(
    "A bakery chain is thinking about self-order kiosks with AI upsell suggestions in its "
    "stores. Should it roll them out, and how would you decide?")


def test_an_imperative_call_in_typed_notes_is_the_call_asked_for() -> None:
    """Notes drop the "I'd": "- Lean towards building it" and "...: launch in every store"."""
    assert CALL.search("- Lean towards trying it, with two stores first")
    assert CALL.search("- Queue time down by week 4: launch in every store")
    assert CALL.search("Upsell complaints rise: wait for the spring menu")
    assert not CALL.search("- Queue time at the counter in the morning rush")


def test_an_outcome_a_colon_then_its_call_is_a_rule() -> None:
    assert RULE.search("- Average basket goes up: roll out to the other stores")
    assert RULE.search("- No lift after a month: we don't scale")
    assert RULE.search("Under 40% of orders on the kiosk after six weeks: stop")
    assert not RULE.search("Next quarter: roll out the new menu boards")  # a label, no outcome


def test_a_rule_said_as_a_saying_commits() -> None:
    assert RULE.search("No lift, no rollout.")
    assert DECISION.search("No lift, no rollout.")


def test_a_condition_then_its_call_without_we_would_commits() -> None:
    assert DECISION.search("If baskets grow, roll out to all stores next month.")
    assert not DECISION.search("If it rains, fewer people come in.")


def test_items_under_a_why_header_are_reasons() -> None:
    typed = ("Pick\n- Kiosks in the four busiest stores first\n\nWhy\n"
             "- Morning queues there lose walk-outs every day\n- Staff there spend most time "
             "taking orders\n")
    reading = read_answers(KIOSK, [typed])
    why = [u for u in reading.units if "walk-outs" in u.piece.text or "taking orders" in
           u.piece.text]
    assert why and all(u.reason for u in why)
    plain = read_answers(KIOSK, ["- Morning queues there lose walk-outs every day"])
    assert not plain.units[0].reason


def test_a_reason_the_cut_left_in_the_next_spoken_clause_stays_with_its_claim() -> None:
    """No full stops, so the run is cut before every "so": the clause before keeps it."""
    spoken = ("um so the morning rush is when our regulars queue longest at the kiosk so "
              "a slow kiosk at eight costs us the coffee crowd and uh the upsell suggestions "
              "should stay to one item because a second prompt slows the order down")
    reading = read_answers(KIOSK, [spoken])
    first = reading.units[0]
    assert first.sentence >= 0 and "morning rush" in first.piece.text
    assert first.reason
    typed = ("The morning rush is when the kiosk queue matters most for our regulars. So a slow "
             "kiosk costs us the coffee crowd.")
    assert not read_answers(KIOSK, [typed]).units[0].reason  # typed, the writer's full stop


def test_a_figure_as_a_conditions_bar_is_an_argument_not_a_bluffed_result() -> None:
    def unit(text: str):  # type: ignore[no-untyped-def]
        return make_unit(Sentence(text, 0, 0), frozenset())
    assert states_a_rule(unit("Kiosks go first if over a tenth of orders queue ten minutes."))
    assert not states_a_rule(unit("Kiosks will lift basket size, which is 12 percent."))


def test_plain_english_few_days_is_a_quantity_a_cadence_is_not() -> None:
    assert NUMBER.search("send the reminder few days before the order is ready")
    assert not NUMBER.search("the menu changes every few months")
    assert not NUMBER.search("in the first few weeks people will try it")


def test_success_as_a_typed_label_names_the_success_metric() -> None:
    north_star = next(f for f in FAMILIES if f.name == "north-star")
    assert north_star.pattern.search("Success: kiosk orders per hour in the morning rush.")
    assert north_star.pattern.search("- Success: orders per hour")
    assert not north_star.pattern.search("Our success: a happy team.")
