"""A prompt that asks for the business's point of view beside the user's asks every answer to
say what the business earns, keeps or pays (`cues_asks.PROMPT_CONSTRAINTS`): a polished critique
of another product from the user's side alone (a smart speaker's voice requests, asked about a
recommendation feed) is capped; one that weighs the feed for both is not. Examples written here."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import DRIFT_CAP, read_answers
from interviewer.coach.offline import score_answer
from tests.support.answers import one_paragraph

FEED = "critique-recommendation-feed"



USER_SIDE_ONLY = one_paragraph("""
I use a streaming radio app every morning, so I'll judge it as a commuter. What works: one tap
starts a station that fits my mood, and it rarely plays something jarring. What doesn't: skipping
a song does nothing to the next ones, and the same dozen artists come back every week. The one
change I'd make is a skip that teaches: two skips of an artist in a week and it disappears for a
month, because repeats are why I switch off. I'd measure it by stations played past ten minutes,
with a guardrail on skips per hour. In short: easy to start, deaf to skips, so make skips count.
""")

BOTH_SIDES = one_paragraph("""
I'll judge the home feed of a music app from two sides: mine, wanting to enjoy the listening over
months, and the business's, which is paid through subscriptions and so needs retention. What works:
it learns my taste within days. What fails: the same dozen artists every week, and skipping a song
does nothing. The change: two skips of an artist in a week and it leaves the feed for a month,
because repeats are why I stop opening it, and for the business a bored subscriber is a
cancelled subscription. Minutes may dip at first; I'd accept that if week-four
retention rises, since churn costs the business far more than a few minutes.
""")


def test_a_critique_from_the_users_side_alone_is_capped(bank: QuestionBank) -> None:
    q = bank.by_id(FEED)
    assert read_answers(q, [USER_SIDE_ONLY]).misses_the_ask
    assert score_answer(q, USER_SIDE_ONLY).overall <= DRIFT_CAP


def test_a_critique_that_weighs_both_sides_is_not(bank: QuestionBank) -> None:
    """A music app's feed is one the prompt offers ("for short videos, music or shopping"): its
    artists and songs are the picked product's words, not another product's
    (`relevance.profile`)."""
    q = bank.by_id(FEED)
    assert not read_answers(q, [BOTH_SIDES]).off_topic
    assert not read_answers(q, [BOTH_SIDES]).misses_the_ask
    assert score_answer(q, BOTH_SIDES).overall >= 3.0
