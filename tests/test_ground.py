"""The question's own ground (`coach/ground.py`): an answer that works through most of what a
strong answer to this question covers, in sentences that commit, is scored as strong whether it
hedges, carries no digits, is typed as bullets or packs its diagnosis into one clause. A list of
the outline's words, and options never chosen, cover nothing. Examples are written for these
tests, not taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.ground import (
    HALF_FLOOR,
    HALF_OF_IT,
    MOST_FLOOR,
    applied_texts,
    committed_texts,
    covers,
    ground_covered,
    ground_floor,
)
from interviewer.coach.offline import score_answer
from interviewer.coach.text import stem, words
from tests.support.answers import one_paragraph

SUPPORT = "assistant-support-eval"
NOVELTY = "engage-assistant-novelty-decay"

# Hedged in tone ("I think", "probably", "maybe"), no digits anywhere, and deep: whom it works
# for, segments with a reason, a north star with guardrails, offline and online validation, the
# escalation dial with a side taken. It used to be held at 3.0 as "long with no number".
HEDGED_DEEP = one_paragraph("""
I think "working" depends on who you ask, so I'd probably look at it from the customer's side
first, then support staff and finance, because a ticket the agent closes isn't necessarily a
problem solved. I'd maybe segment tickets into billing, how-to questions and bug reports, since
the agent is likely good at how-to and risky on billing. The main measure I'd lean on is tickets
resolved without escalation that are not reopened afterwards, alongside customer
satisfaction on those tickets. Guardrails would probably be accuracy against our own docs,
policy breaches such as the agent promising a refund it can't give, time to reach a human when
it does escalate, and cost per resolved ticket. Before a new version talks to customers, I'd
grade it on a golden set of past tickets with a rubric, and I'd only trust an automated grader
once it agrees with our support leads on a sample. Online, I'd roll it out gradually by ticket
category against human handling, watching reopen rates and reading transcripts. The hard part
is the escalation threshold: the agent could automate more by escalating less, but a wrong
answer on billing costs more than a handoff, so I'd rather keep billing escalating early until
its reopen rate looks like the human baseline.
""")

HEDGED_DEEP_BULLETS = "\n".join([  # typed: one line per bullet, however long
    "Working for whom",
    "- Customers first, then support staff and finance: a closed ticket isn't a solved problem.",
    "- Segment tickets: billing, how-to, bug reports. Likely good at how-to, risky on billing.",
    "",
    "Measures",
    "- North star: tickets resolved without escalation and not reopened afterwards, plus customer"
    " satisfaction on them.",
    "- Guardrails: accuracy against our docs; policy breaches (promising a refund it can't give);"
    " time to reach a human; cost per resolved ticket.",
    "",
    "Validation",
    "- Offline: golden set of past tickets graded with a rubric; trust an automated grader only"
    " once it agrees with support leads on a sample.",
    "- Online: gradual rollout by ticket category against human handling; reopen rates; read"
    " transcripts.",
    "",
    "Escalation dial",
    "- Fewer escalations automate more, but a wrong billing answer costs more than a handoff.",
    "- Keep billing escalating early until its reopen rate looks like the human baseline.",
])

# ~90 words that make every point once: "levels off ... is novelty, still sliding is decline"
# diagnoses the fall in one clause, where the diagnosis is counted in sentences.
NOVELTY_SHORT = one_paragraph("""
Probably not a problem yet: launch spikes are mostly curious tryers. I'd plot weekly retention
by launch-week cohort; a curve that levels off at, say, a sixth of tryers is novelty, one still
sliding is decline. Then I'd see which tasks the stayers repeat, like tidying meeting notes, and
which first requests failed for the leavers. Measure assistant weekly actives as a share of app
actives, repeat use, and retention against matched non-users. It matters only if users don't
upgrade more than they cost to serve. So: fix failed first requests, add entry points where
repeat tasks happen, and test them against a control.
""")

# The outline's own words, as a run of fragments: nothing in it commits to anything.
OUTLINE_WORDS = one_paragraph("""
Customers, support staff, finance. Billing, how-to, bugs. Resolved without escalation, not
reopened, satisfaction. Accuracy against docs, policy breaches, escalation time, cost. Golden
set, rubric, automated grader checked against humans. Staged rollout by ticket category, reopen
rate, transcripts. Escalation threshold, automation against correctness.
""")

# The right pieces, offered and never chosen.
OPTIONS_UNCHOSEN = one_paragraph("""
There are a few ways we could evaluate it. One option is to look at customer satisfaction
surveys after each ticket. Another option could be the escalation rate to human agents. We
might also build a golden set of past tickets and grade answers against it, or use a language
model as a grader. A staged rollout might be possible too. Each of these has pros and cons, so
it depends on what the team cares about most.
""")


def test_a_hedged_deep_answer_without_digits_is_strong(bank: QuestionBank) -> None:
    q = bank.by_id(SUPPORT)
    reading = read_answers(q, [HEDGED_DEEP])
    assert not any(c.isdigit() for c in HEDGED_DEEP)  # no digits: the case the rule is for
    assert ground_covered(q, reading.units) >= HALF_OF_IT
    assert score_answer(q, HEDGED_DEEP).overall >= HALF_FLOOR


def test_the_same_answer_as_bullets_stays_within_half_a_point(bank: QuestionBank) -> None:
    q = bank.by_id(SUPPORT)
    prose = score_answer(q, HEDGED_DEEP).overall
    bullets = score_answer(q, HEDGED_DEEP_BULLETS).overall
    assert bullets >= HALF_FLOOR
    assert abs(prose - bullets) <= 0.5


def test_a_short_answer_that_packs_its_diagnosis_makes_the_move(bank: QuestionBank) -> None:
    q = bank.by_id(NOVELTY)
    reading = read_answers(q, [NOVELTY_SHORT])
    assert not reading.misses_the_ask
    assert reading.overall() >= MOST_FLOOR


def test_a_run_of_the_outlines_words_covers_nothing(bank: QuestionBank) -> None:
    q = bank.by_id(SUPPORT)
    reading = read_answers(q, [OUTLINE_WORDS])
    assert ground_covered(q, reading.units) < HALF_OF_IT
    assert score_answer(q, OUTLINE_WORDS).overall <= 2.0


def test_options_never_chosen_are_not_lifted(bank: QuestionBank) -> None:
    q = bank.by_id(SUPPORT)
    reading = read_answers(q, [OPTIONS_UNCHOSEN])
    assert ground_covered(q, reading.units) < HALF_OF_IT
    assert score_answer(q, OPTIONS_UNCHOSEN).overall < HALF_FLOOR


def test_a_typed_question_covers_the_ground_read_from_its_prompt(bank: QuestionBank) -> None:
    """No outline: the typed ground's points (`typed_ground.py`) stand in for one. The hedged
    deep answer names no number, so it misses the measure with a bar: 4 of 5."""
    from interviewer.banks import Question
    from interviewer.coach.typed_ground import typed_covered
    q = Question.adhoc("How would you evaluate an AI agent that answers support tickets?")
    units = read_answers(q, [HEDGED_DEEP]).units
    assert ground_covered(q, units) == typed_covered(q, units, committed_texts(units, q))
    assert 0.0 < ground_covered(q, units) < 1.0


def test_only_the_cap_at_the_bar_is_lifted(bank: QuestionBank) -> None:
    """The no-number cap holds a long answer at the bar (3.0) and the ground lifts it; a cap that
    judged the whole answer weak (below the bar) or a gate is final, whichever rule set it."""
    q = bank.by_id(SUPPORT)
    units = read_answers(q, [HEDGED_DEEP]).units
    assert ground_floor(q, units, 3.8, 3.0, gated=False) == MOST_FLOOR
    assert ground_floor(q, units, 3.8, 1.5, gated=False) == 1.5
    assert ground_floor(q, units, 3.8, 2.0, gated=True) == 2.0


# One committing sentence that lists its items: only its first clauses read as committed alone.
REQUIRES = one_paragraph("""
Before the support agent answers customers I'd require: a golden set of past tickets graded
with a rubric; an automated grader checked against human graders; a staged rollout by ticket
category against human handling; guardrails on accuracy against our docs, policy breaches,
escalation time and cost.
""")


def test_a_sentence_that_commits_covers_every_item_it_lists(bank: QuestionBank) -> None:
    q = bank.by_id(SUPPORT)
    units = read_answers(q, [REQUIRES]).units

    def points(texts: list[str]) -> int:
        said = {stem(w) for t in texts for w in words(t)}
        return sum(covers(p, said) for p in q.outline)

    assert points(committed_texts(units)) > points(applied_texts(units))
    assert ground_covered(q, units) == points(committed_texts(units)) / len(q.outline)
    assert ground_covered(q, units) >= HALF_OF_IT
