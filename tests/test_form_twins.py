"""The same content in another form scores like its prose (issue 9, point 3): a ~90-word answer
that makes each point once, typed bullets under headers, a spoken run, plain non-native English.
Terse forms earn what their commitments earn, never a bonus for being short: a short vague
answer stays below the bar. Questions are dev questions only (the fm8- batch's typed prompts and
genai-image-free-tier); the answers here are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.adhoc import adhoc_dimensions
from interviewer.banks import Question, load_banks
from interviewer.coach.analysis import read_answers
from interviewer.coach.calibration import parse_set, read_set_file
from interviewer.coach.offline import score_answer
from interviewer.coach.relevance import profile, relevance, subject_terms
from interviewer.coach.terse import short_and_dense
from tests.support.answers import one_paragraph

DEV = Path(__file__).resolve().parents[1] / "interviewer" / "data" / "calibration" / "dev.toml"

BIKES = Question.adhoc(
    "A bike-sharing company wants to use AI to predict where bikes will run out and send vans to "
    "rebalance them. What would you build first, and how would you know it worked?")
NURSES = Question.adhoc(
    "A hospital network wants an AI that drafts replies to patients' portal messages, which "
    "nurses then review and send. How would you decide whether to roll it out, and how would "
    "you know it is working?")
JOBS_PROMPT = ("A job marketplace wants to add an AI that writes the first draft of a job post "
               "for small employers. How would you measure whether it is succeeding?")

BIKES_BULLETS = """
Who
- Weekday commuters find no bikes at residential stations in the morning peak.

Build first
- A forecast of bikes needed per station per hour; a nightly list of the 15 likeliest to run out.
- Before automated van routing: the dispatchers who send the vans already know the streets.
- Baseline to beat: the same hour's average of bikes taken over the last 4 weeks.

Measure
- Failed peak trips per 1,000 trips; guardrails: van hours and cost per bike moved.
- Two districts alternate weekly for 6 weeks; expand at 15% fewer failed trips.
"""

BIKES_NEIGHBOUR = """
Van drivers are the users here, so I'd focus on their shift. Today they get a paper list in the
morning and drive it in order, which wastes time in traffic. I'd give them a driver app with turn by
turn navigation, a live map of the city, and a button to mark a station done. The trade-off is
detail against distraction: I'd keep the screen to one station at a time, because they are driving.
I'd measure stations visited per shift and fuel per shift, and survey drivers after a month.
"""

NURSES_TERSE = """
Primary care first: most portal volume, mostly routine, lower risk. No drafts when a message
mentions urgent symptoms; those go to the top of the queue. I'd rather save less time than let a
confident draft hide a red flag, since one harmful reply ends the nurses' trust. Measure nurse
minutes per message; guardrails: a weekly physician audit of 200 sent replies. Four clinics
against four matched ones for six weeks; roll out at 20% fewer minutes with no unsafe reply.
"""

NURSES_VAGUE = """
I'd roll it out if the nurses like it and it saves them time. I'd measure time saved, how often
the drafts are used, and patient satisfaction. Safety matters, so nurses should review everything.
Start with a pilot, then expand if the metrics look good.
"""


def test_an_order_said_with_what_waits_makes_a_typed_what_first_ask() -> None:
    """A list under "Build first" that puts the forecast before automated routing answers "what
    would you build first"; an answer about the drivers' app, however polished, does not."""
    assert not read_answers(BIKES, [BIKES_BULLETS]).misses_the_ask
    assert read_answers(BIKES, [BIKES_NEIGHBOUR]).misses_the_ask
    assert score_answer(BIKES, BIKES_BULLETS).overall >= 3.5


def test_a_dense_short_answer_is_not_judged_on_prompt_words_it_has_no_room_for() -> None:
    """A long typed prompt has more words than ninety words of answer can reuse: a dense short
    answer's prompt coverage is judged against what its length could use; a vague one's is not."""
    terse = relevance(NURSES, NURSES_TERSE).prompt_coverage
    assert terse >= 0.6
    vague = relevance(NURSES, NURSES_VAGUE).prompt_coverage
    prompt = profile(NURSES).prompt
    raw = len(prompt & set(subject_terms(NURSES_VAGUE))) / len(prompt)
    assert vague == pytest.approx(raw, abs=1e-3)


def test_a_terse_labelled_pick_is_a_focus_and_its_grounds_a_reason() -> None:
    """"Primary care first: most portal volume, lower risk" is the terse "I'd focus on primary
    care first, because most messages come from there"."""
    framing = read_answers(NURSES, [NURSES_TERSE]).dimensions["framing"]
    assert "focus" in framing.applied
    assert framing.score >= 3.0
    plain = read_answers(NURSES, ["Primary care clinics get portal messages every day."])
    assert "focus" not in plain.dimensions["framing"].applied


def test_a_clause_after_a_semicolon_is_an_instance_of_its_own() -> None:
    """"Measure X; guardrails: Y" makes two metric points as two sentences would."""
    one = "Measure nurse minutes per message and a weekly physician audit of 200 sent replies."
    two = "Measure nurse minutes per message; guardrails: a weekly physician audit of 200 replies."
    sep = read_answers(NURSES, [two]).dimensions["metrics"].score
    assert sep > read_answers(NURSES, [one]).dimensions["metrics"].score


def test_a_side_between_two_named_sides_with_its_reason_is_the_whole_trade_off() -> None:
    with_both = "I'd rather save less nurse time than let a draft hide a red flag, since one " \
                "harmful reply ends trust."
    side_only = "I'd rather save less nurse time on the portal."
    both = read_answers(NURSES, [with_both]).dimensions["trade-offs"].score
    assert both == 5.0
    assert read_answers(NURSES, [side_only]).dimensions["trade-offs"].score < 4.0


def test_a_short_vague_answer_stays_below_the_bar_and_below_the_terse_strong_one() -> None:
    vague = score_answer(NURSES, NURSES_VAGUE).overall
    terse = score_answer(NURSES, NURSES_TERSE).overall
    assert vague <= 3.0
    assert terse >= vague + 1.0


def test_an_answer_without_one_number_meets_the_bar_at_most() -> None:
    """No number, threshold or quantity anywhere: nothing to decide on, whatever its length."""
    medium = ("GPU costs are a real issue, so I'd add limits for free users, like a number of "
              "images per day, and make unlimited generation a paid feature. I could also use a "
              "cheaper model for the free users so each image costs less. I'd track GPU cost and "
              "upgrades to paid, and make sure free users don't churn because of the limits.")
    q = load_banks().by_id("genai-image-free-tier")
    assert score_answer(q, medium).overall <= 3.0


@pytest.mark.parametrize(("prompt", "stressed"), [
    (JOBS_PROMPT, False),
    (BIKES.prompt, True),
])
def test_a_typed_question_stresses_prioritization_only_when_it_asks_what_first(
        prompt: str, stressed: bool) -> None:
    assert ("prioritization" in adhoc_dimensions(prompt)) is stressed


def test_the_fm8_batch_twins_score_within_half_a_point_of_their_prose() -> None:
    """The dev batch written for this rule (graded blind): every twin within 0.5 of its prose,
    and each short vague answer below its question's medium."""
    name, text = read_set_file(DEV)
    batch = [a for a in parse_set(name, text, load_banks()) if a.label.startswith("fm8-")]
    scores = {a.label: score_answer(a.question, a.text).overall for a in batch}
    far = [(a.label, scores[a.label], scores[a.twin_of]) for a in batch if a.twin_of
           and abs(scores[a.label] - scores[a.twin_of]) > 0.5 + 1e-9]
    assert not far
    for vague in (a for a in batch if a.label.endswith("-short-vague")):
        medium = vague.label.replace("-short-vague", "-medium")
        assert scores[vague.label] < scores[medium]


BIKES_TERSE = one_paragraph("""
Weekday commuters first: most trips, and empty docks cluster at residential stations 7-9 am.
Build a per-station hourly forecast and a nightly list of the 15 stations likeliest to empty,
before automated van routing. It must beat the same hour's four-week average. I'd accept empty
docks at quiet stations rather than pay for vans everywhere, since vans cost more than those trips
return. Failed peak trips per 1,000; guardrails: van hours, cost per stop. Alternate weeks in two
districts for six weeks; expand at 15% fewer failed trips.
""")

BIKES_VAGUE = """
Bike sharing matters to the city. I'd think about the rider journey and the brand story.
Marketing should tell a strong story on social media, and partnerships with local cafes help
awareness. The team should stay agile.
"""


def test_a_short_dense_answer_is_not_drifting_for_not_repeating_the_prompts_words() -> None:
    """Ninety words that name "bikes" nowhere (docks, stations, vans) but commit to a first
    build, a bar and a test are about the question: the share of sentences reusing the prompt's
    few words measures length more than subject here. A short vague answer stays gated."""
    dense = read_answers(BIKES, [BIKES_TERSE])
    assert dense.relevance.score < 0.33  # the word check alone would call it drifting
    assert short_and_dense(dense.units)
    assert not dense.drifting and not dense.misses_the_ask
    assert dense.overall() >= 3.5
    vague = read_answers(BIKES, [BIKES_VAGUE])
    assert not short_and_dense(vague.units)
    assert vague.overall() <= 2.0
