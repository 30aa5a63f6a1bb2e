"""A ~90-word or bulleted twin carries the same moves as its prose, and is scored like it.

Examples are our own (not calibration answers). Each cause was found on a blind batch whose
short and bulleted twins scored 2.0-2.9 under a prose twin at 4.5:
- a prompt describing what its product tells users ("tells patients whether to book an
  emergency slot") was read as asking the candidate for a yes-or-no call, so twins that make no
  "I'd launch" call were capped as missing the ask;
- "a holdout tells me if it adds bookings" was not read as comparing people in use, so a twin
  that says "accuracy" was capped as success judged on an offline number;
- telegraphic calls ("Build a guided quiz", "so kill it and keep the quiz") were not calls;
- "six to eight euros" was not a quantity.
And the other side of the first fix: an answer about another feature of the same company
(shares "our chain of dental practices", never says what the checker does) stays off-question.
"""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.announced import feature_terms, leaves_the_feature
from interviewer.coach.argued import argued_at, argued_commitments, firm
from interviewer.coach.asks_bank import asks_decision
from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.ground import committed_texts
from interviewer.coach.offline import score_answer
from interviewer.coach.offline_success import judged_offline
from interviewer.coach.typed_ground import typed_points
from tests.support.answers import one_paragraph

DENTAL = Question.adhoc(
    "Our chain of dental practices wants to add an AI tooth-pain checker to its app that tells "
    "patients whether to book an emergency slot, a normal check-up, or rinse and wait at home. "
    "How would you define success for it, and which metric would you tie to the business?")

DENTAL_BULLETS = """
**Who**
- Patients with pain at night deciding whether it can wait
- Practices: emergencies squeezed into full days; patients lost to other emergency dentists
- Start with registered patients, since we hold their records and can check outcomes

**Success = the right slot, with us**
- Quality: right-urgency rate (advice vs what the dentist records at the visit; 3-day check-in
  for rinse-and-wait advice)
- Business metric: checker sessions -> right-urgency booking with us within 24h (kept
  emergency revenue, better day planning)

**Bars**
- Under-triage < 1% of sessions, every case reviewed by a dentist
- Over-triage up to 20% at first (it costs a slot, not a tooth)

**Guardrails**
- Infections after rinse-and-wait advice
- Phone calls to reception should fall
- Answer in < 1 min

**What changes my mind**
- Holdout of app users without the checker
- If it only relabels bookings we'd get anyway -> judge it as call deflection instead
"""

DENTAL_SHORT = one_paragraph("""
Start with registered patients, since we hold their records. Success is the right slot, with
us: I'd track triage accuracy against the dentist's recorded urgency (3-day check-in for
rinse-and-wait advice) and tie it to right-urgency bookings with us within 24h, which is kept
emergency revenue. Bars: under-triage under 1%, each case reviewed; over-triage up to 20% is
fine. Guardrails: infections after home advice, reception calls falling, an answer in under a
minute. A holdout tells me if it adds bookings; if not, it's a call-deflection tool and I'd
judge it that way.
""")

# Same company, another feature: notes written for the dentists. Never says what the checker
# does (pain, urgency, booking, emergencies, waiting at home); dwells on the notes.
DENTAL_NOTES = one_paragraph("""
For the dental chain, I'd define success for the AI assistant by what it gives back to the
dentists. Our dentists spend about an hour a day after clinic writing treatment notes and
aftercare letters for patients, and those notes are the top complaint in exit interviews. So
the assistant listens during the appointment, drafts the notes and a plain aftercare letter,
and the dentist edits and signs the notes. The north star is minutes of notes per appointment,
cut by half, because that becomes more appointments a day or less burnout. Second: the share of
notes signed with light edits, aiming at 70%. Guardrails: an audited sample of notes where drug
names and allergies must be exactly right, fewer patient calls asking what the aftercare letter
means, and consent for recording. I'd pilot in five practices for a month against five matched
practices before rolling it out.
""")

TEA = Question.adhoc(
    "An online tea shop is considering an AI tea-matching chat that recommends blends to "
    "shoppers. Should they build it?")

TEA_SHORT = one_paragraph("""
Yes, but small. The stuck shopper is the gift buyer, not the tea lover; confirm it via category
exits and searches for occasions that return nothing. Build a guided quiz plus one free-text
box, recommending only in-stock blends with reasons from our tasting notes. A chat costs cents
against six to eight euros margin a tin; the risks are invented blends and pushing high-margin
stock. A/B on new visitors: revenue per visitor must rise 3% in six weeks with returns flat. If
only chat users convert better, that's selection, so kill it and keep the quiz.
""")


def test_a_prompt_saying_what_the_product_tells_users_asks_no_call() -> None:
    assert not asks_decision(DENTAL)
    assert asks_decision(Question.adhoc(
        "Our app could add AI meal plans. How would you decide whether to build them?"))
    assert asks_decision(TEA)


def test_the_bulleted_and_short_twins_of_a_success_answer_pass_the_bar() -> None:
    assert score_answer(DENTAL, DENTAL_BULLETS).overall >= 3.5
    assert score_answer(DENTAL, DENTAL_SHORT).overall >= 3.5


def test_a_holdout_that_reads_bookings_compares_in_use() -> None:
    units = read_answers(DENTAL, [DENTAL_SHORT]).units
    assert not judged_offline(units)
    offline = read_answers(DENTAL, [one_paragraph(
        "Success is triage accuracy on a labelled test set of past cases. If it is above 95%, "
        "it's ready to launch.")]).units
    assert judged_offline(offline)


def test_an_answer_about_another_feature_of_the_same_company_stays_off_question() -> None:
    assert len(feature_terms(DENTAL.prompt)) >= 7
    assert leaves_the_feature(DENTAL, DENTAL_NOTES)
    assert not leaves_the_feature(DENTAL, DENTAL_SHORT)
    assert not leaves_the_feature(DENTAL, DENTAL_BULLETS)
    assert score_answer(DENTAL, DENTAL_NOTES).overall <= 2.0


def test_telegraphic_calls_are_calls() -> None:
    assert firm("Build a guided quiz plus one free-text box.")
    assert firm("If only chat users convert better, that's selection, so kill it.")
    assert firm("- Start with registered patients, since we hold their records")
    assert not firm("Launch segment: registered patients")
    assert not firm("Test: A/B on new visitors.")
    units = read_answers(DENTAL, ["Start with registered patients, since we hold their "
                                  "records and can check outcomes."]).units
    assert argued_commitments(units) == 1


def test_a_short_twin_makes_its_call_and_its_rule_without_saying_id() -> None:
    units = read_answers(TEA, [TEA_SHORT]).units
    points = typed_points(TEA, units, committed_texts(units, TEA))
    assert points["call"] and points["rule"] and points["risk"], points
    assert score_answer(TEA, TEA_SHORT).overall >= 4.0


def test_amounts_in_euros_and_pounds_are_quantities() -> None:
    for text in ("six to eight euros margin", "about \u20ac7 a bottle", "twenty pounds"):
        assert NUMBER.search(text), text


def test_a_call_then_a_colon_then_its_grounds_is_argued() -> None:
    """Notes say "because" with a colon; a colon that opens a list of measures does not."""
    q = Question.adhoc("A bakery app wants AI for its regulars. What would you ship first?")
    argued = read_answers(q, ["I'd ship the reorder suggestion: the most effect on repeat "
                              "orders, data we already hold, reversible."]).units
    listed = read_answers(q, ["I'd track three things: reorder rate, basket size and "
                              "complaints about the app."]).units
    assert argued_at(argued, 0)
    assert not argued_at(listed, 0)


def test_a_tests_target_in_notes_is_its_rule() -> None:
    """"primary is repeat rate, target +3 points" sets the bar the test must pass."""
    q = Question.adhoc("A bakery app wants AI for its regulars. What would you ship first, "
                       "and how would you test it?")
    text = "Then A/B by store: primary is the repeat-order rate, target +3 points."
    units = read_answers(q, [text]).units
    assert typed_points(q, units, [text])["rule"]
    plain = "Then A/B by store: primary is the repeat-order rate."
    assert not typed_points(q, read_answers(q, [plain]).units, [plain])["rule"]
