"""Recitation in any grammar scores at most 2 (issue 9, item 1): rubric concepts strung into
sentences, the product's name sprinkled in, frameworks recited in the first person or in an
advice voice, numbers that belong to no plan. The same concepts applied to the question, with
its specifics, keep their credit. Examples are written for these tests, on questions of the
dev split or with no calibration answers; none is taken from the calibration set."""

from __future__ import annotations

import pytest

from interviewer.banks import QuestionBank
from interviewer.coach.analysis import read_answers
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.cues_markers import REASON
from interviewer.coach.offline import OfflineCoach
from interviewer.coach.recital import hollow, recites, tied_number
from interviewer.coach.relevance import profile

CEILING = 2.0


def _overall(bank: QuestionBank, qid: str, text: str) -> float:
    return OfflineCoach().score([AnsweredQuestion(bank.by_id(qid), [text])]).overall


GAMING = [
    # buzzwords strung into one grammatical sentence, with the product's name
    ("genai-image-free-tier",
     "For the design app's image generation we need to look at unit economics, pricing "
     "strategy, tiering and willingness to pay, then define a north star metric with guardrails "
     "on cost and quality, run A/B tests with holdouts, segment free and paid users, and "
     "prioritise with impact versus effort."),
    # one concept per sentence, each with the product's name and a decision verb
    ("genai-image-free-tier",
     "For the image generation offering, I would define a clear north star metric that reflects "
     "value. I would make sure the free tier has guardrail metrics so we don't hurt the "
     "experience. I'd segment the users of the design app to find the most valuable group. I'd "
     "run an A/B test on any change to the free tier to validate the impact. Finally I'd "
     "prioritise the options by impact and effort and iterate on the offering."),
    # the same in the third person
    ("rec-similar-products",
     "The similar products carousel should be measured with a north star metric tied to "
     "business value. The furniture retailer should also track guardrail metrics to protect the "
     "user experience. It is a good idea to segment shoppers, because different shoppers want "
     "different things. The carousel should be validated with an A/B test before launch, and the "
     "team should monitor it after launch. This approach keeps the carousel focused on customers "
     "and on the business."),
    # advice voice: what good teams do
    ("engage-feed-ranking-update",
     "When a metric drops after a ranking update, the first step is always to check the data "
     "pipeline and the logging. Next, a strong candidate segments the drop by platform, region "
     "and user cohort. Then they form hypotheses about the root cause and validate them with "
     "analysis. If the ranking model is at fault, the team should roll back and run a proper "
     "A/B test. Finally, they should put monitoring and alerts in place so it doesn't happen "
     "again."),
    # privacy doctrine strung together, padded with targets that belong to no plan
    ("privacy-maps-suggestions",
     "To make location suggestions less creepy, we should prioritise trust, transparency, user "
     "control and privacy by design, measure opt-in and engagement as our north star with "
     "guardrails, run an A/B test with a holdout, and balance personalization and privacy. "
     "This could increase engagement by 15% and retention by 10%."),
    # a spoken keyword run, as the transcriber writes it
    ("engage-feed-ranking-update",
     "we'd want to um look at the north star and the guardrails and like segment by platform "
     "and cohort and check the experiment logs and the holdout and then do a root cause "
     "analysis and roll back if needed and then iterate"),
]


@pytest.mark.parametrize(("qid", "text"), GAMING, ids=[
    "strung-sentence", "one-concept-per-sentence", "third-person", "advice-voice",
    "doctrine-and-targets", "spoken-run"])
def test_recitation_in_any_grammar_scores_at_most_two(bank: QuestionBank, qid: str,
                                                      text: str) -> None:
    assert _overall(bank, qid, text) <= CEILING


STRONG_TERSE = [
    ("genai-image-free-tier",
     "GPU spend grows with free generations, so I'd cap the free tier at ten images a day and "
     "keep it unlimited for paid seats, because a cap converts the heavy free users who cost us "
     "most while casual users never hit it. I'd test the cap on new sign-ups for four weeks: "
     "ship if paid conversion rises and week-four retention of free users falls less than two "
     "points; if retention drops more, raise the cap to twenty. Cheaper distilled models for "
     "drafts come second, since they cut cost per image without touching pricing."),
    ("rec-similar-products",
     "On a sofa page a shopper compares, so the carousel should show sofas of the same size and "
     "style at nearby prices, not rugs; complements belong in a separate row after add to cart. "
     "Success is carousel-assisted orders per product-page view, with returns of those orders as "
     "a guardrail, because look-alike picks that don't fit come back. I'd A/B test it on ten "
     "percent of traffic for three weeks and keep it only if assisted orders rise without page "
     "load slowing past two hundred milliseconds."),
]


@pytest.mark.parametrize(("qid", "text"), STRONG_TERSE, ids=["free-tier-cap", "sofa-carousel"])
def test_terse_applied_answers_keep_their_credit(bank: QuestionBank, qid: str,
                                                 text: str) -> None:
    assert _overall(bank, qid, text) >= 3.5


def test_a_chain_of_concept_names_is_recited_but_a_list_of_real_metrics_is_not(
        bank: QuestionBank) -> None:
    prompt = profile(bank.by_id("rec-similar-products")).prompt
    chain = ("For the carousel we should define a north star metric and guardrail metrics, "
             "segment the users, run an A/B test with a holdout, and iterate on the roadmap.")
    assert recites(chain, prompt)
    metrics = ("Guardrails: returns of carousel orders, page load at p95, and clicks on sofas "
               "that are out of stock.")
    assert not recites(metrics, prompt)


@pytest.mark.parametrize(("text", "tied"), [
    ("we'd aim to improve engagement by 10% this quarter", False),
    ("every test runs until it reaches 95% confidence", False),
    ("a 20% lift in weekly actives", False),
    ("p95 latency stays under 200 ms", True),
    ("a test on five percent of casual shoppers", True),
    ("cap the free tier at ten images a day", True),
])
def test_a_target_with_no_anchor_is_not_a_tied_number(text: str, tied: bool) -> None:
    assert tied_number(text) is tied


def test_padded_targets_do_not_make_a_sentence_applied(bank: QuestionBank) -> None:
    q = bank.by_id("privacy-low-opt-in")
    padded = read_answers(q, ["My goal would be to improve opt-in by 10% this quarter."])
    assert padded.applied_sentences == 0
    anchored = read_answers(q, ["I'd ask for consent after a shopper's third search in a "
                                "category, and ship it if opt-ins rise by 10% with no rise in "
                                "later opt-outs."])
    assert anchored.applied_sentences == 1


@pytest.mark.parametrize(("qid", "text", "empty"), [
    ("rec-similar-products", "The carousel should be validated with an A/B test before launch.",
     True),
    ("prio-fintech-roadmap", "Fraud detection first.", False),
    ("privacy-keyboard-learning", "The trade-off is quality against privacy.", False),
])
def test_a_concept_named_with_nothing_of_the_question_is_hollow(bank: QuestionBank, qid: str,
                                                                text: str, empty: bool) -> None:
    """Picking one of the question's own options, or naming its two sides, is not hollow."""
    assert hollow(text, profile(bank.by_id(qid)).prompt) is empty


def test_a_consequence_after_a_semicolon_is_a_reason() -> None:
    """"If they make the items easier, the rate climbs; so the items come from a fixed bank"
    gives the grounds of a design choice, as the same clause after a comma does."""
    assert REASON.search("the solve rate climbs; so the follow-up items come from a fixed bank")
    assert not REASON.search("the solve rate climbs; so far so good")
