"""What a question asks beyond speed, cost and new users: wrong answers, leaks, safety, opt-outs,
abuse, a fall in a number; and the call a decision question asks for (launch or wait, keep or
not) or the pick a prioritising one asks for. A polished answer to a neighbouring question about
the same product never works on it and is capped at 2; an on-question answer is not. Examples
are written here, apart from the calibration set, on dev-split questions only."""

from __future__ import annotations

from interviewer.banks import Question, QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.asks_bank import asks_decision, asks_pick, stated_problems, unmet_ask
from interviewer.coach.text import split_sentences

FOOD = ("A food delivery app shows an AI summary of each restaurant's reviews. Customers complain "
        "the summaries are often inaccurate and sometimes leave out allergy warnings. What "
        "would you do?")
DATING = ("A dating app wants to launch AI-suggested opening messages in time for Valentine's "
          "Day, six weeks from now. Should it launch by then? How would you decide?")

RAG_ON = (
    "The security admin signs the deal, so leaks come first: retrieval is filtered by the "
    "asker's document permissions at query time, and before go-live we red-team it with test "
    "accounts that must not see HR folders, with zero leaks as the bar. For wrong answers, "
    "each answer cites the passages it used, and when evidence is thin it says it doesn't know "
    "instead of guessing. I'd measure reported wrong answers per thousand questions and time "
    "saved per question, then pilot with three design partners.")
RAG_ADOPTION = (
    "Most seats a company buys are never activated, so I'd focus on employees new to the tool. "
    "Inside Slack the tool would suggest itself when someone asks a question a document could "
    "answer. Onboarding connects the wiki, the drive and the ticket system in one click. I'd "
    "measure activated seats as a share of purchased seats and weekly active searchers per "
    "account, and A/B test the in-chat suggestions on second-week return rate.")

OPTOUT_ON = (
    "Turning the AI off is a trust signal that lags usage. I'd look at the last memory each "
    "user saw before they opted out: my guess is painful ones, an ex or someone who died. If "
    "opt-outs cluster after memories with people who vanished from recent photos, that's the "
    "cause, so I'd filter those and let people hide a person rather than switch everything "
    "off, and A/B test it on the opt-out rate with retention as a guardrail.")
OPTOUT_GROWTH = (
    "Daily actives are flat, so the opportunity is users who never open memories. The funnel "
    "is backed up, saw a memory, opened it, shared it, and my bet is most never see one. I'd "
    "move a memory to the top of the grid and send a weekly digest. Metrics: weekly memory "
    "viewers and shares, with notification opt-outs as a guardrail. I'd A/B test it for three "
    "weeks and roll out if viewers rise fifteen percent.")

DATING_ON = (
    "Valentine's week is our busiest, so a failure then is seen by the most people. The bar: "
    "reply rate to first messages up three points with no rise in reports or unmatches, and "
    "no suggested opener about someone's body on a red-team set. Weeks three and four we test "
    "on five percent of users. If both bars are met by week five, I'd launch to half of users "
    "with a kill switch; if reports rise, we wait for spring.")
DATING_METRICS = (
    "The north star is the share of matches that reach ten messages within a week. Leading "
    "indicators: the share of matches with a first message, and reply rate to first messages, "
    "split by whether the opener was suggested or edited. Guardrails: reports and blocks per "
    "thousand first messages, and unmatches within a day. I'd segment by gender and market.")

FOOD_ON = (
    "An allergy warning left out can put someone in hospital, so that comes first: a separate "
    "check scans every review for nut, gluten or shellfish mentions and always shows them above "
    "the summary. For inaccurate summaries, each claim must be supported by two recent reviews, "
    "or it is dropped. Raters check two hundred summaries a week for unsupported claims and "
    "missing allergy mentions, which must be zero.")
FOOD_CONVERSION = (
    "I'd make the summaries drive orders. They would highlight what this customer cares about "
    "from their order history, and pull out the three most praised dishes with a button to add "
    "them to the basket. I'd measure order conversion from restaurant pages and basket size, "
    "and A/B test each change for two weeks.")


def _said(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_problems_beyond_speed_cost_and_new_users_are_read_from_prompt_and_outline(
        bank: QuestionBank) -> None:
    assert [p.name for p in stated_problems(bank.by_id("search-enterprise-rag"))] == [
        "wrong-answers", "access"]
    assert [p.name for p in stated_problems(bank.by_id("engage-ai-features-opt-out"))] == [
        "opt-out"]
    assert [p.name for p in stated_problems(bank.by_id("engage-ai-playlists-drop"))] == [
        "decline"]
    assert [p.name for p in stated_problems(bank.by_id("mlsd-marketplace-fake-listings"))] == [
        "abuse"]
    # A typed prompt states only the narrow problems: "check for fraud" is what the product does.
    assert [p.name for p in stated_problems(Question.adhoc(FOOD))] == ["wrong-answers", "safety"]
    assert stated_problems(Question.adhoc(
        "A car insurer wants an AI that routes claims: pay fast, or check for fraud. How would "
        "you measure it?")) == ()


def test_a_neighbour_that_never_works_on_the_stated_problem_is_capped(bank: QuestionBank) -> None:
    rag = bank.by_id("search-enterprise-rag")
    assert unmet_ask(rag, _said(RAG_ON)) == ""
    assert unmet_ask(rag, _said(RAG_ADOPTION)) == "wrong-answers"
    assert read_answers(rag, [RAG_ADOPTION]).overall() <= 2.0
    food = Question.adhoc(FOOD)
    assert unmet_ask(food, _said(FOOD_ON)) == ""
    assert unmet_ask(food, _said(FOOD_CONVERSION)) == "wrong-answers"
    assert read_answers(food, [FOOD_CONVERSION]).overall() <= 2.0


def test_naming_an_opt_out_once_as_a_guardrail_does_not_work_on_it(bank: QuestionBank) -> None:
    q = bank.by_id("engage-ai-features-opt-out")
    assert unmet_ask(q, _said(OPTOUT_ON)) == ""
    assert unmet_ask(q, _said(OPTOUT_GROWTH)) == "opt-out"
    assert read_answers(q, [OPTOUT_GROWTH]).overall() <= 2.0
    assert not read_answers(q, [OPTOUT_ON]).misses_the_ask


def test_a_decision_question_asks_for_a_call_not_a_plan(bank: QuestionBank) -> None:
    dating = Question.adhoc(DATING)
    assert asks_decision(dating)
    assert asks_decision(bank.by_id("search-travel-ads-cannibalization"))  # "whether to keep"
    # "decide what to do" after a diagnosis asks for no yes-or-no call.
    assert not asks_decision(bank.by_id("engage-ai-features-opt-out"))
    assert unmet_ask(dating, _said(DATING_ON)) == ""
    assert unmet_ask(dating, _said(DATING_METRICS)) == "decision"
    assert read_answers(dating, [DATING_METRICS]).overall() <= 2.0
    assert not read_answers(dating, [DATING_ON]).misses_the_ask


def test_a_prioritising_question_asks_for_a_pick(bank: QuestionBank) -> None:
    q = bank.by_id("prioritize-productivity-ai")
    assert asks_pick(q)
    pick = ("I'd pick meeting summaries over smart replies, because the pain is an hour of "
            "notes per meeting, and measure minutes saved per meeting.")
    plan = ("For smart replies, the model drafts three replies from the thread, and we measure "
            "the share of replies sent with light edits and time to reply.")
    assert unmet_ask(q, _said(pick)) == ""
    assert unmet_ask(q, _said(plan)) == "pick"


def test_a_word_the_prompt_uses_shows_no_other_product() -> None:
    """"Reviews" and "claims" in a food question are the restaurant's reviews and the summary's
    claims, not code review or insurance: the on-question answer is not sent back."""
    text = (FOOD_ON + " Stale reviews cause most errors, so only reviews from the last six "
            "months count. Reviews that mention a reaction are pinned. If two reviews disagree, "
            "the summary says so. Customers can open the reviews behind each claim, and a "
            "complaint about a summary sends it back for review.")
    reading = read_answers(Question.adhoc(FOOD), [text])
    assert not reading.off_topic
    assert reading.overall() >= 3.0
