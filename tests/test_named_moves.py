"""Several instances of the move asked, named in one sentence (`coach/named_moves.py`): a
medium critique that lists its failures in one sentence makes the critique's move, so it is not
held at 2 as "missing the ask"; a strategy framework's verbs in one sentence stay one mention,
and a cue set aside ("no need for a test") is none. Examples are written for these tests, not
taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_asks import MOVES
from interviewer.coach.named_moves import move_instances
from interviewer.coach.relevance import profile
from tests.support.answers import one_paragraph

CRITIQUE = "critique-ai-search-answers"

# Where it helps, three failures in one sentence, fixes offered and none chosen: about 3.
FAILURES_IN_ONE_SENTENCE = one_paragraph("""
For a simple fact like a recipe's oven temperature it saves me opening three pages. It fails
when the summary is out of date, when the citation under a claim links to a page that says
something else, and on local searches where I'd rather see a map and opening hours. To improve
it they could tighten the citations, show the box less often or add a feedback button.
""")


def test_failures_listed_in_one_sentence_make_the_critique(bank: QuestionBank) -> None:
    q = bank.by_id(CRITIQUE)
    reading = read_answers(q, [FAILURES_IN_ONE_SENTENCE])
    assert not reading.misses_the_ask


def test_a_frameworks_verbs_in_one_sentence_stay_one_mention(bank: QuestionBank) -> None:
    q = bank.by_id("strategy-startup-vs-bundled-copilot")
    said = read_answers(q, [one_paragraph("""
    We should evaluate our strategic options, such as building, partnering or buying, against
    our core strengths and the competitive position of the startup.""")]).units
    assert move_instances(MOVES["strategy"], said, profile(q).prompt, "strategy") == 1


def test_a_cue_set_aside_is_no_instance(bank: QuestionBank) -> None:
    q = bank.by_id(CRITIQUE)
    said = read_answers(q, [one_paragraph("""
    It never fails on my weather searches and it isn't wrong about the opening hours of the
    shops near my office, which I check on the way to work.""")]).units
    assert move_instances(MOVES["critique"], said, profile(q).prompt, "critique") == 1
