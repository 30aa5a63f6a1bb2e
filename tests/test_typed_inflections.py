"""Typed questions read as an interviewer reads them: the prompt's word in another form ("file":
filers, filed, filing) is the prompt's subject. Examples are written here, apart from the
calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.cues_asks import MOVES
from interviewer.coach.cues_concepts import FAMILIES, Family
from interviewer.coach.relevance import own_form, profile

PERMITS = Question.adhoc(
    "A city is adding an AI helper to its building-permit portal that answers residents' "
    "questions while they file. How would you define success for it?")

PERMITS_ANSWER = (
    "I'd focus on homeowners filing their first renovation permit, because contractors already "
    "know the forms and rarely get stuck. "
    "Success for a filer means the application is filed complete on the first try. "
    "So the headline number is the first-pass acceptance rate of filings from people who used the "
    "helper, against a random holdout who see the old FAQ pages. "
    "I'd call it a win at 5 points or more. "
    "Guardrails: inspectors review 200 sampled replies a week and fewer than 2% may state a wrong "
    "setback or fee, since a wrong reply means a rejected filing and weeks lost. "
    "Clerk phone calls should fall, not rise. "
    "Filers who abandon halfway are the leak I'd watch daily. "
    "If acceptance climbs but wrong replies pass 2%, I would pause the rollout and fix the sources "
    "first.")


def test_a_short_prompt_word_in_another_form_is_the_prompts_word() -> None:
    prompt = profile(PERMITS).prompt
    assert "file" in prompt
    assert {own_form(prompt, t) for t in ("filer", "filed", "filing")} == {"file"}
    # Another word that only begins alike is not a form of it.
    assert own_form(prompt, "filter") == "filter"
    assert own_form(prompt, "film") == "film"


def test_an_answer_about_filers_and_filings_is_about_a_question_on_filing() -> None:
    reading = read_answers(PERMITS, [PERMITS_ANSWER])
    assert not reading.off_topic and not reading.drifting
    assert reading.overall() >= 4.0


COFFEE = Question.adhoc("A coffee chain's app will use AI to choose which drink discounts each "
                        "member gets. How would you know whether it pays for itself?")

COFFEE_MEDIUM = (
    "I'd run an A/B test. Half the members get the AI-chosen discounts, half keep the standard "
    "offers they get today. Then I'd look at:\n"
    "- Offer redemption rate\n- Visits per member\n- Average order value\n- Spend per customer\n\n"
    "The extra sales in the AI group have to be more than what we give away in discounts. "
    "So I'd take the difference in monthly spend between the groups and subtract the extra "
    "discount cost; if it's positive, it pays for itself.")


def test_two_arms_compared_net_of_the_discount_answer_whether_it_pays_for_itself() -> None:
    """Half get it, half do not; the gain between the groups set against what is given away: the
    comparison the ask needs, in plain words (a medium answer: no bar, no duration)."""
    reading = read_answers(COFFEE, [COFFEE_MEDIUM])
    assert not reading.misses_the_ask and not reading.recitation
    assert 2.5 <= reading.overall() <= 3.5
    # The same names as a list argue nothing.
    listed = ("A/B test, holdout, incrementality, redemption rate, average order value, spend per "
              "customer, ROI, break-even, net margin.")
    assert read_answers(COFFEE, [listed]).overall() <= 2.0


GARDEN = Question.adhoc(
    "You're the PM of a gardening app with three AI ideas: plant identification from photos, a "
    "watering-schedule planner, and a pest diagnosis chat. How would you prioritise them, and how "
    "would you test the one you ship first?")

GARDEN_ORDER = (
    "I'd score them on reach and effort.\n"
    "- Plant identification: high reach, low effort\n"
    "- Watering planner: medium reach, medium effort\n"
    "- Pest chat: low reach, high effort\n\n"
    "So plant identification goes first because most gardeners meet an unknown plant every week, "
    "then the watering planner, then the pest chat. "
    "To test it I'd run an A/B test where half of new users get identification and half don't. "
    "If the identification group keeps more plants logged after a month, we roll it out.")


def test_an_order_said_as_first_then_then_is_a_ranking() -> None:
    """"X goes first, then Y, then Z" puts all three in order: the prioritising the ask wants."""
    reading = read_answers(GARDEN, [GARDEN_ORDER])
    assert not reading.misses_the_ask
    assert reading.overall() >= 3.0
    # A condition is no order: "if it works, then we ship" ranks nothing.
    assert MOVES["first-choice"].search("If it works, then we ship it.") is None
    assert MOVES["first-choice"].search("Identification, then the planner, then the chat.")


SPAM = Question.adhoc("A forum for hobby photographers is adding a model that hides spam "
                      "comments. What trade-offs would you face, and which side would you come "
                      "down on?")

SPAM_SHORT = (
    "The main tension is hiding spam vs hiding real comments from new members. "
    "I'd favour precision for hiding: a newcomer whose first comment vanishes feels unwelcome and "
    "rarely posts again. Hide automatically only above 97% precision on a weekly audit. "
    "For borderline ones, collapse them behind a click instead. "
    "Track restored comments (under 3%) and new-member second posts, after a week in shadow mode.")


def test_a_side_whose_reason_follows_a_colon_is_argued() -> None:
    """"I'd favour precision: a newcomer whose comment vanishes feels unwelcome" gives its reason
    as "because" would, after the tension named just before it."""
    reading = read_answers(SPAM, [SPAM_SHORT])
    assert reading.dimensions["trade-offs"].score >= 4.0
    assert reading.overall() >= 3.3
    # A bare preference is still no argued side.
    bare = read_answers(SPAM, ["I'd favour precision for hiding: it is better."])
    assert bare.dimensions["trade-offs"].score <= 3.0


SPAM_HEDGE = (
    "Spam is a big problem for every online community, and members really care about the quality "
    "of the comments they read. So the key trade-off is really about balance. On one hand we want "
    "to hide spam comments, and on the other hand we want to keep real comments. Hiding spam is "
    "important because spam comments are bad for the forum. Keeping real comments is important "
    "because real comments are good for the forum. Which side would I come down on? It's about "
    "finding the right balance, and that will depend on the situation. Ideally we'd combine AI and "
    "human judgment, because AI is fast and humans are thoughtful. Ultimately, what matters most "
    "is the community, and if we keep it at the centre, we will make the right trade-offs over "
    "the long term.")


def test_a_prompt_asking_which_side_is_not_answered_by_balance() -> None:
    """"Which side would you come down on?" asks for a side: "it's about the right balance",
    however padded, has not given one; the prompt's words asked back take none either."""
    hedge = read_answers(SPAM, [SPAM_HEDGE])
    assert hedge.misses_the_ask
    assert hedge.overall() <= 2.0
    # A side, however it is said, answers it: a reason after a colon, or a typed label.
    assert not read_answers(SPAM, [SPAM_SHORT]).misses_the_ask
    assert MOVES["side"].search("Precision over reach for new members: hide only at 97%.")
    assert MOVES["side"].search("My side: precision, because a lost newcomer rarely returns.")


def _family(name: str) -> Family:
    return next(f for f in FAMILIES if f.name == name)


def test_a_numbered_measure_step_a_rate_per_thousand_and_counted_problems_are_read() -> None:
    """A numbered plan's "2. Measure against matched stores: returns per 1,000 orders" names a
    success measure and a concrete rate, as a dashed item would; "two problems sit in the
    checkout" frames the problem. A bare "problems" in a platitude still frames nothing new."""
    step = "2. Measure against matched stores: returns per 1,000 orders and the share of refunds."
    assert _family("north-star").pattern.search(step)
    assert _family("concrete").pattern.search("refunds per 1,000 orders")
    assert _family("problem").pattern.search("Two problems sit in the checkout today.")
    assert not _family("problem").pattern.search("Launching early could cause problems.")
