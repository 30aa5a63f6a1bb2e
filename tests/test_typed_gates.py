"""Gates and form on typed (ad-hoc) questions, where no outline says what the question is about:
a keyword run that restates the prompt's figure, a trade-off between the rubric's stock sides, a
glossary under bullet labels, a typed bullet's imperative call, "a leaking tap" as no data leak,
and the candidate's own words for a short prompt's subject. Examples are written here, apart
from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question, load_banks
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_bank import stated_problems, unmet_ask
from interviewer.coach.asks_problems import DECISION
from interviewer.coach.bare_list import names_only
from interviewer.coach.echoed_reason import argues
from interviewer.coach.offline import score_answer
from interviewer.coach.recital import hollow
from interviewer.coach.relevance import profile, subject_terms
from interviewer.coach.subject import carried_subject
from interviewer.coach.units import keyword_run

PARCELS = Question.adhoc(
    "A courier company launched an AI that instantly quotes prices for parcel deliveries. "
    "Quote requests tripled, but shipped parcels barely moved. What is going on, and what would "
    "you do?")

PARCEL_RUN = ("Quote requests up 200%, shipped parcels flat: funnel analysis, quote-to-ship rate, "
              "north star, guardrail metrics, price elasticity, segment senders, cohort analysis, "
              "A/B test pricing with 95% confidence, grow parcels by 20%, margin, ROI, iterate.")


def test_a_long_run_of_names_is_a_run_whatever_numbers_it_restates() -> None:
    """The prompt's own figure ("tripled" as "up 200%") does not make a list of names a claim."""
    wide = profile(PARCELS).wide
    assert keyword_run(PARCEL_RUN, wide)
    # An estimate is a chain of numbers, not a run of names.
    assert not keyword_run("Six turns of roughly 3,000 tokens in and 250 out, at $3 and $12 per "
                           "million, is about 7 cents; 9 with retrieval and safety checks.", wide)
    reading = read_answers(PARCELS, [PARCEL_RUN])
    assert reading.recitation
    assert score_answer(PARCELS, PARCEL_RUN).overall <= 1.5


RECAPS = Question.adhoc("Should a podcast app add AI summaries of the episodes you skipped?")


def test_a_trade_off_between_stock_sides_with_nothing_of_the_question_is_hollow() -> None:
    stems = profile(RECAPS).prompt
    assert hollow("The first trade-off is speed versus quality, because faster summaries may have "
                  "lower quality than the episodes.", stems)
    assert hollow("The second trade-off is cost versus benefit for the podcast app.", stems)
    # A side of the question's own, or a specific consequence, is an argued tension.
    assert not hollow("The trade-off is speed versus accuracy: a listener who hears a wrong "
                      "summary of a news episode stops opening any of them.", stems)
    keyboard = load_banks().by_id("privacy-keyboard-learning")
    assert not hollow("The trade-off is quality against privacy.", profile(keyboard).prompt)


def test_a_reason_that_hands_back_the_prompts_nouns_with_a_modal_is_an_echo() -> None:
    stems = profile(RECAPS).prompt
    assert not argues("It matters, because summaries may help the podcast app's episodes.", stems)
    assert argues("It matters, because commuters skip the middle of long interviews.", stems)
    assert "far" not in subject_terms("the story so far")


def test_bullet_labels_over_short_names_are_a_glossary() -> None:
    glossary = """
- Podcast summaries: user needs, segments, pain points
- Skipped episodes: north star metric, conversion, listening time
- Summaries: accuracy, precision, recall
- Trade-offs: latency vs cost, automation vs control
- Prioritisation: impact vs effort, RICE
- Experimentation: A/B test, holdout, staged rollout
- Business impact: revenue, ROI, retention
"""
    assert names_only(read_answers(RECAPS, [glossary]).units)
    assert score_answer(RECAPS, glossary).overall <= 1.5
    claims = """
- Who: commuters who skip the middle of interviews longer than an hour
- Measure: share of skipped episodes resumed within 7 days
- Guardrail: summaries flagged wrong, under 1 in 500
- Test: half of commuters for 4 weeks; keep it only if resumes rise 3 points
- Risk: a wrong summary of a news episode; those stay human-checked
- Cost: about 2 cents per episode, paid once per episode, not per listener
"""
    assert not names_only(read_answers(RECAPS, [claims]).units)


def test_a_typed_bullets_imperative_call_is_a_decision() -> None:
    assert DECISION.search("- Don't scale if wrong answers pass 5% of summaries")
    assert DECISION.search("- Guided pages instead; if they get most of the benefit, build that "
                           "first")
    assert not DECISION.search("We build a model.")


def test_a_leaking_tap_states_no_data_leak() -> None:
    tap = Question.adhoc("A hardware store's app wants an AI that looks at a photo of a leaking "
                         "tap and lists the parts to buy. How would you decide whether to build "
                         "it?")
    assert not [p.name for p in stated_problems(tap) if p.name == "access"]
    said = ["If photo lists get the right part first time for most beginners, build it; "
            "if returns of wrong parts pass 5%, don't scale."]
    assert unmet_ask(tap, said) == ""
    leak = Question.adhoc("Our support chatbot leaks customer data to other users. What do you "
                          "do?")
    assert "access" in [p.name for p in stated_problems(leak)]


def test_the_candidates_own_words_carry_a_short_prompts_subject() -> None:
    prof = profile(RECAPS)
    sentences = ["Summaries help commuters who skip the middle of an episode.",
                 "Commuters resume fewer than half of skipped interviews.",
                 "A guardrail: listeners flag a wrong summary."]
    carried = carried_subject(RECAPS, prof, sentences)
    assert "commuter" in carried or "commut" in carried  # recurs, once beside the prompt's words
    assert "interview" not in carried  # said once
    bank_q = load_banks().by_id("rec-stale-feed")
    bank_prof = profile(bank_q)
    assert carried_subject(bank_q, bank_prof, sentences) == bank_prof.wide  # the outline rules


@pytest.mark.parametrize("form", ["prose", "short"])
def test_a_short_typed_prompts_terse_twin_is_not_sent_away(form: str) -> None:
    """Readers, spoilers and chapters are what an e-book recap question is about, though its
    prompt names none of them: the ~90-word twin is not read as drifting off the question."""
    question = Question.adhoc("Should a reading app add AI recaps of the story so far?")
    prose = (
        "Yes, but only for readers who come back to a book after a long break. A reader who "
        "returns after three weeks forgets who the characters are and often abandons the book, "
        "while a reader who reads nightly does not need a recap. The biggest risk is spoilers, "
        "so a recap uses only the text before the reader's position; I'd take plainer recaps "
        "over richer ones that leak the plot, because one spoiler costs more trust than a "
        "missing recap. For readers back after fourteen days I'd measure the share who read "
        "another chapter that session and books finished within ninety days, with spoiler "
        "reports per thousand recaps as the guardrail. I'd test it on half of returning readers "
        "for a month and ship only if chapters after a return rise three points and spoiler "
        "reports stay under one per thousand.")
    short = (
        "Yes, narrowly: for readers returning after a long break; nightly readers don't need "
        "it. Biggest risk is spoilers, so recaps use only text before the reader's position; "
        "I'd take plainer recaps over richer ones that leak plot. Measure, for readers back "
        "after 14+ days: share reading another chapter that session, books finished within 90 "
        "days. Guardrail: spoiler reports per thousand. Test on half of returning readers for a "
        "month; ship only if chapter-after-return rises 3+ points and spoilers stay under 1 per "
        "1,000.")
    reading = read_answers(question, [prose if form == "prose" else short])
    assert not (reading.drifting or reading.off_topic or reading.misses_the_ask)
    gap = abs(score_answer(question, short).overall - score_answer(question, prose).overall)
    assert gap <= 0.5
