"""Model-first answers: confident, specific and argued calls about a model or a technique, with an
offline number as the only success and no person or product outcome in sight. An interviewer
grades them 1.5-2 however sure they sound; the same technical depth inside product reasoning is
not marked down. Examples are written for these tests (dev-split questions only), not taken from
the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.argued import DECISIVE_FLOOR, argued_commitments, decisive
from interviewer.coach.model_first import MODEL_FIRST_CAP, model_first
from interviewer.scorecard import weighted_overall

VOICE_MODEL_FIRST = """
I'd use one end-to-end speech model instead of a pipeline, because every hand-off between a
recogniser, a language model and a synthesiser adds latency. I'd pick a seven billion parameter
multimodal transformer and fine-tune it on ten thousand hours of spoken questions and answers.
The target is a word error rate under five percent and ninety-five percent answer accuracy on a
held-out benchmark, since that is state of the art. I'd quantise it to eight bits and serve it
on H100 GPUs so a full answer takes about eight hundred milliseconds, which is fast enough
because the model streams its audio.
"""

VOICE_PRODUCT = """
What makes it feel like a conversation is the gap between the user stopping and hearing the
first word back: past about a second, people start repeating themselves or assume it failed.
So I'd budget to first audio, not to the full answer, and aim for under eight hundred
milliseconds at the ninety-fifth percentile.

I'd keep a pipeline rather than one end-to-end model, because each stage can stream: about two
hundred milliseconds to detect the end of speech, streaming recognition that finishes almost as
the user stops, three hundred for a small language model to produce its first sentence, and two
hundred for the synthesiser to start speaking it. I'd pick the small model over a large one for
the first sentence, because a fast short answer beats a perfect slow one for most questions,
and hand hard questions to the large model with a spoken filler.

I'd measure time to first audio per user turn, the share of turns where the user interrupts or
repeats the question, and whether people come back to ask again the next day, with answer
quality rated on a sample as the guardrail.
"""


def test_a_confident_model_first_answer_is_below_the_bar(bank: QuestionBank) -> None:
    """Its latency and accuracy figures meet the metrics cues: without this rule it scored 3."""
    q = bank.by_id("mlsd-voice-assistant-latency-budget")
    reading = read_answers(q, [VOICE_MODEL_FIRST])
    assert argued_commitments(reading.units) >= 1  # it argues, about the model alone
    assert reading.dimensions["metrics"].score >= 3
    assert model_first(reading.units)
    assert reading.overall() <= MODEL_FIRST_CAP


def test_a_model_choice_inside_product_reasoning_is_not_marked_down(bank: QuestionBank) -> None:
    q = bank.by_id("mlsd-voice-assistant-latency-budget")
    good = read_answers(q, [VOICE_PRODUCT])
    assert not model_first(good.units)
    assert good.overall() >= 3.5
    assert good.overall() > read_answers(q, [VOICE_MODEL_FIRST]).overall() + 1.0


def test_a_model_first_answer_is_never_decisive(bank: QuestionBank) -> None:
    """However many calls it argues and dimensions it touches, it does not get the floor of 4."""
    q = bank.by_id("mlsd-voice-assistant-latency-budget")
    reading = read_answers(q, [VOICE_MODEL_FIRST])
    rubric = weighted_overall({d: r.score for d, r in reading.dimensions.items()},
                              q.dimensions)
    assert not decisive(reading.units, 10, max(rubric, 4.0), 4)
    assert reading.overall() < DECISIVE_FLOOR


@pytest.mark.parametrize("served", [
    "Riders would see the new estimate, and I'd check that complaints about late cars fall.",
    "What matters is whether people book more rides once the estimate stops lying to them.",
    "I'd watch cancellations after the estimate is shown, because that is where trust breaks.",
])
def test_one_person_or_product_outcome_makes_it_product_reasoning(bank: QuestionBank,
                                                                  served: str) -> None:
    q = bank.by_id("metrics-eta-prediction")
    technical = (
        "I'd train a deep network on three years of trip logs, because trees cannot learn road "
        "graphs. I'd use a graph neural network over road segments with attention layers. The "
        "goal is a mean absolute error under ninety seconds on a held-out month, since that "
        "beats the published benchmark.")
    assert model_first(read_answers(q, [technical]).units)
    assert not model_first(read_answers(q, [technical + " " + served]).units)


def test_people_as_training_data_are_not_whom_it_serves(bank: QuestionBank) -> None:
    q = bank.by_id("rec-cold-start")
    answer = (
        "I'd train a two-tower model on listening logs, because it learns from what people "
        "played in full. I'd add a transformer encoder over track audio embeddings, since audio "
        "covers tracks nobody has played. I'd target a recall at fifty of forty percent on a "
        "held-out set, which beats the current model.")
    assert model_first(read_answers(q, [answer]).units)


def test_technique_without_an_offline_yardstick_is_not_model_first(bank: QuestionBank) -> None:
    """Technical and silent about users, but with no accuracy target: other rules judge it."""
    q = bank.by_id("rec-cold-start")
    answer = (
        "I'd train a two-tower model on listening logs, because it is cheap to serve. I'd add a "
        "transformer encoder over track audio embeddings, since audio covers new tracks. I'd "
        "retrain it weekly on four GPUs.")
    assert not model_first(read_answers(q, [answer]).units)
