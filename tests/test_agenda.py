"""An opening that announces a neighbouring task or feature of the product, kept to, is
off-question.

Examples are our own (not calibration answers): an online furniture store's AI room planner,
asked what to ship first and how to test it. Polished answers about how to charge for the
planner, how to build it, or the store's photo search for sofas share the store's words and
make strong moves; their openings say which task or feature they take up, and the rest keeps
to it. Answers to the question, including ones that open on a scope, a question of their own
or the first version they would build, are never sent away.
"""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.agenda import agenda_elsewhere, announced_object, announced_task
from interviewer.coach.analysis import read_answers
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.offline import OfflineCoach, score_answer

BACK = "Let's come back to the question"

PROMPT = ("Our online furniture store wants to launch an AI room planner that turns a phone scan "
          "of a room into a layout with our products placed in it. How would you define success "
          "for it, and how would you test it?")

PRICED = (
    "For the room planner, the decision I'd push on first is how it makes money, because "
    "scanning and rendering a room is costly and the planner is easy to give away. Three "
    "options: free, paid back by the furniture it sells; a premium tier at $9 a month for "
    "unlimited rooms; or a fee per saved design. I'd keep it free, because a shopper who "
    "plans a room buys two or three items, and our margin on one sofa covers thousands of "
    "scans. The premium tier fails because people furnish a room every few years, so a "
    "subscription churns in a month. A fee per design taxes exactly the shoppers closest to "
    "buying. I'd check the free model pays by comparing margin per planned room with the "
    "rendering cost per room, market by market, and revisit the price if the cost per scan "
    "passes a dollar.")

BUILT = (
    "The heart of a room planner is turning a shaky phone scan into a floor plan, so here's "
    "how I'd build it. The scan pipeline takes the phone's depth frames and fits walls, doors "
    "and windows with a plane-detection model, then snaps them to right angles. A second "
    "model places products: it scores candidate positions by clearance, by distance to walls "
    "and by what a designer would group together. Its training data is ten thousand layouts "
    "our stylists made. Rendering runs on the server with cached product meshes, so a layout "
    "comes back in under four seconds. I'd evaluate the scan offline against tape-measured "
    "rooms, with a target of walls within three centimetres on 90% of scans, and the "
    "placement model against stylist layouts, with designers rating a hundred rooms blind.")

SOFA_SEARCH = (
    "For sofa search on our furniture store, where a shopper photographs a sofa they like and "
    "we show similar ones, success starts with the shopper's problem: our catalogue names "
    "sofas by collection, so a search for a green velvet sofa finds nothing. I'd measure "
    "purchases per photo search session against keyword search sessions, with the share of "
    "searches that lead to a product click as the leading signal. For the business, search "
    "should surface older sofas that keyword search buries, so I'd watch sell-through of the "
    "back catalogue. Guardrails: zero-result searches and search latency under a second. I'd "
    "A/B test the camera button for half of shoppers for three weeks and keep it if purchases "
    "per search beat keyword search by 5%.")

STRONG = (
    "I'd ship the planner for one room type first, living rooms, because that is where most "
    "of our sofas, tables and shelves go and where shoppers abandon baskets over measurements. "
    "The first version takes a scan, places the items already in the shopper's basket, and "
    "flags anything that will not fit through the door; it does not suggest new products yet, "
    "since a wrong layout with our products in it reads as an advert. Success is the share of "
    "planned baskets that are bought, against shoppers who never scan, with returns for "
    "'didn't fit' as the guardrail. I'd test it as an A/B test on 10% of living-room shoppers "
    "for four weeks, and expand to bedrooms only if purchase rate rises two points and "
    "'didn't fit' returns fall by a quarter.")

# A scope of the prompt's own planner, and a first version it would build: the question's moves.
ON_SCOPE = (
    "For small flats in our store, I'd ship the planner first, because in a small room every "
    "centimetre decides whether a sofa fits and shoppers there return the most furniture. The "
    "first version scans one room and checks whether the items in the basket fit, with the "
    "door and the walkway shown. Success is fewer 'didn't fit' returns, measured against "
    "shoppers who do not scan, and purchase rate of planned baskets. I'd A/B test it on 10% "
    "of shoppers for four weeks and widen it if returns fall by a quarter.") + " " + STRONG

ON_BUILD_FIRST = (
    "Here's how I'd build the first version: the room planner scans one room and places only "
    "what is already in the basket. " + STRONG)

ON_SETTLED = (
    "The question I'd want settled first is whether shoppers trust the planner's measurements, "
    "because a layout they doubt sells nothing. " + STRONG)


def test_the_opening_says_which_task_the_answer_takes_up() -> None:
    assert announced_task("For AI captions, I'd design the pipeline around latency.") == (
        "build", "design the pipeline around latency")
    assert announced_task(TRUST) == ("", "")
    assert announced_task("The question I'd want settled is whether the model is good enough "
                          "to rely on.") == ("", "")
    assert announced_task(PRICED)[0] == "price"
    assert announced_task(BUILT) == ("build", "build it")
    assert announced_task("Our data decides it, so here's how I'd set up labelling.") == (
        "label", "set up labelling")
    # The question's own moves, or nothing named: no neighbouring task.
    assert announced_task("Here's how I'd build the success metric.") == ("", "")
    assert announced_task("Here's how I'd approach it.") == ("", "")
    assert announced_task(ON_SETTLED) == ("", "")
    assert announced_task(ON_BUILD_FIRST) == ("", "")


def test_the_opening_says_which_feature_the_answer_is_about() -> None:
    assert announced_object(SOFA_SEARCH) == "sofa search"
    assert announced_object("Before building smart replies in our messaging app, I'd ask "
                            "who needs them.") == "smart replies"
    assert announced_object(STRONG) == ""
    # The question's own moves, approached: no other feature.
    assert announced_object("Here's how I'd approach success for the planner.") == ""
    assert announced_object("Here's how I'd approach the prioritisation.") == ""


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
@pytest.mark.parametrize("text", [PRICED, BUILT, SOFA_SEARCH])
def test_a_neighbouring_task_or_feature_is_off_question_and_brought_back(text: str) -> None:
    q = Question.adhoc(PROMPT)
    assert agenda_elsewhere(q, text)
    r = read_answers(q, [text])
    assert r.relevance.agenda and r.off_topic
    # Polished and about this product: graded 1.5 like any polished answer to another question.
    assert 1.5 <= score_answer(q, text).overall <= 2.0
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [text]))
    assert follow is not None and follow.text.startswith(BACK)


@pytest.mark.parametrize("text", [STRONG, ON_SCOPE, ON_BUILD_FIRST, ON_SETTLED])
def test_an_answer_to_the_question_stays(text: str) -> None:
    q = Question.adhoc(PROMPT)
    assert agenda_elsewhere(q, text) == ""
    assert not read_answers(q, [text]).off_topic


@pytest.mark.parametrize("ask", ["How should we price it?",
                                 "How would you know whether it pays for itself?"])
def test_a_question_that_raises_the_task_keeps_its_answer(ask: str) -> None:
    """Asked how to charge for the planner, or whether it pays, the priced answer answers it."""
    q = Question.adhoc(f"Our online furniture store is launching an AI room planner. {ask}")
    assert agenda_elsewhere(q, PRICED) == ""
    assert not read_answers(q, [PRICED]).off_topic


# A scope said again and again, but less than the planner itself: the answer is about the planner.
KEPT_SCOPE = (
    "For small flats in our store, the planner matters most, because in small flats every "
    "centimetre decides whether a sofa fits. The planner's first version checks the basket "
    "against one scanned room; the planner shows the door and the walkway. Small flats return "
    "the most furniture, so success for the planner is fewer 'didn't fit' returns against "
    "shoppers who do not scan, and purchase rate of planned baskets. I'd A/B test the planner "
    "on 10% of shoppers for four weeks and widen it if returns fall by a quarter.")

# "Building trust" builds no system, however much the answer then says about the model.
TRUST = (
    "The question I'd want settled is how we build trust in the layouts, because a layout "
    "shoppers doubt sells nothing. " + STRONG + " The model's measurements are checked "
    "against tape-measured rooms first. The placement model is trained on stylist layouts. "
    "Its features are clearance and distance to walls.")


@pytest.mark.parametrize("text", [KEPT_SCOPE, TRUST])
def test_a_scope_or_a_quality_built_is_no_neighbour(text: str) -> None:
    q = Question.adhoc(PROMPT)
    assert agenda_elsewhere(q, text) == ""
    assert not read_answers(q, [text]).off_topic


def test_without_vectors_only_the_task_reading_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The object reading needs the vectors to tell a synonym; the task reading needs none."""
    monkeypatch.setattr(meaning, "embed", lambda texts: None)
    q = Question.adhoc(PROMPT)
    assert agenda_elsewhere(q, SOFA_SEARCH) == ""
    assert agenda_elsewhere(q, PRICED).startswith("price:")
