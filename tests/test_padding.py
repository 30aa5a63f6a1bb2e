"""Padding applies nothing (`coach/padding.py`): thanks and praise of the question, the question
handed back, a claim said again, the return named with no figure, "whether it is worth it".
Examples are written for these tests, not taken from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import Reading, read_answers
from interviewer.coach.units import is_applied

FERRY = Question.adhoc(
    "A regional ferry company wants AI to predict which sailings will sell out, so it can add "
    "extra boats in time. What would you ship first, and how would you test it?")
PAYBACK = Question.adhoc(
    "A ferry company wants AI to predict which sailings will sell out so it can add extra "
    "boats. How would you know the forecast pays for itself?")

CLAIM = ("I'd ship the sell-out forecast for summer weekend crossings first, because those "
         "sailings leave cars on the dock every week.")


def _applied(reading: Reading) -> dict[str, bool]:
    return {u.piece.text: is_applied(reading.units, i) for i, u in enumerate(reading.units)}


def test_praise_of_the_question_is_filler_not_a_reason() -> None:
    praise = ("Ferry travel is such an interesting space, because it mixes island commuters, "
              "freight and summer tourists.")
    applied = _applied(read_answers(FERRY, [f"Thank you for the question. {praise} {CLAIM}"]))
    assert applied == {"Thank you for the question.": False, praise: False, CLAIM: True}


def test_the_question_handed_back_is_neither_a_claim_nor_a_signpost() -> None:
    restated = ("So the question is what we would ship first and how we would test it, for AI "
                "that predicts which sailings will sell out so the company can add extra boats.")
    reading = read_answers(FERRY, [f"{restated} {CLAIM}"])
    handed_back = [u for u in reading.units if u.piece.text in restated]
    assert handed_back and all(u.restated for u in handed_back)
    assert not any(is_applied(reading.units, i) for i, u in enumerate(reading.units)
                   if u in handed_back)
    assert "signposting" not in reading.dimensions["communication"].applied
    # The same sentence start framing the candidate's own view is a claim, not a restatement.
    own = ("So the question is really whether a missed sell-out strands commuters or only "
           "tourists, since commuters have no other way off the island.")
    assert not read_answers(FERRY, [own]).units[0].restated


def test_a_claim_said_three_times_counts_once() -> None:
    again = ("The sell-out forecast for weekend crossings is what matters, so it makes sense "
             "to build it first.")
    close = ("To sum up, I'd ship the sell-out forecast for weekend crossings first, because "
             "of the cars those sailings leave on the dock.")
    once = read_answers(FERRY, [CLAIM])
    thrice = read_answers(FERRY, [f"{CLAIM} {again} {close}"])
    assert thrice.applied_sentences == once.applied_sentences == 1
    # Said again, "...so it makes sense to build it first" names the ranking, ranks nothing new;
    # the close still closes (communication), it adds no rubric instance.
    credited = {u.piece.text for k, d in thrice.dimensions.items() if k != "communication"
                for us in d.applied.values() for u in us}
    assert credited <= {CLAIM}
    assert "ranking" in thrice.dimensions["prioritization"].mentioned


def test_a_bar_said_after_its_claim_is_new_content() -> None:
    bar = ("Ship the weekend crossings forecast once it flags 90% of sell-outs two days ahead "
           "in a replay of last summer.")
    reading = read_answers(FERRY, [f"{CLAIM} {bar}"])
    assert reading.applied_sentences == 2


def test_the_return_named_is_not_a_cost_sized() -> None:
    named = "To answer that, I would look at the return on investment, or ROI, of the forecast."
    assert "cost" not in read_answers(PAYBACK, [named]).dimensions["business-impact"].applied
    sized = ("An extra boat costs about $4,000 a sailing, so the ROI is positive when the "
             "forecast fills it with 150 more passengers at $30 a ticket.")
    assert "cost" in read_answers(PAYBACK, [sized]).dimensions["business-impact"].applied


def test_asking_whether_it_is_worth_it_takes_no_side() -> None:
    asked = ("By comparing the ticket revenue and the cost of the extra boats, we can see "
             "whether the forecast is worth it for the ferry company.")
    reading = read_answers(PAYBACK, [asked])
    assert "side-taken" not in reading.dimensions["trade-offs"].applied
    assert "side-taken" not in reading.dimensions["trade-offs"].mentioned
    taken = ("I'd rather sail an extra boat half empty than leave commuters on the dock, "
             "because a missed ferry costs them a day's work.")
    assert "side-taken" in read_answers(PAYBACK, [taken]).dimensions["trade-offs"].applied


def test_calling_the_choice_important_is_no_reason() -> None:
    hollow = ("I'd ship the sell-out forecast first, because the forecast is the core of the "
              "whole experience.")
    assert not read_answers(FERRY, [hollow]).units[0].reason
    headline = ("I'd ship the sell-out forecast first, since that's the headline feature: a "
                "commuter sees a warning on the timetable and books another crossing.")
    assert not read_answers(FERRY, [headline]).units[0].reason
    assert read_answers(FERRY, [CLAIM]).units[0].reason


def test_a_commitment_in_the_prompts_words_alone_applies_nothing() -> None:
    vague = "In terms of testing, I would test the sailings thoroughly."
    pick = "I'd choose the extra boats."
    applied = _applied(read_answers(FERRY, [f"{CLAIM} {vague} {pick}"]))
    assert applied == {CLAIM: True, vague: False, pick: True}


def test_a_product_that_estimates_is_not_an_estimation_question() -> None:
    from interviewer.coach.units import question_asks
    setup = Question.adhoc(
        "A ferry company wants to estimate tomorrow's car bookings from weather forecasts. What "
        "could go wrong, and how would you decide it is ready to replace the booking desk?")
    assert "estimate" not in question_asks(setup)
    for asked in ("Estimate how many extra sailings a ferry company needs each summer.",
                  "A ferry company adds summer boats. How would you estimate the extra sailings?"):
        assert "estimate" in question_asks(Question.adhoc(asked))


def test_a_before_and_after_comparison_is_a_baseline_for_payback() -> None:
    from interviewer.coach.cues_asks import PROMPT_CONSTRAINTS
    payback = [answer for prompt, answer in PROMPT_CONSTRAINTS
               if prompt.search("How would you know the forecast pays for itself?")]
    assert payback
    said = ("I'd compare bookings for the three months before launch with the three months after "
            "the forecast went live.")
    assert payback[0].search(said)
    assert not payback[0].search("I'd track bookings every month on a dashboard.")


def test_the_space_praised_in_superlatives_is_filler() -> None:
    """"One of the most powerful levers a ferry line has", "faster than ever": the space's
    importance argues nothing about this product; a plain fact about a cost is kept."""
    from interviewer.coach.padding import is_filler
    assert is_filler("Sell-out forecasts are one of the most powerful tools a ferry line has, "
                     "because they bring travellers back.")
    assert is_filler("Coastal travel is changing faster than ever, with cheap flights everywhere.")
    assert is_filler("This is one of the most exciting problems in travel today.")
    assert not is_filler("Fuel is one of the biggest costs of a crossing, so empty sailings hurt.")
