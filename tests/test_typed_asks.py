"""Typed (ad-hoc) questions: what the prompt asks is read from its words, an answer must make
that ask (the first one first), and a terse answer that makes it with specifics scores like its
long twin. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.banks import Question, load_banks
from interviewer.coach.analysis import read_answers
from interviewer.coach.calibration import parse_set, read_set_file
from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.cues_markers import DECISION, NUMBER
from interviewer.coach.offline import score_answer
from interviewer.coach.units import primary_ask, question_asks

DEV = Path(__file__).resolve().parents[1] / "interviewer" / "data" / "calibration" / "dev.toml"

PARKING = Question.adhoc(
    "A parking app wants an AI that decides on its own which fines to refund when drivers "
    "dispute them. How would you decide which disputes it may refund automatically, and how "
    "would you measure whether it works?")

PARKING_STRONG = """
I'd focus on first-time disputes under forty dollars, because they are most of the volume and a
wrong refund costs little. It may refund on its own only if the driver has no dispute in the last
year, the photo of the sign is unclear or missing, and the amount is under the limit; anything
with a towing fee or a repeat driver goes to a person, and it never rejects a dispute by itself.
I'd accept slightly more refunds for an answer in a minute instead of three weeks, because slow
disputes are why drivers leave one-star reviews. I'd measure the days to a decision, the share of
automatic refunds that a reviewer would overturn on a random five percent audit, and the refund
cost per thousand fines. I'd run it in shadow for a month, then on ten percent of disputes in one
city; if overturned refunds pass three percent, I tighten the limit before widening it.
"""

PARKING_NEIGHBOUR = """
Whether the AI can refund fines depends first on how drivers file disputes, so I'd redesign the
dispute form in the app. The users are drivers who got a fine and are angry, often on a phone in
the street. I'd focus on first-time disputers, because they don't know what evidence helps. The
design: a guided photo step for the sign and the meter, a map pin for the spot, and a short list of
reasons instead of a free text box. I'd rank the photo step first, because it is cheap and most
disputes fail for missing evidence; the map pin second; a chat with an agent later. I'd measure the
share of disputes filed complete on the first try and the completion rate of the form, with time in
the form as a guardrail, and A/B test the new form against the old one for three weeks.
"""


def test_and_why_asks_for_a_reason_not_a_diagnosis() -> None:
    q = Question.adhoc("A bookshop app wants an AI reading coach. What would you build first, "
                       "and why?")
    assert question_asks(q) == ("first-choice",)


@pytest.mark.parametrize("prompt", [
    "A hospital rolled out an AI scribe. After a quarter, doctors say notes haven't improved. "
    "How would you figure out what's going on?",
    "Why did weekly active users of the AI tutor drop last month?",
])
def test_a_diagnosis_is_read_from_the_prompt(prompt: str) -> None:
    assert "diagnose" in question_asks(Question.adhoc(prompt))


def test_the_first_ask_of_a_two_part_prompt_is_the_primary_one() -> None:
    assert set(question_asks(PARKING)) == {"autonomy", "metrics"}
    assert primary_ask(PARKING) == "autonomy"
    assert primary_ask(Question.adhoc("How would you measure the AI scribe's success?")) == ""


def test_measuring_without_deciding_what_the_ai_may_do_alone_is_the_neighbouring_question(
) -> None:
    strong, neighbour = (read_answers(PARKING, [t]) for t in (PARKING_STRONG, PARKING_NEIGHBOUR))
    assert not strong.misses_the_ask and strong.overall() >= 3.5
    assert neighbour.misses_the_ask and neighbour.overall() <= 2.0


def test_an_answer_that_prices_the_product_when_asked_to_measure_it_is_gated() -> None:
    q = Question.adhoc("A note-taking app launched an AI that turns lectures into flashcards. "
                       "How would you measure whether it is succeeding?")
    pricing = """
    Whether flashcards are succeeding comes down to how we price them. Students pay for grades,
    not for minutes of audio, so the price should follow the semester. Options: include it free,
    a five dollar a month add-on, or a per-lecture charge. I'd rank the add-on first because
    students budget monthly, and per-lecture pricing punishes the students who use it most. Free
    would spread faster, but I'd rather keep a price anchor. I'd test the add-on against a bundled
    premium tier on new sign-ups for a semester and compare the attach rate; under ten percent
    means the price is wrong, and I'd move it into the premium tier.
    """
    measured = """
    Success means students remember their lectures better with less study time. North star: the
    share of weekly active students who review at least one set of flashcards from a lecture twice
    in a week. Guardrails: flashcards with a wrong fact, checked on two hundred flashcards a month
    by tutors, under two percent; and study minutes per lecture should not rise. I'd compare quiz
    scores of students who use the flashcards with a holdout of ten percent who don't, for a
    semester; if quiz scores don't rise, I'd stop adding flashcard features.
    """
    assert read_answers(q, [pricing]).misses_the_ask
    assert score_answer(q, pricing).overall <= 2.0
    assert not read_answers(q, [measured]).misses_the_ask
    assert score_answer(q, measured).overall >= 3.5


def test_a_first_choice_names_two_places_in_an_order() -> None:
    q = Question.adhoc("A language app wants an AI conversation partner. What would you build "
                       "first, and why?")
    ordered = ("For adult beginners: they quit in week two. Options: role-play chats, "
               "pronunciation feedback, a daily five-minute call. Daily calls first, since habit "
               "is what breaks; pronunciation second. Measure week-four retention against a "
               "holdout of ten percent.")
    unordered = ("The first question I'd settle is whether we can charge for it, because that "
                 "decides the business case, and then there's the brand. Premium users pay ten "
                 "dollars a month, so a five dollar add-on seems right to me.")
    assert not read_answers(q, [ordered]).misses_the_ask
    assert read_answers(q, [unordered]).misses_the_ask


@pytest.mark.parametrize("text", [
    "For busy parents shopping weekly: biggest baskets, and their pain is planning.",
    "Swaps next; allergens are a hard rule.",
    "Fast-track only if the estimate is under the limit.",
    "No gain on argument scores means fix the feedback.",
    "The AI can never refuse a claim alone, a person must do it.",
    "If there is an injury, it goes always to an adjuster.",
])
def test_terse_picks_and_rules_are_commitments(text: str) -> None:
    assert DECISION.search(text)


def test_terse_forms_name_their_concepts() -> None:
    def names(t: str) -> set[str]:
        return {f.name for f in FAMILIES if f.pattern.search(t)}

    assert "focus" in names("Focus: single-car claims under $3,000, most of the volume.")
    assert "tension" in names("I'd accept slightly higher payouts for payment in a day.")
    assert "decision-rule" in names("Fewer than one in five reusing a plan means build swaps.")
    assert "ab-test" in names("Pilot a required revision step in half the classes.")
    assert NUMBER.search("Two teachers blind-rate fifty feedback samples.")
    assert NUMBER.search("Audit 200 calls a month.")
    assert not NUMBER.search("There are three things to consider.")


def _dev_scores(prefix: str) -> dict[str, tuple[str, str, float, float]]:
    name, text = read_set_file(DEV)
    out = {}
    for a in parse_set(name, text, load_banks()):
        if a.label.startswith(prefix):
            out[a.label] = (a.kind, a.twin_of, a.grade, score_answer(a.question, a.text).overall)
    return out


def test_the_a5_typed_questions_hold_their_gates_and_twins() -> None:
    """The a5 dev answers (typed questions): same-product neighbours gated, strong answers not,
    and the ~90-word twins of the essay and sales answers within 0.5 of their prose twins."""
    scores = _dev_scores("a5-")
    for label, (kind, _, _grade, score) in scores.items():
        if kind == "off-question":
            assert score <= 2.0, label
        if kind == "strong":
            assert score >= 4.0, label
    for short in ("a5-essay-strong-short", "a5-sales-strong-short"):
        _, twin, _, score = scores[short]
        assert abs(score - scores[twin][3]) <= 0.5, short
