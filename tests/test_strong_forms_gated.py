"""Strong answers to typed questions that a gate set aside as off the ask (the bd19- dev round,
answers written and graded blind): a prompt whose number is joined to its noun ("a
600,000-household utility"), a product world the prompt names in one word ("its support line"),
a payback shown as what it costs beside what it saves, a pick asked with "which would you ship
first", and calls typed under their label ("Ship first: ...", "Decision: yes"); and the short
and bulleted twins of strong answers held under their prose: a rule typed as a bar ("under 40%,
rework", "Gate: ... under 2%"), a reason drawn with "so", a placement ("in front of") read as
the subject. Examples are written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_bank import asks_decision, asks_pick, unmet_ask
from interviewer.coach.asks_problems import DECISION, PICK
from interviewer.coach.ground import committed_texts
from interviewer.coach.rated_option import rates_option
from interviewer.coach.relevance import relevance, subject_terms
from interviewer.coach.typed_ground import typed_points
from tests.support.answers import one_paragraph

UTILITY = Question.adhoc(
    "A regional water utility is putting an AI assistant in front of its support line for "
    "600,000 households. How would you know whether it pays for itself?")

UTILITY_STRONG = """
It pays for itself when the calls it closes for good are worth more than it costs us.
Rough numbers: about 50,000 calls a month reach the line, and an agent-handled call costs us
roughly $6 once wages and the phone system are in. The assistant costs about $45,000 a month in
licence, inference and one person keeping its answers current, so it breaks even at 7,500 calls
a month that never reach an agent, 15% of the queue. Billing questions and outage updates are
half the queue, so I'd target 25%.
A call only counts as closed if the same household does not ring again about the same thing
within a week, because a caller who hangs up and rings back cost us twice.
I'd hold out 10% of households who go straight to an agent for three months and compare calls
per household against them; if the assistant group is not at least 15% lower, it is not paying.
Watch the escalations too: if the tickets it hands over arrive without the caller's account,
agent handle time rises and eats the saving, so handle time on escalated calls must not go up.
Above the bar, keep it and move agents to the complaints backlog; below it, narrow it to billing
questions or switch it off.
"""

UTILITY_SHORT = one_paragraph("""
50,000 calls a month at about $6 each; the assistant runs about $45k a month, so it breaks even
at 7,500 calls that never reach an agent, 15% of the queue; I'd target 25%. A call counts only
if the household does not ring again within a week, and the verdict is calls per household
against a 10% holdout for three months: at least 15% lower or it isn't paying. Escalated handle
time must not rise. Above the bar, keep it; below, narrow it to billing or switch it off.
""")

UTILITY_PRECISION_ONLY = """
To know whether it pays for itself I'd focus on the model's answer quality. I'd build an
evaluation set of 2,000 past calls with the right answers written by senior agents, and measure
the assistant's accuracy on it, aiming for 95% correct intents. I'd fine-tune on the utility's
own call transcripts and add retrieval over the billing policies, and I'd track hallucination
rate on a weekly sample. Once accuracy is above 95%, the assistant answers most questions
correctly, so it pays for itself.
"""


def test_a_number_joined_to_its_noun_keeps_the_noun() -> None:
    """"a 600,000-household utility" is about households; the number names no subject."""
    assert "household" in subject_terms("a 600,000-household utility")
    assert subject_terms("a 90-day window") == subject_terms("a day window")


def test_payback_worked_out_in_costs_and_savings_is_on_the_question() -> None:
    """Calls, agents, queues and escalations are the world of "its support line", though the
    prompt names it in one word; the break-even and the holdout make the payback move."""
    for text in (UTILITY_STRONG, UTILITY_SHORT):
        reading = read_answers(UTILITY, [text])
        assert not reading.drifting and not reading.off_topic
        assert not reading.misses_the_ask
        assert reading.overall() >= 3.5


UTILITY_ELSEWHERE = """
For our music app's playlist generator, success is listeners who save a generated playlist and
come back to it. The north star is saved playlists replayed within a week, per weekly listener,
and I'd want a 10% lift. Guardrails: skips in the first thirty seconds of a track, and the share
of plays going to artists outside the top 500, which shouldn't fall. I'd A/B test by listener for
four weeks and roll out if replays rise without skips rising.
"""


def test_the_world_a_prompt_names_in_one_word_is_the_questions() -> None:
    """"its support line" stands for calls, agents, queues and escalations: an answer that dwells
    on them is focused on the question; one about playlists gains nothing from it."""
    assert relevance(UTILITY, UTILITY_STRONG).focus >= 0.5
    assert relevance(UTILITY, UTILITY_SHORT).focus >= 0.5
    assert relevance(UTILITY, UTILITY_ELSEWHERE).focus <= 0.2
    listed = ("North star, resolution rate, CSAT, deflection, escalation rate, handle time, "
              "ticket volume, agent cost, A/B test.")  # one sentence of names works in nothing
    assert relevance(UTILITY, listed).focus == 0.0
    assert read_answers(UTILITY, [listed]).overall() <= 1.5
    assert read_answers(UTILITY, [UTILITY_ELSEWHERE]).overall() <= 2.0


def test_payback_read_off_model_accuracy_still_misses_the_ask() -> None:
    reading = read_answers(UTILITY, [UTILITY_PRECISION_ONLY])
    assert reading.misses_the_ask
    assert reading.overall() <= 2.0


GARDEN = Question.adhoc(
    "Our gardening app has three AI ideas: plant identification from a photo, a watering "
    "schedule, and a pest diagnosis chat. How would you prioritise them, and which would you "
    "ship first and how would you test it?")

GARDEN_BULLETS = """
**Criterion**: weekly active gardeners in the season, weighted by effort and by harm

**Ranking**
1. Watering schedule: high impact (overwatering kills beginners' plants), low effort, low risk
2. Plant identification: medium impact (first-week hook), medium effort, low risk
3. Pest diagnosis: medium impact, high risk (wrong pesticide advice harms people) -> review

**Ship first**: watering schedule for gardeners in their first 30 days

**Test**
- A/B by gardener, randomised at sign-up, 6 weeks
- Primary: share still active in week 6, +4 pts or more
- Guardrail: plants marked dead must not rise
- Week-6 activity up but dead plants flat -> reminders annoy, rework before rollout
"""


def test_which_would_you_ship_first_asks_for_a_pick_not_a_yes_or_no() -> None:
    assert not asks_decision(GARDEN)
    assert asks_pick(GARDEN)


def test_a_pick_under_its_label_is_made() -> None:
    """"Ship first: X" in notes, "so ship first is X" in speech: the pick asked for."""
    assert PICK.search("**Ship first**: watering schedule for new gardeners")
    assert PICK.search("so ship first is the watering schedule for new people")
    assert PICK.search("First ship: watering schedule, for gardeners in the first 30 days.")
    reading = read_answers(GARDEN, [GARDEN_BULLETS])
    assert unmet_ask(GARDEN, [u.piece.text for u in reading.units]) == ""
    assert not reading.misses_the_ask
    assert reading.overall() >= 3.5


def test_a_decision_under_its_label_is_a_call() -> None:
    assert DECISION.search("Decision: yes, narrow, with stop conditions.")
    assert DECISION.search("**Verdict**: no, not this quarter")
    assert not DECISION.search("Decision makers: the ops team and finance")


LOCKERS = Question.adhoc(
    "Our parcel-locker network wants an AI that reassigns a parcel to a nearby locker when the "
    "chosen one is full. What could go wrong, and how would you decide it is ready to be on by "
    "default?")

LOCKERS_SHORT = one_paragraph("""
Risks: a parcel sent to a locker across a busy road strands people without a car, so cap the
move at 400 m on foot; medicine and age-checked parcels could be collected by the wrong person,
so keep those out; couriers may trust the reassignment and skip the full check. Path: suggest
to the courier, then auto-move with a text to the recipient, then default-on. Gate: uncollected
parcels after 72 hours under 2%, complaints about the new locker under 1 per 1,000 moves, held
through the December peak. Under 60% recipients accepting the suggestion, rework the choice of
locker.
""")

LOCKERS_BULLETS = """
Risks
- Locker across a busy road: strands people without a car -> cap at 400 m on foot
- Medicine and age-checked parcels: wrong person collects -> never moved
- Couriers stop checking for a free locker -> audit 50 moves a week

Path to default-on
1. Suggest to the courier
2. Auto-move with a text to the recipient
3. Default-on

Gate
- Uncollected after 72 h: <2%
- Complaints about the new locker: <1 per 1,000 moves
- Held through the December peak
- <60% of recipients accept the suggestion -> rework the choice of locker
"""


def test_a_gate_and_a_bar_in_notes_are_a_rule() -> None:
    """"Gate: ... under 2%", "under 60% accepting, rework", "<60% accept -> rework": the
    condition that changes the call, as notes and short answers give it."""
    for text in (LOCKERS_SHORT, LOCKERS_BULLETS):
        reading = read_answers(LOCKERS, [text])
        points = typed_points(LOCKERS, reading.units, committed_texts(reading.units, LOCKERS))
        assert points["rule"], text


def test_a_clause_drawn_with_so_gives_its_reason() -> None:
    """"...strands people without a car, so cap the move at 400 m": the reason is the clause
    before, in the same sentence."""
    reading = read_answers(LOCKERS, [LOCKERS_SHORT])
    points = typed_points(LOCKERS, reading.units, committed_texts(reading.units, LOCKERS))
    assert points["why"]
    assert reading.overall() >= 4.0


def test_a_placement_is_not_the_subject() -> None:
    """"putting an assistant in front of the helpdesk": the helpdesk is the subject."""
    assert subject_terms("putting an assistant in front of the helpdesk") == subject_terms(
        "an assistant for the helpdesk")


TRAILS = Question.adhoc(
    "Our hiking app has three AI ideas: offline trail maps that predict closures, a packing-list "
    "assistant and photo-based plant warnings. How would you prioritise them, and which would you "
    "ship first and how would you test it?")

TRAILS_BULLETS = """
**Criterion**: weekly hikers in season, weighted by effort and by harm

**Ranking**
1. Closure predictions: high impact (hikers turned back at a closed trail churn), medium effort
2. Packing list: medium impact on first hikes, low effort, low risk (a missed item is a nuisance)
3. Plant warnings: low impact, high risk (a wrong "safe" label hurts someone) -> last

**Ship first**: closure predictions on the 200 busiest trails

**Test**
- A/B by hiker for 4 weeks; primary: hikes completed per weekly hiker, +3% or more
- Hikes up but closure reports flat -> predictions add nothing new, don't ship it
"""

TRAILS_SPOKEN = one_paragraph("""
so i'd rank them by weekly hikers in season weighted by effort and harm closure predictions first
because hikers who hit a closed trail stop using the app and we have the ranger feeds already
packing list second uh medium impact on first hikes low effort and low risk a missed item is a
nuisance and plant warnings last it's a wrong safe label that hurts someone so only with a
botanist reviewing it

so ship first is closure predictions on the two hundred busiest trails and test is an a b test by
hiker for four weeks with hikes completed per weekly hiker and if that's not up three percent we
don't ship it
""")


def test_an_option_rated_on_the_criteria_is_a_judgement_not_a_list_of_names() -> None:
    """"Packing list: medium impact, low effort, low risk" places an option; "impact, effort,
    risk, reach" names the rubric's words."""
    units = read_answers(TRAILS, [TRAILS_BULLETS]).units
    unit = next(u for u in units if u.piece.text.startswith("2. Packing list"))
    assert not unit.buzzwords and unit.decision
    listed = read_answers(TRAILS, ["Impact, effort, risk, reach, confidence, and a north star."])
    assert all(u.buzzwords for u in listed.units)


def test_an_option_put_in_its_place_aloud_is_ranked() -> None:
    """A transcript ranks with no punctuation: "packing list second uh medium impact"."""
    assert rates_option("packing list second uh medium impact on first hikes")
    assert rates_option("and plant warnings last it's a wrong safe label that hurts someone")
    assert not rates_option("The first version creates the project from the description.")
    assert not rates_option("And the first version barely needs an agent.")
    assert not rates_option("so second one is people who stop halfway")


def test_a_ranking_of_the_prompts_options_in_notes_or_speech_reaches_its_ground() -> None:
    """Every option of the prompt ranked with its reason, a first ship, a test with a bar and
    a rule: the typed ground's points, in bullets or in a transcript."""
    for text in (TRAILS_BULLETS, TRAILS_SPOKEN):
        reading = read_answers(TRAILS, [text])
        points = typed_points(TRAILS, reading.units, committed_texts(reading.units, TRAILS))
        assert points["subject"] and points["rule"] and points["call"], (points, text)
        assert reading.overall() >= 4.0
