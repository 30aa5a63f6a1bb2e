"""Recitation inside a sentence: rubric concepts chained with nothing of this question's own.

"We should define a north star and guardrails, segment users, run an A/B test with a holdout
and iterate on the roadmap" is grammatical, names the product and reads like a plan, yet it
commits to nothing an interviewer could probe: every item is a concept's name. A sentence that
chains three or more such bare items (a rubric concept, no specific about this question) and no
number tied to anything applies nothing, whatever its grammar or person. A number is tied when
it is a threshold or quantity of something ("p95 under 200 ms", "five percent of casual users");
a target with no anchor ("improve engagement by 10%", "95% confidence") is padding. A single
sentence that names a concept and nothing of the question's own beyond its prompt ("I'd run an
A/B test on the carousel to validate the impact") is hollow: it applies nothing either.
"""

from __future__ import annotations

import re

from interviewer.coach.cues_concepts import FAMILIES
from interviewer.coach.cues_markers import NUMBER
from interviewer.coach.cues_vocabulary import PROCESS_WORDS
from interviewer.coach.relevance import subject_terms
from interviewer.coach.text import stem

CHAIN = 3
"""Bare rubric items in one sentence that make it a recitation."""

# Words of product-management doctrine and of everyday talk: they name no user, no behaviour,
# no part of any product ("Goodhart's law", "TAM", "feedback loops", "make sure", "everyone").
_DOCTRINE = """
roadmap roadmaps goodhart goodhart's law laws counter counter-metric counter-metrics tam sam som
market sizing landscape competitive competitor competitors strategic fit kpi kpis okr okrs
transparency transparent minimization minimisation disclosure progressive consent compliance
compliant gdpr ccpa hipaa coppa regulation regulations loop loops flag flags canary dogfooding
dogfood beta kill switch seamless seamlessly leverage scale scaling scalable iterate iterating
journey mapping rice heart circles kano moscow jtbd mvp golden benchmark baseline dashboard
dashboards significance significant confidence power sample qualitative quantitative research
funnel adoption happiness satisfaction nps csat roi value exchange principle principles
governance ethics ethical responsible fairness accountability alignment stakeholder buy-in
excellence culture velocity agile sprint sprints backlog okr north star guardrail
balance balanced balancing raise raising stay staying keep keeping ensure ensuring make making
everything everyone anything something nothing else never always ever front ability strong
aim aiming smart smarter work works within year years million millions target targets lift
drop drops enough large small include including includes optimise optimize optimising
optimizing number numbers reach reaches proper properly clear clearly regular regularly
revisit condition conditions capture captures deliver delivers delivered experience
experiences scope stating state assumptions sure possible quick wins win long-term short-term
term deliver success successful every each both whole end-to-end holistic robust key
focus versus privacy control personalization personalisation personalized personalised
personalize personalise conversion conversions
reflect reflects reflecting hurt hurts harm harms protect protects protecting valuable value
values tied tie ties different differently group groups don't doesn't won't can't focused
focusing matter matters matt help helps helping benefit benefits validated validating
impactful meaningful positive negative overall approach keeps right wrong trust
around without across beyond toward towards upon via staged stage stages phased gradual
gradually
"""
_DOCTRINE_STEMS = frozenset(stem(w) for w in _DOCTRINE.split()) | frozenset(
    stem(w) for w in PROCESS_WORDS)
DOCTRINE_STEMS = _DOCTRINE_STEMS
"""Stems of doctrine and everyday talk: they place an answer in no question in particular."""

_PERCENT = (r"(?:\d[\d.,]*\s?(?:%|percent)|(?:one|two|three|five|ten|fifteen|twenty|thirty|"
            r"forty|fifty)[- ]percent)")
# Targets and levels that are not tied to anything: "by 10%", "a 20% lift", "95% confidence".
BOILERPLATE_NUMBER = re.compile(
    r"\bby (?:about |around |roughly |at least |more than |over |up to )?" + _PERCENT + r"|"
    + _PERCENT + r"\s+(?:lift|increase|improvement|growth|reduction|boost|gain|uplift|"
    r"decrease|more|higher|better|confidence|significance|statistical|uptime|availability|"
    r"satisfaction)|\b\d(?:\.\d)? stars?\b",
    re.IGNORECASE,
)
_ITEM_CUT = re.compile(r"[,;:]|\b(?:and|then|or|plus|also)\b", re.IGNORECASE)
# "Guardrails: latency, cost per query" labels a list; the label is not one of its items.
_LABEL = re.compile(r"(?:^|(?<=[;.]))\s*[\w' -]{1,25}:(?=\s)")


def _items(text: str) -> list[str]:
    return [i for i in _ITEM_CUT.split(_LABEL.sub(" ", text)) if i.strip()]


def tied_number(text: str) -> bool:
    """A number in the text that is not an unanchored target or confidence level."""
    padding = [m.span() for m in BOILERPLATE_NUMBER.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in padding) for m in NUMBER.finditer(text))


def specifics(text: str, prompt_stems: frozenset[str]) -> set[str]:
    """Terms about a product that neither the question nor the rubric supplied."""
    return {t for t in subject_terms(text) if t not in _DOCTRINE_STEMS
            and not any(t.startswith(p) for p in prompt_stems if len(p) >= 4)
            and t not in prompt_stems}


def bare_items(text: str, prompt_stems: frozenset[str]) -> int:
    """Items of the sentence that name a rubric concept and nothing of this question's own."""
    return sum(1 for item in _items(text)
               if any(f.pattern.search(item) for f in FAMILIES)
               and not specifics(item, prompt_stems) and not tied_number(item))


def recites(text: str, prompt_stems: frozenset[str]) -> bool:
    """Three or more bare rubric items and no tied number: a chain of concepts' names."""
    if tied_number(text):
        return False
    families = {f.name for f in FAMILIES if f.pattern.search(text)}
    if len(families) < CHAIN:
        return False
    concepts = sum(1 for item in _items(text) if any(f.pattern.search(item) for f in FAMILIES))
    bare = bare_items(text, prompt_stems)
    return bare >= CHAIN and bare >= concepts / 2  # a long run that is mostly claims is not


def padded_number(text: str, prompt_stems: frozenset[str]) -> bool:
    """Its only numbers are unanchored targets and it says nothing of this question's own."""
    return (bool(NUMBER.search(text)) and not tied_number(text)
            and not specifics(text, prompt_stems))


HOLLOW_SPECIFICS = 0
"""A sentence naming a rubric concept with at most this many specifics is hollow."""


PREFIX_LETTERS = 4


def hollow(text: str, prompt_stems: frozenset[str]) -> bool:
    """Names a rubric concept and nothing of this question's own beyond the prompt's words, and
    no tied number: "I'd run an A/B test on the carousel to validate the impact" applies
    nothing an interviewer could probe, whatever its verb."""
    if _PICK.search(text) and any(t in prompt_stems or any(t.startswith(p) for p in prompt_stems
                                                          if len(p) >= PREFIX_LETTERS)
                                  for t in subject_terms(text)):
        # "Reminders first.": picking one of the question's own options decides, in its own
        # form of the word too ("the cancellation prediction", asked about "predicting who will
        # cancel"), as `specifics` reads it
        return False
    sides = _SIDES.search(text)
    stock = sides is not None and _stock_pair(sides.group(0), prompt_stems)
    if sides and not stock:
        return False  # "The trade-off is quality against privacy" names this question's sides
    return (any(f.pattern.search(text) for f in FAMILIES) and not tied_number(text)
            and len(specifics(text, prompt_stems) - _STOCK_SIDES) <= HOLLOW_SPECIFICS)


# The rubric's stock tensions: "speed versus quality", "cost versus benefit", "automation versus
# human control" fit every question. Named with nothing of this question's own (neither side is
# a word of its prompt, and nothing else specific is said) they recite the rubric; "quality
# against privacy", asked how to personalize "while protecting privacy", names the question's.
_STOCK = """
speed quality cost costs benefit benefits accuracy latency automation human control privacy
personalization personalisation innovation reliability coverage precision recall freshness
relevance safety growth trust risk reward convenience transparency simplicity flexibility scale
depth breadth efficiency fairness engagement revenue experience time money value
"""
_STOCK_SIDES = frozenset(stem(w) for w in _STOCK.split())


def _stock_pair(pair: str, prompt_stems: frozenset[str]) -> bool:
    ends = [subject_terms(w) or [stem(w.lower())] for w in (pair.split()[0], pair.split()[-1])]
    named = [t for side in ends for t in side]
    return all(t in _STOCK_SIDES for t in named) and not any(t in prompt_stems for t in named)


_SIDES = re.compile(r"\b[\w-]+ (?:against|versus|vs\.?) [\w-]+", re.IGNORECASE)
_PICK = re.compile(r"\b(?:choose|chose|pick|select|go with|bet on|favou?r|prefer)\b|"
                   r"\bfirst\s*(?:[.:;,!]|$)", re.IGNORECASE)
