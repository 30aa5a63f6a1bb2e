"""Rules read from the bd17- dev round (answers written and graded blind): a call on "it" is a
call on what the prompt proposes; "how would you know it is better" and "how would you roll it
out" ask for a measure and a rollout; a glossary typed as sentences, dated history and a method
told with nothing of the question are not reasoning. Examples are written here, apart from the
calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.background import retells_history
from interviewer.coach.bare_list import names_only
from interviewer.coach.proposal import names_proposal, proposal_terms
from interviewer.coach.relevance import subject_terms
from interviewer.coach.units import question_asks

FORUM = Question.adhoc(
    "A recipe forum wants an AI to hide spam replies until a moderator checks them. Would you "
    "launch it, and how would you test it?")

FORUM_ON = """
Yes, as a hide-until-checked queue, never silent deletion, starting on the most visited recipes
where spam replies pile up fastest and moderators check them hours late. Success is fewer spam
replies seen per thousand recipe views; guardrails are the share of hidden replies a moderator
restores and how long a hidden reply waits, under twenty minutes. I'd favour precision, because a
wrongly hidden reply from a regular cook costs more goodwill than a missed spam link costs us.
Test: two weeks in shadow mode against moderator decisions, launch only if nine in ten hidden
replies would have been removed, then an A/B test by recipe page; stop if replies per recipe drop
more than five percent.
"""

FORUM_OTHER = """
I'd frame this around the cook who opens a recipe wanting tips and finds the newest replies,
which are usually the least useful. The goal is to show the most helpful replies first. I'd focus
on people cooking a recipe for the first time, because they read replies for substitutions. The
product: a helpful-first ordering that ranks replies by predicted usefulness, using signals like
photos of the result, upvotes and replies from the recipe's author. Success: the share of recipe
visitors who read past the first screen of replies, and thirty-day return visits of cooks who
read replies. The trade-off is helpfulness versus freshness; I'd keep one slot for the newest
reply, because a new cook's question deserves an answer. I'd A/B test by recipe page for four
weeks and ship if return visits rise without time on page falling.
"""


def test_the_call_on_it_is_a_call_on_what_the_prompt_proposes() -> None:
    assert proposal_terms(FORUM.prompt) == frozenset(
        subject_terms("hide spam replies until a moderator checks them"))
    assert names_proposal(FORUM.prompt, [FORUM_ON])
    assert not names_proposal(FORUM.prompt, [FORUM_OTHER])  # "replies" is the setting
    on, other = read_answers(FORUM, [FORUM_ON]), read_answers(FORUM, [FORUM_OTHER])
    assert not on.misses_the_ask and on.overall() >= 3.5
    assert other.misses_the_ask and other.overall() <= 2.0



def test_two_words_name_a_long_proposal() -> None:
    """A long proposal's other words are its wording: the answer that calls on "AI answers in
    search" called on the proposal (the spoken strong fixture, scored 2.0 before)."""
    prompt = ("We want to put AI-generated answers at the top of our e-commerce site's search "
              "results. How would you decide whether to ship it?")
    said = ["I'd start with answers for gift searches only, and roll back if sales drop."]
    assert len(proposal_terms(prompt)) >= 6
    assert names_proposal(prompt, said)
    assert not names_proposal(prompt, ["I'd rank the category pages by margin instead."])

DOCS = Question.adhoc("Your wiki company wants to replace title search with semantic search over "
                      "page text. How would you know it is better?")

DOCS_MEASURED = """
I'd call it better only if people find the page they need for questions title search fails on,
like "how do I request a laptop", mostly from new employees. Metric: the share of searches that
end in an opened page with no new search within two minutes, split by question-style and
title-style queries; guardrails are p95 latency and success on exact title lookups. Offline, a
judged set of two hundred real queries; then a four-week A/B test by team, shipping only if
question-style success rises with no drop on title lookups.
"""

DOCS_BUILT = """
I'll walk through how I'd build it: indexing, retrieval and serving. Pages are chunked by heading
rather than by a fixed length, and each chunk is embedded with a small text encoder together with
the page title and its space. Indexing is incremental: when a page is edited, only its chunks are
re-embedded. Retrieval is hybrid: keyword matching over titles merged with nearest-neighbour search
over the embeddings, and permissions are filtered inside retrieval so nobody sees a private page.
A small cross-encoder re-ranks the top thirty results. Serving runs the query encoder on CPU with a
cache for repeated queries, and the index is sharded by customer.
"""


def test_know_it_is_better_asks_for_a_measure_not_a_build() -> None:
    assert "metrics" in question_asks(DOCS)
    assert not read_answers(DOCS, [DOCS_MEASURED]).misses_the_ask
    built = read_answers(DOCS, [DOCS_BUILT])
    assert built.misses_the_ask and built.overall() <= 2.0


GYM = Question.adhoc("A gym chain is considering ML-based pricing for its classes. What "
                     "trade-offs would you weigh, and how would you roll it out?")

GYM_STAGED = """
The main trade-off is fuller classes against members feeling gouged; I'd cap any price at
twenty percent above today's, because loyal members are worth more than one full spin class.
Rollout: a pilot in three gyms with managers able to override prices, compared with three similar
gyms for eight weeks, then region by region; stop if cancellations rise more than five percent.
"""

GYM_AT_ONCE = """
The trade-off is that higher prices earn more per class but empty classes earn nothing, so the
model has to find the sweet spot. It would raise prices for busy evening classes and lower them
for quiet mornings, and gyms have a lot of booking data, so it should be accurate. For the rollout
I'd test the model on past bookings to make sure it works, then launch it in every gym at once so
all members benefit, and keep an eye on attendance.
"""


def test_how_would_you_roll_it_out_asks_for_stages() -> None:
    assert "rollout" in question_asks(GYM)
    assert not read_answers(GYM, [GYM_STAGED]).misses_the_ask
    at_once = read_answers(GYM, [GYM_AT_ONCE])
    assert at_once.misses_the_ask and at_once.overall() <= 2.0


def test_a_test_laid_out_in_stages_in_one_sentence_makes_the_ask() -> None:
    """The terse strong answer's whole test is one sentence; it tests more than once."""
    terse = ("Yes, hide them for a moderator, never delete, starting on the busiest recipes where "
             "spam piles up. Success is fewer spam replies seen per thousand views; guardrails are "
             "restored replies and a wait under twenty minutes. Test: two weeks in shadow mode "
             "against moderator decisions, launch only if nine in ten hidden replies would have "
             "been removed, then an A/B test by recipe page; stop if replies drop.")
    assert not read_answers(FORUM, [terse]).misses_the_ask


def test_a_glossary_typed_as_sentences_is_names_only() -> None:
    glossary = ("Semantic search evaluation: embeddings, vector index, hybrid retrieval, "
                "reranker. Offline metrics: nDCG@10, MRR, recall@k, judged set. Online metrics: "
                "CTR, reformulation rate, time to first click, abandonment. Guardrails: p95 "
                "latency, cost per query, permissions. Experimentation: A/B test, holdout, "
                "interleaving, staged rollout.")
    assert names_only(read_answers(DOCS, [glossary]).units)
    assert not names_only(read_answers(DOCS, [DOCS_MEASURED]).units)


def test_dated_history_is_background() -> None:
    assert retells_history("It really started with the railways after deregulation in 1980, "
                           "when carriers learned to price seats by demand.")
    assert retells_history("Gyms adopted the same ideas in the late nineties, because a class "
                           "spot is perishable.")
    assert not retells_history("I'd launch it in 2019 terms: one gym first, then ten.")
    assert not retells_history("Over the last 30 days, 12% of classes were half empty.")


def test_a_method_told_with_nothing_of_the_question_is_recited() -> None:
    method = (
        "To know whether semantic search over page text is better, I would start by defining a "
        "clear north-star metric. I would then identify leading indicators, which move quickly, "
        "and lagging indicators, which confirm long-term value. Alongside these, I'd set "
        "guardrail metrics so that improving the main metric doesn't hurt anything important. "
        "Next, I'd validate the change with a well-designed A/B test with a large enough sample. "
        "I'd segment the results to understand which groups benefit most. Finally, I'd monitor "
        "the metrics continuously after launch and iterate on what we learn.")
    recited = read_answers(DOCS, [method])
    assert recited.recitation and recited.overall() <= 2.0
    assert not read_answers(DOCS, [DOCS_MEASURED]).recitation


PANTRY = Question.adhoc("A meal-kit app wants AI to suggest swaps when a customer dislikes an "
                        "ingredient. What would you build first, and what metric would you tie "
                        "it to?")


def test_a_choice_handed_back_is_held_at_the_bar() -> None:
    options = (
        "There are a few ways to build this. The simplest is a rule table: swap within the same "
        "food group at a similar cost. A second option is learning from which swaps other "
        "customers kept, so popular swaps rise. A third is a language model that reads recipes, "
        "so it could know that tofu can stand in for chicken in a stir fry. Each has pros and "
        "cons: rules are rigid, learning needs data, and a language model can be wrong. Any of "
        "them could work depending on the team's resources. For the metric, I'd use the share of "
        "swapped kits cooked and rated, because a swap nobody cooks is wasted food, and I'd "
        "track refund requests for swapped kits.")
    picked = options.replace("Any of them could work depending on the team's resources.",
                             "I'd start with the rule table, because it is safe on allergens "
                             "and ships in weeks; learning from kept swaps comes second.")
    assert read_answers(PANTRY, [options]).overall() <= 3.0
    assert read_answers(PANTRY, [picked]).overall() > read_answers(PANTRY, [options]).overall()


VET = Question.adhoc("A chain of vet clinics wants to predict which pets will miss their annual "
                     "check-up. How would you define success, and what would you do with the "
                     "predictions?")

VET_OFFLINE = """
I'd start by pulling a few years of appointment history from the clinics' booking system and
labelling each annual check-up as kept or missed. Then I'd engineer features: the pet's age and
species, how many visits the owner missed before, how far they live from the clinic, the day and
time of the slot, how long ago it was booked, and the season. I'd train a gradient boosted tree
model, since it works well on tabular data, and compare it with logistic regression.

Success would be a good AUC on a holdout set; I'd say above 0.8 would be a strong model, with
good calibration so the probabilities mean something.

With the predictions, I'd put a risk flag in the booking system so the front desk can see which
owners are likely to miss, and the high-risk ones could get an extra reminder by text. We'd
retrain the model every month to keep it fresh.
"""


def test_success_read_off_a_test_set_alone_is_below_the_bar() -> None:
    offline = read_answers(VET, [VET_OFFLINE])
    assert offline.overall() <= 2.0
    compared = VET_OFFLINE.replace(
        "We'd\nretrain the model every month to keep it fresh.",
        "We'd\ncompare kept check-ups per hundred pets with clinics that don't get the flags yet.")
    assert read_answers(VET, [compared]).overall() > offline.overall()


FERRY = Question.adhoc(
    "When sailings are cancelled, a ferry company wants an AI to move travellers to the next "
    "sailing automatically. What could go wrong, and how would you decide it is ready?")

FERRY_OFFLINE = (  # one paragraph, as typed: a line break would end a sentence
    "The biggest risk is that it books travellers onto a sailing that is already full, so I'd "
    "connect it to the booking system so it can only use real seats. I'd train it on two years "
    "of moves that the desk staff made by hand, so it learns how they choose. To decide it's "
    "ready I'd hold out some of those past moves as a test set and measure accuracy, meaning how "
    "often it picks the same sailing the staff picked. If it gets above ninety-five percent, "
    "I'd say it's ready to launch.")


def test_readiness_called_on_a_test_set_number_is_success_read_offline() -> None:
    """The call may sit in the sentence after the number ("If it gets above 95%, it's ready")."""
    offline = read_answers(FERRY, [FERRY_OFFLINE])
    assert offline.overall() <= 2.0
    piloted = FERRY_OFFLINE.replace(
        "I'd say it's ready to launch.",
        "I'd pilot it on one route, with the desk checking every move before it is sent.")
    assert read_answers(FERRY, [piloted]).overall() > offline.overall()


def test_an_order_by_a_criterion_is_a_prioritisation() -> None:
    """"Fix whatever has the most reports first and work down the list" ranks, plainly."""
    maps = Question.adhoc("A maps app's walking directions get complaints from blind users. How "
                          "would you prioritise what to fix?")
    answer = ("I'd start by reading the complaints and grouping them: wrong turns, late "
              "announcements, missing crossings. Then I'd fix whatever group has the most "
              "complaints from blind users first, and work down the list. I'd track complaints "
              "per thousand walking trips each month.")
    assert not read_answers(maps, [answer]).misses_the_ask
