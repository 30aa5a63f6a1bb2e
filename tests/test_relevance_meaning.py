"""Relevance by meaning: an answer about another question is gated, however polished and however
many of the question's words it shares; an answer to this question never is.

Examples are our own (not calibration answers). The meaning gate needs WordLlama's bundled
vectors, a package dependency; the word checks stand alone without them.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from interviewer.banks import Question, QuestionBank
from interviewer.coach import meaning
from interviewer.coach.analysis import read_answers
from interviewer.coach.base import AnsweredQuestion
from interviewer.coach.calibration import GradedAnswer, bundled_set, parse_set
from interviewer.coach.offline import OfflineCoach, score_answer
from interviewer.coach.relevance import relevance
from interviewer.coach.relevance_meaning import closest

BACK = "Let's come back to the question"

# Asked how to personalize with cycle data given how sensitive it is: a polished answer about
# the same app's engagement (what to show, when to remind) that never deals with the data.
CYCLE_NEIGHBOUR = (
    "For a women's health app, I'd personalize articles and reminders around what each user "
    "actually reads and when she opens the app. I'd focus on users in their first month, "
    "because that's when most of them stop opening it. First, rank articles by what similar "
    "users read next and by how recent they are, so the home screen isn't the same list every "
    "day. Second, send reminders at the hour each user usually opens the app, and cap them at "
    "three a week, because too many reminders make people mute the app. Third, let people "
    "follow topics like nutrition or sleep. The north star is the share of new users still "
    "opening the app in week four, with article reads per visit as the leading metric and "
    "notification mutes as a guardrail. I'd A/B test the new ranking for three weeks and ship "
    "it if week-four retention rises by two points without more mutes.")
CYCLE_ON = (
    "Cycle and symptom data is among the most sensitive data people have, so I'd build the "
    "personalization around consent and keeping it on the phone. I'd focus on users who track "
    "symptoms, because they gain the most from articles matched to their cycle phase. The "
    "matching runs on the device: the app downloads the whole article library and picks what "
    "to show locally, so the server never learns anyone's cycle. It's opt-in, with a plain "
    "example of what you get, and one tap deletes the history. The trade-off is reach against "
    "trust: I'd accept fewer personalized users, because one leak would end the product. The "
    "north star is the share of opted-in users still tracking in week four, with opt-outs and "
    "privacy complaints as guardrails. I'd A/B test it among users who opted in for three "
    "weeks and stop if opt-outs rise above five percent.")
# A maps app's location-history answer: privacy, personalization, suggestions, on the device,
# opt-in... many of a keyboard-privacy question's words, about another product.
LOCATION = (
    "Location history shows where people sleep, work and see a doctor, so I'd design the "
    "suggestions around consent and keeping that history on the phone. I'd focus on commuters "
    "who drive the same routes, because they get the most from a suggested destination. It's "
    "opt-in, with an example of what you get, like your gym on Tuesday evenings. The places "
    "are computed on the device from your own visits, so the server never stores a timeline. "
    "Clinics, places of worship and other people's homes are never suggested, and one tap "
    "pauses or deletes the history. I'd rather show fewer suggestions, only places visited "
    "three times, because one suggestion that feels like surveillance turns the feature off. "
    "Success is the share of trips started from a suggestion, with opt-outs as a guardrail, "
    "rolled out to ten percent of opted-in users first.")
# An ad platform's answer to losing cross-site tracking: on-device, personalization, privacy.
ADS = (
    "Without cross-site tracking, personalization has to come from signals people share with "
    "us directly and from the page itself. I'd focus on mid-sized advertisers, because they "
    "lean on retargeting most and their returns are falling fastest. First, contextual "
    "targeting: match ads to the page someone is reading, which needs no personal data at all. "
    "Second, on-device interest groups: the browser keeps a few interest topics locally and the "
    "auction runs on the phone, so no profile leaves the device. Third, aggregated conversion "
    "reports with noise added, so advertisers still see their returns without user-level "
    "tracking. I'd accept somewhat lower click-through than before, because regulators and "
    "users will not accept tracking again. Success is advertiser return on ad spend, with "
    "opt-out rates and complaints as guardrails, tested market by market for four weeks.")
KEYBOARD_ON = (
    "What people type includes passwords, health questions and private messages, so the rule "
    "is that raw text never leaves the phone. A small model on the device learns each person's "
    "names and phrases. To improve the shared model, phones send only updates, combined by "
    "secure aggregation with differential privacy noise, and password fields are never "
    "learned from. I'd accept about half the gain that server training would give, because a "
    "keyboard caught leaking text loses trust for good. Quality is keystrokes saved per word "
    "and suggestion acceptance, with battery as a guardrail; privacy is measured by planting "
    "canary phrases on test phones and checking they are never suggested. I'd roll it out to "
    "one percent of phones against the current model and stop if a canary ever appears.")

TYPED_KEYBOARD = ("How would you personalize a phone keyboard's next-word suggestions without "
                  "ever reading what people type?")
TYPED_CYCLE = ("How would you personalize a women's health app's reminders while keeping "
               "users' cycle data private?")


@pytest.fixture(scope="module")
def dev(bank: QuestionBank) -> list[GradedAnswer]:
    name, text = bundled_set("dev")
    return parse_set(name, text, bank)


def _first_follow_up(q: Question, text: str) -> str:
    follow = OfflineCoach().follow_up(AnsweredQuestion(q, [text]))
    assert follow is not None
    return follow.text


def test_the_bundled_vectors_load_offline_without_importing_wordllama() -> None:
    """No socket may open while the model loads and embeds; the package itself is never
    imported (its __init__ configures the root logger, its loader can reach for a hub)."""
    code = textwrap.dedent("""
        import logging, socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network used")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from interviewer.coach import meaning
        v = meaning.embed(["north star metric", "a grocery app"])
        assert v is not None and v.shape == (2, 256), v
        assert "wordllama" not in sys.modules
        assert not logging.getLogger().handlers
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_similar_meaning_is_closer_than_shared_setting() -> None:
    v = meaning.embed(["keep typed text on the phone", "text never leaves the device",
                       "rank the top songs in the country"])
    assert v is not None
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_another_products_answer_that_shares_the_words_is_gated_by_meaning(
        bank: QuestionBank) -> None:
    q = bank.by_id("privacy-keyboard-learning")
    words_only = relevance(q, LOCATION, by_meaning=False)
    assert not words_only.another_product and words_only.score >= 0.33  # words let it through
    near = closest(q, LOCATION)
    assert near is not None and near.elsewhere and near.other_id == "privacy-maps-suggestions"
    assert score_answer(q, LOCATION).overall <= 2.0
    assert _first_follow_up(q, LOCATION).startswith(BACK)
    # Its on-question twin is not sent away.
    assert not read_answers(q, [KEYBOARD_ON]).relevance.another_question
    assert score_answer(q, KEYBOARD_ON).overall >= 3.5
    assert not _first_follow_up(q, KEYBOARD_ON).startswith(BACK)


def test_a_typed_question_without_an_outline_is_gated_by_meaning_too() -> None:
    q = Question.adhoc(TYPED_KEYBOARD)
    assert not q.outline
    for other in (ADS, LOCATION):
        assert read_answers(q, [other]).relevance.another_question
        assert score_answer(q, other).overall <= 2.0
        assert _first_follow_up(q, other).startswith(BACK)
    assert not read_answers(q, [KEYBOARD_ON]).relevance.another_question
    assert score_answer(q, KEYBOARD_ON).overall >= 3.0


def test_a_typed_paraphrase_of_a_bank_question_is_not_another_question(
        dev: list[GradedAnswer]) -> None:
    """A few typed words are a thinner reference than a bank question: a strong answer to a
    short paraphrase must not be sent to the bank question it paraphrases."""
    strong = {a.label: a for a in dev if a.kind == "strong"}
    for label, typed in (("search-strong-signposted", "Should we put AI answers on top of "
                                                      "search results?"),
                         ("rec-strong-signposted", "How would you fix stale recommendations?"),
                         ("rel-docs-strong", "Is AI query suggestion worth it for a developer "
                                             "docs site?")):
        q = Question.adhoc(typed)
        assert not read_answers(q, [strong[label].text]).relevance.another_question, label


@pytest.mark.parametrize("qid_or_prompt", ["privacy-cycle-tracking", TYPED_CYCLE])
def test_the_same_products_neighbouring_answer_is_gated_and_brought_back(
        bank: QuestionBank, qid_or_prompt: str) -> None:
    """The question sets a constraint (how sensitive the data is); a polished answer about the
    same app that never deals with it answers a neighbouring question."""
    q = (bank.by_id(qid_or_prompt) if qid_or_prompt == "privacy-cycle-tracking"
         else Question.adhoc(qid_or_prompt))
    assert score_answer(q, CYCLE_NEIGHBOUR).overall <= 2.0
    assert _first_follow_up(q, CYCLE_NEIGHBOUR).startswith(BACK)
    assert score_answer(q, CYCLE_ON).overall >= 3.5
    assert not _first_follow_up(q, CYCLE_ON).startswith(BACK)


def test_without_the_model_the_word_checks_stand_alone(bank: QuestionBank) -> None:
    q = bank.by_id("privacy-keyboard-learning")
    r = relevance(q, LOCATION, by_meaning=False)
    assert r.margin is None and not r.another_question


ON_QUESTION = {"strong", "medium", "short-strong", "bullets", "short", "spoken", "non-native"}


def test_no_on_question_dev_answer_is_sent_away_by_meaning(dev: list[GradedAnswer]) -> None:
    sent_away = [a.label for a in dev if a.kind in ON_QUESTION
                 and read_answers(a.question, [a.text]).relevance.another_question]
    assert sent_away == []
    assert any(read_answers(a.question, [a.text]).relevance.another_question
               for a in dev if a.kind == "off-question")


def test_meaning_is_available_here() -> None:
    """The package dependency is installed: the gate is not silently off."""
    assert meaning.available()
