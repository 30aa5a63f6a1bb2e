"""The answer says up front what it will do, and it is not what the question asks.

A polished answer to a neighbouring task of the same product keeps the product's words and
often makes a strong move: it is what the move is *about* that gives it away. Its opening says
so, as a candidate does when steering to ground they know: "..., so here's how I'd build it"
(asked how to define the highlights' success), "the decision I'd push on first is how it makes
money" (asked what to ship first), "I'd design the pipeline around freshness" (asked whether to
launch), "For photo search on our marketplace, ..." (asked about listing drafts), "Before
building smart replies in our messaging app, ..." (asked about chat translation). An
interviewer hears the announced agenda and notices that the rest of the answer follows it.

Two readings of the opening sentence, each confirmed by the body:
- a *task* of a neighbouring kind (`TASKS`: building it, pricing it, labelling its data),
  announced by a construction that says what the answer will do ("here's how I'd ...", "the
  question I'd want settled is how ...", "I'd design the pipeline ..."), when the question
  never raises that kind of task, and `KEEPS_TO` or more sentences after the opening go on
  with it;
- an *object*, a feature named in front of the product it belongs to ("For X on our app, ...",
  "Before building X in our app, ...", "here's how I'd approach X"), whose head word the
  prompt never says nor stands for (WordLlama's vectors; without them this reading stands
  aside), and whose own words are said in `KEEPS_TO` sentences or more.
Only a typed question is read (a bank question's outline has its own gates).

Measured on the dev split (1001 answers, 545 to typed questions): it fires on twelve polished
answers to a neighbouring task (eight of the bd25-/bd27- batches at 2.4-4.5, four already at 2.0)
and on none of the 312 strong, medium, short, bullet, spoken and non-native answers to typed
questions, nor on a weak, padded, keyword, recitation or injection answer. An opening that names
its object once and calls it "it" from then on ("The AI status report is for team leads") is
`announced.defined_object`'s; one that sets the asked feature aside is `pivot.py`'s.
"""

from __future__ import annotations

import re
from collections import Counter

from interviewer.banks import Question
from interviewer.coach import meaning
from interviewer.coach.announced import STANDS_FOR
from interviewer.coach.cues_markers import PERSON_WORD
from interviewer.coach.terms import subject_terms
from interviewer.coach.text import split_sentences, words

KEEPS_TO = 3
"""Sentences that carry the announced task or object: the answer is about it, not a mention."""
TOP = 3
"""A feature placed in front of the opening ("For X on our app") is among the answer's this many
most said subject words: what the answer is about, not the scope it answers for."""

_I = re.IGNORECASE
_FILLER = r"(?:(?:so|um|uh|okay|ok|well|right|yeah)[\s,]+)*"
_WE = r"(?:i'd|i would|we'd|we would|i'll|we'll|i|we|to)"

# "..., so here's how I'd staff and run the labelling", "let me lay out how I'd price it"
_HOW_ID = re.compile(
    r"\b(?:here's|here is|let me (?:lay out|walk (?:you )?through|go through|set out|explain|"
    r"describe|sketch|show)|i'll (?:walk (?:you )?through|lay out|explain|describe|sketch|show))"
    rf"\s+how\s+{_WE}\s+(?P<x>[^.:;]{{2,90}})", _I)
# "the decision I'd push on first is how it makes money", "The key question for a crop app is
# how it makes money": the task named as the question to settle.
_SETTLED = re.compile(
    r"\bthe (?:[\w-]+ ){0,2}(?:decision|question|call|thing|lever|part|problem|issue)\b"
    r"[^.:;,]{0,60}?\b(?:is|comes down to)\s+(?P<x>(?:how|where|whether|what|who|when)\b"
    r"[^.;]{2,120})", _I)
# "I'd design the pipeline around freshness", "For X, I'd build the serving stack in two parts"
_DESIGN_FIRST = re.compile(
    rf"^{_FILLER}(?:for [^,]{{3,80}}?(?:,\s*|\s+))?(?:i'd|i would|we'd|we would|let's)\s+"
    r"(?P<x>(?:design|build|architect|engineer|set up)\s+(?:the|our|its)\s+(?:[\w-]+\s+){0,2}"
    r"(?:pipeline|architecture|infrastructure|backend|stack|system|service)s?\b[^.:;]{0,60})", _I)

TASKS: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    # Who labels its data and how, when the question asks how it should work or be judged.
    "label": (
        # Who reviews its flags is part of how it works: only the labelling is another task.
        re.compile(r"\b(?:label\w*|annotat\w*|training data)\b", _I),
        re.compile(r"\b(?:label\w*|annotat\w*|staff\w*|hir(?:e|es|ing)|recruit\w*|data|"
                   r"vendors?|raters?)\b", _I),
        re.compile(r"\b(?:label\w*|annotat\w*|guidelines?|reviewers?|raters?|vendors?|"
                   r"agreement|kappa|adjudicat\w*|calibration set|examples?|crowd\w*|"
                   r"samples?|sampl\w*|pairs?|hire|hiring|team of)\b", _I)),
    # How it makes money, when the question asks nothing about price.
    "price": (
        # "behind the subscription or on our free tier" packages it; "keeps subscribers" is an
        # outcome any success metric may name, so a subscription alone is no pricing task.
        re.compile(r"\b(?:pric\w*|charg\w*|monetis\w*|monetiz\w*|makes? (?:us )?money|paywall\w*|"
                   r"free tier|behind the (?:subscription|paywall)|free or paid|paid tier|"
                   r"commission\w*|sponsor\w*|business model|revenue model)\b", _I),
        # Whether it pays for itself is a question of money: pricing the savings answers it.
        re.compile(r"\b(?:pric\w*|charg\w*|monetis\w*|monetiz\w*|money|paywall\w*|free|paid|"
                   r"subscri\w*|commission\w*|sponsor\w*|tiers?|plans?|fees?|pays? (?:for )?"
                   r"(?:itself|themselves|off)|worth (?:it|the)|roi|return on)\b", _I),
        re.compile(r"\b(?:pric\w*|charg\w*|monetis\w*|monetiz\w*|paywall\w*|free|paid|"
                   r"subscri\w*|commission\w*|sponsor\w*|tiers?|premium|revenue|margins?|"
                   r"fees?|acquisition|trials?|ads?)\b|\$\d", _I)),
    # How it is built: asked how to tell it works, whether to launch it, what to trade off.
    "build": (
        # Building it ("build it", "how we build it") or its machinery ("design the pipeline"):
        # "how we build trust" builds nothing, and "whether the model is good enough" asks
        # whether to rely on it.
        re.compile(r"^(?:(?:how|whether) (?:we|i|to|you)(?:'d| would| should)? )?(?:build|"
                   r"architect|implement|engineer|set up)\s+(?:it|this|them)\b|"
                   r"\b(?:under the hood|pipelines?|infrastructure|backend|tech stack|"
                   r"architecture)\b", _I),
        # "What would you ship first?" asks what the first version is: building it is that move.
        re.compile(r"\b(?:build\w*|design\w*|architect\w*|implement\w*|engineer\w*|pipelines?|"
                   r"system design|infrastructure|ship\w* first|first version|v1|mvp)\b", _I),
        # The machinery, not the model, its latency or a rollout's stages, which any answer
        # about launching or judging it names.
        re.compile(r"\b(?:pipelines?|signals?|training (?:data|labels|set)|serv(?:e|es|ing)|"
                   r"cach\w*|index\w*|retriev\w*|stream\w*|ingest\w*|stage (?:one|two|1|2)|"
                   r"architecture|embedding\w*|classifier|endpoints?|event (?:data|feed)|"
                   r"post-?process\w*|gradient|regression|inference|de-?duplicat\w*|"
                   r"on-?device|servers?|gpus?|vector)\b", _I)),
}
"""Per task: how the opening names it, how a question raises it, and how a sentence works on it."""

_NOT_A_TASK = re.compile(
    r"\b(?:metrics?|measur\w*|success|scorecard|case|tests?|experiments?|a/?b|holdouts?|"
    r"control group|baselines?|guardrails?|thresholds?|bar|evaluat\w*|validat\w*|rollout|"
    r"roll it out|pilot|launch|ship|first version|v1|mvp|prototype|trade-?offs?|risks?|wrong|"
    r"ready|decide|know|judge)\b", _I)
"""An announced task that is the question's own move ("here's how I'd build the success metric",
"how I'd decide it's ready to launch") is no neighbour's."""

# "For photo search on our marketplace, ...", "Before building smart replies in our app, ...",
# "Here's how I'd approach demand forecasting to ...": a feature placed in the product.
_IN_PRODUCT = r"(?:on|in|at|inside|within|for)\s+(?:our|the|a|an|this|its|their)\b"
_OBJECT_FRAMES = (
    re.compile(rf"^{_FILLER}for\s+(?!the\b|our\b|a\b|an\b|its\b|this\b|that\b|me\b|us\b|"
               r"example\b|instance\b|starters\b|now\b|each\b|every\b|any\b|all\b)"
               rf"(?P<x>[\w'-]+(?:\s+[\w'-]+){{0,3}}?)\s+{_IN_PRODUCT}", _I),
    re.compile(rf"^{_FILLER}before\s+(?:we\s+)?(?:build\w*|launch\w*|ship\w*|add\w*|roll\w* out)"
               rf"\s+(?P<x>[\w'-]+(?:\s+[\w'-]+){{0,3}}?)\s+{_IN_PRODUCT}", _I),
    re.compile(r"\b(?:here's|here is|let me (?:lay out|walk (?:you )?through|go through))\s+how\s+"
               rf"{_WE}\s+approach\s+(?P<x>[\w'-]+(?:\s+[\w'-]+){{0,3}}?)"
               r"(?=\s+(?:to|for|on|in|at|so|that|which|where|across)\b|\s*[,.:;]|$)", _I),
)
_OWN_MOVE = re.compile(r"\b(?:priorit\w*|options?|ideas?|decision|question|problem|answer|"
                       r"goals?|outcomes?|users?|value)\b", _I)
_PRONOUN = re.compile(r"^(?:it|this|that|them|these|those|everything|things?)\b", _I)


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in split_sentences(text)]


def announced_task(text: str) -> tuple[str, str]:
    """(task, phrase) the opening says the answer will do, or ("", "")."""
    sentences = _sentences(text)[:2]
    for n, sentence in enumerate(sentences):
        for frame in (_HOW_ID, _SETTLED, _DESIGN_FIRST):
            if n and frame is _DESIGN_FIRST:
                continue  # only a first sentence opens on the design
            m = frame.search(sentence)
            if m is None:
                continue
            phrase = m.group("x")
            if _NOT_A_TASK.search(phrase):
                return "", ""
            for task, (named, _, _) in TASKS.items():
                if named.search(phrase):
                    return task, phrase
            return "", ""
    return "", ""


def announced_object(text: str) -> str:
    """The feature the opening sentence places in the product ("For photo search on our
    marketplace"), or ""."""
    return _announced(text)[0]


def _announced(text: str) -> tuple[str, bool]:
    """The announced feature, and whether it was only placed in front of the opening ("For X
    on our app, ..."), which may as well be a scope ("For small flats in our store")."""
    sentences = _sentences(text)[:1]
    for frame in _OBJECT_FRAMES:
        m = frame.search(sentences[0]) if sentences else None
        # "here's how I'd approach success", "...the prioritisation": the question's own move
        if m and not (_PRONOUN.search(m.group("x")) or _NOT_A_TASK.search(m.group("x"))
                      or _OWN_MOVE.search(m.group("x"))):
            return m.group("x").strip(), frame is _OBJECT_FRAMES[0]
    return "", False


def _own_words(obj: str, prompt: set[str]) -> list[tuple[str, str]]:
    """(stem, word) of the object's words that are not the prompt's nor a person's."""
    return [(t, w) for w in obj.split() if not PERSON_WORD.search(w.removesuffix("'s"))
            for t in subject_terms(w) if t not in prompt]


def _object_elsewhere(question: Question, text: str, sentences: list[str]) -> str:
    obj, placed = _announced(text)
    if not obj:
        return ""
    prompt = set(subject_terms(question.prompt))
    own = _own_words(obj, prompt)
    head = subject_terms(obj.split()[-1])
    if not own or not head or head[-1] not in {t for t, _ in own}:
        return ""  # "For weekend trips on our site": a scope of the prompt's trips
    stems = {t for t, _ in own}
    if sum(1 for s in sentences if stems & set(subject_terms(s))) < KEEPS_TO:
        return ""
    counts = Counter(subject_terms(text))
    if placed and counts[head[-1]] < counts.most_common(TOP)[-1][1]:
        return ""  # a scope is said now and then; a feature the answer is about, most
    # The head says what the feature is (search, replies, forecasting); its modifiers often
    # name the product's world ("sofa search" in a furniture store), which the prompt shares.
    asked = sorted({w for w in words(question.prompt) if set(subject_terms(w)) & prompt})
    vecs = meaning.embed([obj.split()[-1], *asked])
    if vecs is None or not asked:
        return ""  # the words alone cannot tell a synonym: stand aside
    return obj if float((vecs[1:] @ vecs[0]).max()) < STANDS_FOR else ""


def agenda_elsewhere(question: Question, text: str) -> str:
    """What the opening says the answer is about, when the typed question asks something
    else and the answer keeps to it (empty: not)."""
    if question.outline:
        return ""
    sentences = _sentences(text)
    task, phrase = announced_task(text)
    if task:
        _, raised, works = TASKS[task]
        kept = sum(1 for s in sentences[1:] if works.search(s))
        if not raised.search(question.prompt) and kept >= KEEPS_TO:
            return f"{task}: {phrase.strip()}"
    return _object_elsewhere(question, text, sentences)
