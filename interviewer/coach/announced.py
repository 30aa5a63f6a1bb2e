"""The answer announces its own subject, and it is not the one asked about.

A polished answer to a neighbouring question about the same product shares the product's words
(airline, passengers, agent; riders, drivers), so word overlap and sentence vectors both place it
on the question. What gives it away to an interviewer is its opening: the candidate says what
they are going to talk about. "For the ETA we show before a rider books, I'd judge success
by ...", asked about suggesting a better pickup point; "I'd think about this as a claims
problem", asked about rebooking passengers after cancellations. The object named there (the
ETA, claims) is one the prompt never names, and the answer then dwells on it.

Read narrowly, because sending an on-question answer away costs far more than missing an
off-question one: only a typed question (a bank question's outline has its own gates); only an
object named by four framing constructions in the first sentence ("For X, I'd ...", "I'd measure
X by ...", "The X is for ...", "think about this as an X problem") or as "AI <something>" in the
first two ("viewers ... with AI dubbing on"); "For X" only with an article or an AI's ("For
airports, I'd ..." is a scope of the question). One of its words must be one the prompt never
says, that is not a person ("For the commuters" names a segment) nor a lens any answer may look
through ("I'd measure trust by ...", `_LENSES`), that is among the answer's
`TOP` most said subject words and said `DWELLS` times or more, and that stands for no word of the
prompt by WordLlama's vectors (without the vectors the check stands aside); and the answer
leaves half the prompt's subject words unsaid (`UNSAID`).

Measured on the dev split (713 answers, bank questions included by reading their outline as
prompt): it fires on seven off-question answers and on none of the 427 strong, medium, short,
bullet, spoken and non-native ones; every on-question answer there that announces an object
names a word of the prompt ("I'd measure the battery warnings by ..."). An answer that keeps the
prompt's words is still sent away when its first sentence says it measures another object ("I'd
measure the arrival predictions by ...", asked about bus crowding). What it misses: one that
opens on another object in other words and keeps the prompt's, one whose opening names the
prompt's own object and then answers another ask.

An object the first sentence sets up as the answer's subject ("The AI status report is for team
leads", "For the X, I'd ...", "I'd treat the rider-incentive programme as an experiment") is
read without the dwelling when its head is not a word of the prompt, every one of its own words
stands for no word of the prompt (`defined_object`), and the answer leaves half the prompt's
subject words unsaid: such an answer names its feature once and calls it "it" from then on. On
the dev split (1275 answers) it fires on four off-question answers and on no other. An opening
that names the asked feature only to set it aside for another ("X is useful context, but the
lever I'd ...") is `pivot.py`'s.
"""

from __future__ import annotations

import re
from collections import Counter

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.cues_markers import PERSON_WORD
from interviewer.coach.opening_call import calls_elsewhere
from interviewer.coach.pivot import pivots_away
from interviewer.coach.terms import subject_terms
from interviewer.coach.text import split_sentences, words

DWELLS = 4
"""Times the answer says the announced object: it is what the answer is about, not a mention."""
TOP = 3
"""...and it is one of the answer's this many most said subject words."""
STANDS_FOR = 0.3
"""Cosine between single words above which one stands for the other (prediction/predict 0.74,
home/property 0.45; ETA/pickup 0.03, claim/rebook 0.15)."""
UNSAID = 0.5
"""Share of the prompt's subject words the answer must leave unsaid: an answer that names a part
of the asked feature ("For the swap suggestions, I'd ...", asked about an agent that plans meals
and fills the basket) still talks about the prompt's meals, plans and basket."""
MAX_WORDS = 5
"""An announced object is a short noun phrase; a longer capture is a clause, not an object."""

_FILLER = r"(?:(?:so|um|uh|okay|ok|well|right)[\s,]+)*"
_END = r"(?=\s+(?:we|that|which|where|who|in|on|at|for|of|from|to|i|you|they)\b|\s*[,:;]|$)"
_FRAMES = (
    # "For the automated home-value estimate we show on every listing, I'd define success by"
    # A feature has an article or is an AI's; "For airports, I'd ..." is a scope of the question.
    re.compile(rf"^{_FILLER}for\s+(?P<x>(?:the|our|its|AI\b|an? AI\b)[^,.:;]{{2,80}}?){_END}"
               r"[^.]{0,80}?,\s*"
               r"(?:i'd|i would|i will|i'll|i|we|the)\b", re.IGNORECASE),
    # "I'd measure the arrival predictions by what they cost riders"
    re.compile(r"\bi(?:'d| would)\s+(?:measure|judge|evaluate|score)\s+"
               r"(?P<x>[\w\- ]{2,60}?)\s+(?:by|on|against)\b", re.IGNORECASE),
    # "The AI status report is for team leads who ..."
    re.compile(rf"^{_FILLER}(?:the|our|this)\s+(?P<x>[\w\- ]{{2,40}}?)\s+(?:is|would be|will be)"
               r"\s+for\b", re.IGNORECASE),
    # "I'd think about this as a claims problem"
    re.compile(r"\b(?:think about|think of|treat|see|frame|approach)\s+(?:this|it)\s+as\s+"
               r"(?:a|an)\s+(?P<x>[\w\- ]{2,40}?)\s+(?:problem|question|issue)\b",
               re.IGNORECASE),
)
_AI_FEATURE = re.compile(r"\b(?:AI|ai|ML|LLM)[- ](?!(?i:that|to|can|could|will|would|is|are|"
                         r"should|may|might|does|do|and|or|for)\b)(?P<x>[\w-]+(?:\s+[\w-]+){0,2})")
"""Case kept: "AI" as typed, "ai" as the transcriber writes it; never "ml" of "5 ml"."""
OPENING = 2
"""Sentences read for a feature named "AI <something>"."""
_NOT_AN_OBJECT = re.compile(r"^(?:me|us|it|this|that|them|now|example|instance|success|"
                            r"starters|both)\b|\b(?:and|or|but)\b", re.IGNORECASE)


_LENS_WORDS = """
    trust safety privacy fairness bias quality accuracy precision recall coverage reliability
    latency speed cost pricing adoption retention engagement growth churn conversion revenue
    monetization habit discovery onboarding activation satisfaction experience supply demand
    marketplace liquidity matching ranking relevance personalization prediction forecasting
    classification calibration detection incentive abuse fraud spam compliance liability
    regulation risk harm moderation expectation friction timing workflow change communication
    data labelling evaluation measurement attribution causality cold exploration efficiency
    productivity capacity scale operations accessibility mistake error failure hallucination
    version pilot prototype rollout release plan goal focus priority answer recommendation
    decision approach strategy framework proposal idea option
    assistant agent bot chatbot copilot helper engine service classifier predictor recommender
    widget integration automation
    """
_LENSES = frozenset(t for w in _LENS_WORDS.split() for t in subject_terms(w))
"""Qualities any product answer weighs, the answer's own moves, and names for the AI itself:
"I'd measure trust by ...", "I'd think about this as a cold-start problem", "For the inbox
assistant, I'd ..." look at the question's feature; they do not name another one."""


def announced_objects(text: str) -> list[str]:
    """The objects the opening says the answer is about: a framing construction of the first
    sentence, and features named as "AI <something>" in the first two ("viewers watching
    English-language creators with AI dubbing on")."""
    sentences = [s.text.strip() for s in split_sentences(text)[:OPENING]]
    if not sentences:
        return []
    out = []
    for frame in _FRAMES:
        m = frame.search(sentences[0])
        if m is None:
            continue
        x = re.sub(r"^(?:the|our|a|an|its|their)\s+", "", m.group("x").strip(), flags=re.I)
        if x and len(x.split()) <= MAX_WORDS and not _NOT_AN_OBJECT.search(x):
            out.append(x)
        break
    out += [m.group("x").strip() for s in sentences for m in _AI_FEATURE.finditer(s)]
    return out


_DEFINES = (
    _FRAMES[0], _FRAMES[2],
    # "I'd treat the rider-incentive programme, paying riders ..., as an experiment"
    re.compile(rf"^{_FILLER}(?:i'd|i would|we'd|we would|let's|i'll)\s+(?:treat|run|approach|"
               r"frame)\s+(?:the|our)\s+(?P<x>[\w\- ]{2,40}?)\s*(?:,|\s+as\b)", re.IGNORECASE),
)
_TIME = frozenset(subject_terms("day week month quarter year season summer winter spring autumn "
                                "weekend phase stage step start"))


def defined_object(text: str) -> str:
    """The object the first sentence sets up as the answer's subject: "The X is for ...",
    "For the X, I'd ...", "I'd treat the X as ..." (empty: none)."""
    sentences = split_sentences(text)[:1]
    for frame in _DEFINES:
        m = frame.search(sentences[0].text.strip()) if sentences else None
        if m is None:
            continue
        x = re.sub(r"^(?:the|our|a|an|its|their)\s+", "", m.group("x").strip(), flags=re.I)
        return x if len(x.split()) <= MAX_WORDS and not _NOT_AN_OBJECT.search(x) else ""
    return ""


def _wholly_other(obj: str, prompt: list[str], prompt_text: str) -> bool:
    """The object's head is not a word of the prompt, and every word of it that is not the
    prompt's, a person, a lens or a time stands for no word of the prompt: a feature named once
    and called "it" from then on is still the answer's subject, however few times it is said."""
    own = [w for w in obj.split() if not PERSON_WORD.search(w.removesuffix("'s"))
           and any(t not in prompt and t not in _LENSES and t not in _TIME
                   for t in subject_terms(w))]
    if not own or set(subject_terms(obj.split()[-1])) & set(prompt):
        return False  # "the care newsletter" may share the shop's care; its head is its own
    asked = _surface(prompt_text)
    for word in own:
        vecs = meaning.embed([word] + [asked[t] for t in prompt])
        if vecs is None or float((vecs[1:] @ vecs[0]).max()) >= STANDS_FOR:
            return False
    return True


def measured_objects(text: str) -> list[str]:
    """What the opening sentence says the answer measures ("I'd measure X by ..."): the
    object of the metrics ask itself, so it names the answer's subject even when the answer
    keeps the prompt's words."""
    sentences = split_sentences(text)[:1]
    m = _FRAMES[1].search(sentences[0].text) if sentences else None
    if m is None:
        return []
    x = re.sub(r"^(?:the|our|a|an|its|their)\s+", "", m.group("x").strip(), flags=re.I)
    return [x] if x and len(x.split()) <= MAX_WORDS and not _NOT_AN_OBJECT.search(x) else []


def _surface(text: str) -> dict[str, str]:
    """Each subject stem with the first word that said it (vectors know words, not stems)."""
    out: dict[str, str] = {}
    for w in words(text):
        for t in subject_terms(w):
            out.setdefault(t, w)
    return out


FEATURE_TERMS = 7
"""A typed prompt that describes its feature at this length (what it does, for whom, its
options: "an AI symptom checker ... that tells pet owners whether to book an urgent visit, a
routine one, or care for the pet at home") has words no answer about that feature can avoid."""
FEATURE_SAID = 1
"""...and an answer that says this many of them or fewer is about another feature of the same
company: it shares the company's words ("our chain of veterinary clinics"), not the feature's."""
FEATURE_WORDS = 60
"""A shorter answer may say too little to tell."""
_NAMES_AI = re.compile(r"\b(?:AI|ML|LLM|an? model|models?|assistant|agent|chatbot|copilot)\b")


def feature_terms(prompt: str) -> set[str]:
    """The words of the prompt's sentence that names the AI, from that name on, that the prompt
    did not say before it (the company, its world), nor a person or a lens (`_LENSES`)."""
    for sentence in split_sentences(prompt):
        text = sentence.text
        m = _NAMES_AI.search(text)
        if m is None:
            continue
        setting = set(subject_terms(prompt[:prompt.find(text)] + text[:m.start()]))
        return {t for w in words(text[m.start():]) if not PERSON_WORD.search(w)
                for t in subject_terms(w) if t not in setting and t not in _LENSES}
    return set()


def leaves_the_feature(question: Question, text: str) -> bool:
    """A typed prompt describes its feature at length, the answer says almost none of it, and
    it dwells on an object of its own (said `DWELLS` times: the vet, the ETA, the parents'
    dashboard), not on model talk. On the dev split (785 answers; 243 on-question answers to
    typed prompts, 60 of them to a prompt that describes its feature this long) it fires on
    four off-question answers and on no on-question one; without the dwelling, also on a weak
    answer that measures a model's F1 and names nothing the feature does."""
    if question.outline or len(words(text)) < FEATURE_WORDS:
        return False
    feature = feature_terms(question.prompt)
    said = subject_terms(text)
    if len(feature) < FEATURE_TERMS or len(feature & set(said)) > FEATURE_SAID:
        return False
    prompt = set(subject_terms(question.prompt))
    own = Counter(t for t in said if t not in prompt and t not in _LENSES)
    return bool(own) and own.most_common(1)[0][1] >= DWELLS


def announced_elsewhere(question: Question, text: str) -> str:
    """The announced object when it is another feature than the typed prompt's (empty: not);
    "another feature" when the answer leaves the prompt's described feature unsaid."""
    if question.outline:
        return ""
    if set_aside := pivots_away(question, text):
        return f"set aside: {set_aside}"  # "X is useful context, but the lever I'd ... is Y"
    if leaves_the_feature(question, text):
        return "another feature"
    if called := calls_elsewhere(question.prompt, text, _LENSES):
        return called  # "I'd overbook, but only ...", asked how to measure the waitlist odds
    prompt = sorted(set(subject_terms(question.prompt)))
    counts = Counter(subject_terms(text))
    if not prompt or not counts:
        return ""
    objects = announced_objects(text)
    leaves = len(set(prompt) - set(counts)) >= UNSAID * len(prompt)
    if leaves and (defined := defined_object(text)) and _wholly_other(defined, prompt,
                                                                        question.prompt):
        return defined  # "The AI status report is for team leads ...", then "it"
    if not leaves:
        # It keeps the prompt's words; only an object it says it measures still tells ("I'd
        # measure the arrival predictions by ...", asked about crowding predictions).
        objects = measured_objects(text)
    top = counts.most_common(TOP)[-1][1]
    said_as, asked_as = _surface(text), _surface(question.prompt)
    for obj in objects:
        # The object's own words the prompt never says, that the answer keeps saying ("estimate"
        # of "the automated home-value estimate", asked about listing descriptions): the most
        # said one stands for the object.
        own = [t for w in obj.split() if not PERSON_WORD.search(w.removesuffix("'s"))
               for t in subject_terms(w) if t not in prompt and t not in _LENSES
               and counts[t] >= max(DWELLS, top)]
        if not own:
            continue
        term = max(own, key=lambda t: counts[t])
        vecs = meaning.embed([said_as.get(term, term)] + [asked_as[t] for t in prompt])
        if vecs is None:
            return ""  # the words alone cannot tell a synonym: stand aside
        if float((vecs[1:] @ vecs[0]).max()) < STANDS_FOR:
            return obj
    return ""
