"""An answer that opens on a call about an action the question never raised is off-question.

Examples are our own (not calibration answers). Asked how to measure a cinema app's crowd
forecast, a polished answer about upselling snacks shares the product's words (screenings,
visitors, the app) and keeps most of the prompt's; its opening call ("I'd upsell, ...") names an
action the prompt neither says nor stands for, and the answer keeps to it. Answers to the
question that open on a call of their own ("I'd measure ...", "I'd focus on ...", a call on the
prompt's own forecast) are never sent away.
"""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.analysis import read_answers
from interviewer.coach.announced import _LENSES
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.offline import OfflineCoach
from interviewer.coach.opening_call import called_action, calls_elsewhere

BACK = "Let's come back to the question"

PROMPT = ("Our cinema chain's app now shows each visitor how crowded a screening is likely to be "
          "before they buy a seat. How would you measure whether this feature is a success?")

UPSELL = (
    "I'd upsell, but only to visitors who have already picked their seat and only on evening "
    "screenings, where the queue at the snack counter is the longest. The case for it: about a "
    "third of visitors buy snacks, and most of those who skip them say the queue put them off. "
    "The risk is the visitor who feels nagged at checkout, so I'd upsell once per booking and "
    "never after the payment page. A combo of popcorn and a drink at a small discount is the "
    "natural first offer, collected at a separate pickup shelf. I'd pilot the upsell in eight "
    "cinemas against eight matched ones for a month and watch snack revenue per visitor and "
    "checkout abandonment. If abandonment rises by more than a point, I'd stop.")

ON_QUESTION = (
    "I'd measure it by whether visitors pick screenings they enjoy more, since the forecast "
    "exists to help them avoid a packed room or choose a quieter time. The primary metric is "
    "the share of visitors who see a 'busy' forecast and then book a less crowded screening "
    "of the same film, against a holdout who see no forecast. Underneath it: how well the "
    "forecast is calibrated, so that screenings called 80% full end up close to 80% full, "
    "tracked per cinema every week. The business link is repeat visits per month, because a "
    "visitor who had a cramped evening comes back less often. Guardrails: total tickets sold, "
    "so the forecast does not just scare people away, and complaints that a 'quiet' screening "
    "was packed. I'd randomise by cinema and week, not by visitor, and if the switching rate "
    "does not move after six weeks, the forecast is decoration.")


def test_the_opening_call_names_its_verb() -> None:
    assert called_action("I'd upsell, but only at checkout.") == "upsell"
    assert called_action("So I'd probably measure it by repeat visits.") == "measure"
    assert called_action("The forecast should be calibrated.") == ""


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
def test_a_call_on_an_action_the_prompt_never_raised_is_elsewhere() -> None:
    assert calls_elsewhere(PROMPT, UPSELL, _LENSES) == "upsell"
    assert calls_elsewhere(PROMPT, ON_QUESTION, _LENSES) == ""
    q = Question.adhoc(PROMPT)
    reading = read_answers(q, [UPSELL])
    assert reading.off_topic
    assert reading.overall() <= 2.0
    assert not read_answers(q, [ON_QUESTION]).off_topic


@pytest.mark.skipif(not meaning.available(), reason="needs WordLlama's bundled vectors")
def test_the_first_follow_up_brings_the_candidate_back() -> None:
    coach = OfflineCoach()
    item = AnsweredQuestion(Question.adhoc(PROMPT), [UPSELL])
    probe = coach.follow_up(item)
    assert probe is not None and probe.text.startswith(BACK)


def test_a_call_said_once_is_not_the_answer_s_subject() -> None:
    once = UPSELL.replace("I'd upsell once per booking", "I'd offer it once per booking").replace(
        "pilot the upsell", "pilot it")
    assert calls_elsewhere(PROMPT, once, _LENSES) == ""


def test_without_vectors_the_check_stands_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "embed", lambda texts: None)
    assert calls_elsewhere(PROMPT, UPSELL, _LENSES) == ""
