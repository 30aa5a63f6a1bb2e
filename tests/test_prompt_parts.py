"""What a bank prompt asks in so many words, which a polished answer to a sibling question about
the same product never gives: the guardrails it asks for, what could go wrong, the substitute its
users are leaving for, exposure concentrated on a few worked on more than in passing, and, for
"is it working?", a judgement against what would have happened without it. Examples are
written here, apart from the calibration set, on dev-split questions only."""

from __future__ import annotations

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import DRIFT_CAP, read_answers
from interviewer.coach.asks_bank import unmet_ask
from interviewer.coach.text import split_sentences

# Asked what to ship first and with which guardrails; answers how to rank the itineraries.
TRAVEL_RANKING = (
    "The agent lives or dies on which itinerary it puts first, so I'd work on ranking. A "
    "business traveller wants the airline where they have status and a hotel near the office, "
    "a leisure traveller wants the lowest total price. I'd learn each traveller's weights from "
    "their past year of trips. I'd measure how often the first itinerary is the one they book, "
    "and ship the new ranking if that rises by four points in a four-week test.")
TRAVEL_GUARDED = (
    "I'd ship the agent for repeat business trips first, with a one-tap confirmation before any "
    "charge to the saved card, because travellers fear a wrong nonrefundable fare most. Each "
    "trip has a spending cap, and every action goes into a log the traveller can undo within a "
    "day. I'd measure bookings changed within a week against ones people made themselves.")
# Asked what could go wrong; gives launch gates and targets, names no way it goes wrong.
BROWSER_GATES = (
    "Before a wide launch I'd require 98% task completion on a set of 400 scripted tasks and a "
    "satisfaction score of 4.4. We'd run a six-week beta with 2,000 users, then 20%, then 60%, "
    "then everyone. I'd want a 25% cut in time spent on email and shopping.")
# Asked how to respond to people asking a chat assistant instead of searching; answers how to
# keep the engine's own AI answers accurate.
SEARCH_ACCURACY = (
    "AI answers in search have to be right, so I'd start with quality. Raters would grade a "
    "weekly sample of three thousand answers against their cited sources, and any category above "
    "three percent unsupported claims gets answers switched off until it is fixed. I'd require "
    "two agreeing sources on health and money queries, because one famous wrong answer costs "
    "more than many good ones earn.")
SEARCH_ON = (
    "The queries moving to chat first are long how-to and research ones, which carry little ad "
    "revenue, so I'd put AI answers there first, with sources linked, and keep shopping and "
    "local results as they are. I'd rather take some of those clicks myself than let a rival "
    "assistant own the habit. I'd watch searches per user and revenue per query by intent.")
# Asked how to change the ranking; answers how to help new hosts price, naming the popular
# listings once as the cause.
MARKET_PRICING = (
    "New hosts leave because they price themselves out: they copy the popular listings nearby "
    "and get no bookings. I'd give new hosts a suggested nightly price from comparable homes and "
    "a launch discount for their first three stays, because early reviews are what they need. "
    "I'd measure days to first booking and ninety-day host retention.")
BANK_REVIEW = (
    "First I'd ask what it was built for; I'll assume taking simple calls off the call centre. "
    "For each top intent I'd look at the share of chats with no call within two days. Then I'd "
    "compare call volume for those intents against the same months last year. My verdict: it's "
    "working if most covered chats end without a call and call volume is down against last "
    "year.")


def _unmet(bank: QuestionBank, qid: str, text: str) -> str:
    return unmet_ask(bank.by_id(qid), [s.text for s in split_sentences(text)])


def test_guardrails_asked_for_must_be_named(bank: QuestionBank) -> None:
    """Before the rule the ranking answer scored 4.0 on this question."""
    assert _unmet(bank, "assistant-travel-booking-agent", TRAVEL_RANKING) == "guardrails"
    q = bank.by_id("assistant-travel-booking-agent")
    assert read_answers(q, [TRAVEL_RANKING]).overall() <= DRIFT_CAP
    assert _unmet(bank, "assistant-travel-booking-agent", TRAVEL_GUARDED) == ""


def test_what_could_go_wrong_needs_a_way_it_goes_wrong(bank: QuestionBank) -> None:
    assert _unmet(bank, "rai-browser-agent-permissions", BROWSER_GATES) == "risks"
    q = bank.by_id("rai-browser-agent-permissions")
    assert read_answers(q, [BROWSER_GATES]).overall() <= DRIFT_CAP


def test_the_substitute_people_leave_for_must_be_worked_on(bank: QuestionBank) -> None:
    assert _unmet(bank, "strategy-search-incumbent-response", SEARCH_ACCURACY) == "substitute"
    assert _unmet(bank, "strategy-search-incumbent-response", SEARCH_ON) == ""


def test_concentration_named_once_as_a_cause_is_not_worked_on(bank: QuestionBank) -> None:
    assert _unmet(bank, "rec-marketplace-concentration", MARKET_PRICING) == "fairness"


def test_is_it_working_is_judged_against_a_comparison(bank: QuestionBank) -> None:
    """Before the rule a review against last year and a verdict with its condition missed the
    diagnose move (no cause words) and was capped at 2."""
    q = bank.by_id("assistant-bank-chat-review")
    reading = read_answers(q, [BANK_REVIEW])
    assert not reading.misses_the_ask
    assert reading.overall() >= 3.0
