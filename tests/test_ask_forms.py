"""The ask gate hears the move made in any form: a pick said as a sentence's opening, a first
version called "v one", a side picked in notes ("Speed vs accuracy -> speed"), a break-even said
as a gain covering the cost; and a product's own words (a postal app's packages) are never a
neighbouring question's move. Answers to a neighbouring question stay gated. Examples are
written here, apart from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_asks import MOVES, NEIGHBOUR_MOVES, PROMPT_CONSTRAINTS
from interviewer.coach.first_named import OPENS_WITH_PICK, pick_cues
from interviewer.coach.text import split_sentences
from interviewer.coach.units import question_asks
from interviewer.coach.verdict import dense_after_verdict
from tests.support.answers import one_paragraph

PLANTS = Question.adhoc(
    "A plant-care app wants to tell owners when and how much to water each houseplant from a "
    "photo of the plant and its pot. What would you ship first, and how would you test it?")

PLANTS_TERSE = """
Ship watering reminders for the ten most common houseplants only, with a "soil still wet" button.
Overwatering kills more houseplants than thirst, so a reminder that says wait is worth more than
one that says water.
Photo reads pot size and plant type; no diagnosis of pests or disease yet.
Test: a panel of 200 owners logs soil moisture with a cheap probe for a month, and we block any
plant type whose advice is wrong more than one time in ten.
Then A/B by owner: plants still alive at 60 days and reminders snoozed; guardrail uninstalls.
Add plant types if survival rises and snoozes stay under a third.
"""

PLANTS_SPOKEN = """
yeah so i would ship watering reminders for like the ten most common houseplants
and a soil still wet button because honestly overwatering kills more plants than thirst
so v one just reads the pot size and the plant type from the photo no pest stuff
testing um a couple hundred owners log soil moisture with a cheap probe for a month
and if a plant type gets it wrong more than one in ten we don't turn it on
then a b test by owner plants still alive at sixty days and how often people snooze
"""

PLANTS_PRICING = """
The plant-care app makes money through a subscription, so the question is which tier carries
the photo feature. I'd keep the basic app free and put photo identification in a premium tier at
three dollars a month, because owners with many plants get the most out of it and will pay. An
annual plan at twenty-five dollars would cut churn. I'd upsell premium to owners who add a fifth
plant, with a seven-day free trial. I'd measure the trial-to-paid conversion and the share of
premium subscribers who renew after a year.
"""

PLANTS_STOCK = """
I would start by shipping an MVP, because it is always better to get something in front of
users early than to build everything at once. The MVP would include the core AI features so
owners can start using it. Then I would test it by collecting feedback from users and iterating.
We could look at metrics like engagement and satisfaction to see whether it works.
"""


def test_a_pick_said_as_the_opening_of_a_terse_answer_makes_the_ask() -> None:
    reading = read_answers(PLANTS, [PLANTS_TERSE])
    assert not reading.misses_the_ask
    assert reading.overall() >= 3.0


def test_a_spoken_pick_and_its_v_one_make_the_ask() -> None:
    assert not read_answers(PLANTS, [PLANTS_SPOKEN]).misses_the_ask


def test_pricing_the_app_when_asked_what_ships_first_is_still_gated() -> None:
    reading = read_answers(PLANTS, [PLANTS_PRICING])
    assert reading.misses_the_ask
    assert reading.overall() <= 2.0


def test_a_stock_mvp_line_picks_nothing() -> None:
    reading = read_answers(PLANTS, [PLANTS_STOCK])
    assert not pick_cues(reading.units)
    assert reading.misses_the_ask


@pytest.mark.parametrize("text, picks", [
    ("Ship watering reminders for ten plants only.", True),
    ("so i would ship reminders for the common plants", True),
    ("We must ship reminders for ten plants first.", True),
    ("For a first version I'd keep it to reminders.", True),
    ("Watering reminders first: they prevent the commonest death.", True),
    ("I'd launch in one region with fifty owners.", False),  # a rollout, not a pick
    ("I'd build it carefully and iterate.", False),
    ("We should test it with owners.", False),
])
def test_what_opens_with_a_pick(text: str, picks: bool) -> None:
    assert bool(OPENS_WITH_PICK.search(text)) is picks


FERRY = Question.adhoc(
    "A ferry operator wants a model that predicts how many cars will turn up for each sailing. "
    "What could go wrong, and how would you decide it is ready to rely on?")


def test_how_many_in_what_the_product_does_asks_for_no_estimate() -> None:
    assert "estimate" not in question_asks(FERRY)
    assert "readiness" in question_asks(FERRY)
    asked = Question.adhoc("A ferry operator carries cars across a strait. How many cars does it "
                           "carry in a year?")
    assert "estimate" in question_asks(asked)


FERRY_TERSE = """
Users: the booking desk planning deck space a week out, and the crew loading on the day.
Risks: under-predicting strands drivers on the quay, far worse than an empty lane, so plan to
the 90th percentile; past sailings show cars carried, not cars wanting to travel, so add the
turned-away counts; holidays and storms, so backtest through a summer peak.
Ready when, after eight weeks in shadow beside the desk's own plan, it covers demand on 95% of
sailings and strands no more cars than the desk did; then advisory, then expand.
"""


def test_a_terse_risks_and_bar_answer_is_not_held_for_an_estimate_never_asked() -> None:
    assert not read_answers(FERRY, [FERRY_TERSE]).misses_the_ask


@pytest.mark.parametrize("text, sided", [
    ("2. Speed vs accuracy -> speed", True),
    ("Privacy vs capability: privacy", True),
    ("Rather miss a late parcel scan than wake someone at night.", True),
    ("Prioritise precision over recall for the night alerts.", True),
    ("Lean: precision for the billing flags", True),
    ("i would go for recall on the night alerts because a missed one costs more", True),
    ("The lean team: five people", False),
    ("False alarms vs missed alarms: it depends on the alert type", False),
    ("Pick a pilot city over the next month.", False),  # a time, not a side
])
def test_a_side_said_in_notes_or_plain_words(text: str, sided: bool) -> None:
    assert bool(MOVES["side"].search(text)) is sided


POSTAL = Question.adhoc(
    "A postal service's app sends package tracking notifications. What trade-offs would you make "
    "in how those notifications work, and which side would you take?")

POSTAL_BULLETS = one_paragraph("""
1. Timely vs quiet -> quiet
- A package scanned at every depot pings six times; people mute the app and miss the one that
matters.
- Notify only on out for delivery, delivered and a failed attempt.
2. Exact window vs honest range -> honest range
- A two-hour window missed by the van is worse than a four-hour window kept.
3. Photo proof vs privacy -> photo, blurred
- A delivery photo settles most where-is-my-package calls; blur faces and house numbers.
How I'd know
- Share of users muting package notifications within 30 days goes down
- Calls per thousand packages about missing deliveries go down
""")

POSTAL_PRICING = one_paragraph("""
Tracking notifications should become a revenue line. I'd keep basic tracking free and charge
$2 a month for a premium tier with delivery windows and photo proof. Business senders could
buy a bundle of notifications per thousand packages at a tiered price. I'd upsell premium when
a user tracks a third package in a month, and measure the attach rate and upgrade rate.
""")


def test_the_prompts_own_word_is_not_the_pricing_neighbours_move() -> None:
    reading = read_answers(POSTAL, [POSTAL_BULLETS])
    assert not reading.misses_the_ask


def test_pricing_the_notifications_when_asked_for_trade_offs_is_still_gated() -> None:
    assert read_answers(POSTAL, [POSTAL_PRICING]).misses_the_ask


PRICING = next(move for name, _, move in NEIGHBOUR_MOVES if name == "pricing")


@pytest.mark.parametrize("text, priced", [
    ("We'd charge $4 a month for the premium tier.", True),
    ("Charging users for exports would fund the team.", True),
    ("A wrong charge on someone's card starts a dispute.", False),
    ("The agent confirms anything that becomes a charge.", False),
    ("Once confirmed charges for a scratch hold up, automate that type.", False),
])
def test_a_damage_billed_is_not_a_price(text: str, priced: bool) -> None:
    assert bool(PRICING.search(text)) is priced


def test_a_break_even_said_as_a_gain_covering_the_cost_is_payback() -> None:
    payback = next(answer for prompt, answer in PROMPT_CONSTRAINTS
                   if prompt.search("How would you know whether it pays for itself?"))
    assert payback.search("Keep it if the yearly margin gain covers the running cost plus the "
                          "build within two years; otherwise shelve it.")
    assert not payback.search("The model's precision is high, so it pays for itself.")


GARDEN = Question.adhoc(
    "Should our gardening-supplies shop launch AI-written answers to shoppers' questions on each "
    "product page?")

GARDEN_TERSE = one_paragraph("""
Yes, narrowly, for hardy perennials and tools first. Shoppers ask "will it survive frost?" before
they buy and wait a day for staff.
Risk is a confident wrong answer killing a plant, so answers quote the care sheet and say when
they don't know.
Measure: share of questions answered in under a minute; returns of plants within 30 days.
Guardrails: under 1 wrong answer in 200 audited by staff, complaints per 1,000 orders.
Staff review for two weeks, then 10% of product pages; expand if returns hold, pull on any
answer that contradicts the care sheet.
""")

GARDEN_THIN = one_paragraph("""
Yes, we should launch it.
Other shops are adding AI and we don't want to fall behind.
Shoppers like quick answers and it will make the site feel modern.
If something goes wrong we can fix it later.
""")


def test_a_question_quoted_mid_sentence_does_not_end_it() -> None:
    texts = [s.text for s in split_sentences(
        'Shoppers ask "will it survive frost?" before they buy. Does it work? Yes.')]
    assert texts == ['Shoppers ask "will it survive frost?" before they buy.', "Does it work?",
                     "Yes."]
    spoken = [s.text for s in split_sentences("what changed? so i would check the logs")]
    assert len(spoken) == 2


def test_a_short_dense_answer_opening_with_its_verdict_is_about_the_question() -> None:
    reading = read_answers(GARDEN, [GARDEN_TERSE])
    assert dense_after_verdict(GARDEN, reading.units)
    assert not reading.drifting


def test_a_thin_verdict_or_a_prompt_that_asks_no_yes_or_no_is_not_exempt() -> None:
    assert not dense_after_verdict(GARDEN, read_answers(GARDEN, [GARDEN_THIN]).units)
    how = Question.adhoc("How would our gardening-supplies shop know whether AI-written answers "
                         "on product pages work?")
    assert not dense_after_verdict(how, read_answers(how, [GARDEN_TERSE]).units)
    later = GARDEN_TERSE.replace("Yes, narrowly, for", "For").rstrip() + " So yes, narrowly."
    assert not dense_after_verdict(GARDEN, read_answers(GARDEN, [later]).units)
