"""Reading one question's answers against the rubric: which concepts are *applied*, and where.

Kept apart from the coach so follow-ups and scorecards are judged by exactly the same reading.
A concept counts when the sentence (or spoken clause) that names it is about this question's
subject and commits to something: a reason, a number or threshold, or a decision. Naming a
framework earns at most a mention; a bare list or a recitation earns mentions only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial

from interviewer.banks import Question
from interviewer.coach.argued import settle
from interviewer.coach.ask_missed import ANSWERS_ANOTHER, ELSEWHERE_CAP, ask_missed
from interviewer.coach.bare_list import GLOSSARY_CAP, says_nothing
from interviewer.coach.coverage_cap import GENERAL_DEPTH, coverage_cap
from interviewer.coach.cues_concepts import DIMENSION_FAMILIES, Family
from interviewer.coach.cues_markers import ACTION, NEGATABLE, NEGATION
from interviewer.coach.cues_style import MODEL_TALK, SIGNPOST, SUMMARY
from interviewer.coach.depth import deep
from interviewer.coach.elsewhere import engaged_elsewhere
from interviewer.coach.ground import committed_texts, ground_floor
from interviewer.coach.hype import call_cap
from interviewer.coach.landscape import LANDSCAPE_CAP, lays_out_figures
from interviewer.coach.launch_bar import figures_follow
from interviewer.coach.outline_touch import untouched
from interviewer.coach.padding import asks_worth, names_return_only, restates_question
from interviewer.coach.recital import recites
from interviewer.coach.recited_answer import recited as recites_whole
from interviewer.coach.refrain import without_refrain
from interviewer.coach.relevance import Relevance, profile, relevance, subject_terms
from interviewer.coach.silent_ask import silent_ask
from interviewer.coach.spoken_cuts import reasons_across_cuts
from interviewer.coach.subject import carried_subject
from interviewer.coach.terse import (
    clause_of,
    drawn_sides,
    headed,
    headed_reasons,
    short_and_dense,
    sides_taken,
)
from interviewer.coach.text import (
    Sentence,
    is_injection,
    split_sentences,
    units,
    without_injection,
    words,
)
from interviewer.coach.typed_ground import typed_points
from interviewer.coach.units import Unit, is_applied, keyword_run, make_unit
from interviewer.coach.vague import applied_count, vague
from interviewer.coach.verdict import dense_after_verdict
from interviewer.rubric import MAX_SCORE, MIN_SCORE, dimension_ids
from interviewer.scorecard import dimension_weight, weighted_overall

OFF_QUESTION = 0.2
"""Relevance below this: the answer addresses another question."""
MIN_FOREIGN_TERMS = 4
DRIFTING = 0.33
"""Relevance below this: mostly about something else; the overall is capped at 2."""
DRIFT_CAP, RECITATION_CAP = 2.0, 1.5
MENTION_ONLY = 1.5
"""A dimension whose concepts are named but never applied: below the bar, above silence."""
APPLIED_WEIGHT = 0.4
APPLIED_SENTENCES_FOR_FIVE = 8
APPLIED_SHARE_FOR_FIVE = 0.7
"""The overall: 60% the rubric, 40% the applied sentences, which need no lexicon to miss a cue."""
SHARE_NEEDS = 3
"""Applied sentences before the share of them counts in full."""
WORDS_PER_APPLIED, PADDING_UNITS = 40, 2
"""Words per applied sentence (dev medians: strong 26, padded 55) past which an answer that pads
(two or more units of filler, the question handed back, generic claims) is diluted."""
ENGAGED_FLOOR, ENGAGED_WORDS = 1.5, 30
SLIGHT_WORDS, SLIGHT_RUBRIC = 50, 2.5
"""Under this many words, an answer the rubric reads below this is judged on the rubric alone:
one-line moves ("hold out some tickets as a test set") are "applied", yet say little."""
CONCISE_WORDS_PER_POINT = 22
RAMBLE_WORDS_PER_POINT = 60

# Which concept families show depth on a dimension (a side with its reason, a decision rule...).
DEPTH_FAMILIES = {
    "framing": ("focus", "assumptions"),
    "metrics": ("guardrails", "leading-lagging"),
    "trade-offs": ("side-taken",),
    "prioritization": ("criteria", "ranking"),
    "experimentation": ("decision-rule",),
    "business-impact": ("right-tool", "cost"),
}


@dataclass
class DimensionReading:
    id: str
    score: float
    applied: dict[str, list[Unit]] = field(default_factory=dict)
    mentioned: dict[str, list[Unit]] = field(default_factory=dict)
    missing: list[Family] = field(default_factory=list)
    depth: bool = False

    @property
    def hits(self) -> dict[str, list[Unit]]:
        return self.applied


@dataclass
class Reading:
    question: Question
    sentences: list[Sentence]
    units: list[Unit]
    injected: list[Sentence]
    relevance: Relevance
    model_heavy: bool
    recitation: bool
    """Names many concepts but applies almost none: a list or a recitation."""
    words: int
    dimensions: dict[str, DimensionReading]

    @property
    def off_topic(self) -> bool:
        # Hardly any subject of its own (model talk, generic advice): weak, not off-question.
        about_something = self.relevance.foreign >= MIN_FOREIGN_TERMS
        return not self.empty and ((self.relevance.score < OFF_QUESTION and about_something)
                                   or self.relevance.another_product
                                   or self.relevance.another_question)

    @property
    def drifting(self) -> bool:
        return (not self.empty and not self.off_topic and self.relevance.score < DRIFTING
                and self.relevance.foreign >= MIN_FOREIGN_TERMS
                and not short_and_dense(self.units)
                and not dense_after_verdict(self.question, self.units))  # "Yes, narrowly: ..."

    @property
    def empty(self) -> bool:
        return not self.units

    @property
    def misses_the_ask(self) -> bool:
        """The question asks for a move and the answer never makes it, or too thinly: an answer
        to a neighbouring question about the same product, however polished."""
        return bool(self.ask_missed)

    @cached_property
    def ask_missed(self) -> str:
        """Why it misses the ask ('' when it does not): `ask_missed.py`. Read by the score, the
        follow-up and the advice; computed once."""
        # the gate's cues, or the asked move's own dimension heard as silence (`silent_ask`)
        return (ask_missed(self.question, self.units)
                or silent_ask(self.question, self.dimensions))

    @cached_property
    def general_points(self) -> dict[str, bool]:
        """The points any product answer works on (`typed_ground.typed_points`), read once: the
        ground floor, its short-answer rule and the coverage ceiling all ask for them."""
        return typed_points(self.question, self.units, committed_texts(self.units, self.question))

    @property
    def narrated(self) -> int:
        return sum(1 for u in self.units if u.narration)

    def weight(self, dim_id: str) -> float:
        """How much a dimension counts in this question's overall."""
        return dimension_weight(dim_id, self.dimensions[dim_id].score, self.question.dimensions)

    @property
    def applied_sentences(self) -> int:
        """Sentences (or spoken clauses) about this question that commit to something, whatever
        rubric concept they carry: the answer-level measure of applied reasoning, which does
        not depend on the cue lexicon knowing this kind of question."""
        return applied_count(self.units, profile(self.question).prompt)  # less the vague ones

    def applied_share(self) -> float:
        """0-1: half how many applied sentences (a short answer needs fewer), half what share
        of the answer they are, so neither length nor padding earns it."""
        k, n = self.applied_sentences, max(1, len(self.units))
        enough = min(APPLIED_SENTENCES_FOR_FIVE, max(5.0, 0.7 * n))
        # A share of one or two sentences says little: a one-line answer is not 100% reasoning.
        share = min(1.0, k / n / APPLIED_SHARE_FOR_FIVE) * min(1.0, k / SHARE_NEEDS)
        # Padding dilutes: past this many words per applied sentence, the rest is talk, where
        # the answer does pad (filler, the question handed back, generic claims, narration).
        padding = sum(1 for u in self.units if u.narration or u.restated or u.generic)
        dense = (min(1.0, k * WORDS_PER_APPLIED / max(1, self.words))
                 if padding >= PADDING_UNITS else 1.0)
        return (0.5 * min(1.0, k / enough) + 0.5 * share) * dense

    def overall(self) -> float:
        score = rubric = weighted_overall({d: r.score for d, r in self.dimensions.items()},
                                          self.question.dimensions)
        if not (self.empty or self.off_topic or self.drifting or self.recitation  # few words:
                or (self.words < SLIGHT_WORDS and rubric < SLIGHT_RUBRIC)):  # no share to speak of
            applied = MIN_SCORE + (MAX_SCORE - MIN_SCORE) * self.applied_share()
            score = (1 - APPLIED_WEIGHT) * score + APPLIED_WEIGHT * applied
        if not self.off_topic and not self.drifting and self.words >= ENGAGED_WORDS:
            score = max(score, ENGAGED_FLOOR)  # it engaged with this question, if weakly
        elif self.off_topic and engaged_elsewhere(self.relevance, self.applied_share(), self.words):
            score = max(score, ENGAGED_FLOOR)  # graded 1.5-2, not 1
        if self.recitation:
            score = min(score, RECITATION_CAP)
        off_outline = untouched(self.question, self.units)  # the prompt's words, nothing more
        missed = self.ask_missed
        if self.drifting or missed or off_outline:
            score = min(score, ELSEWHERE_CAP if missed in ANSWERS_ANOTHER else DRIFT_CAP)
        gated = self.empty or self.off_topic or self.drifting or self.recitation or off_outline
        met = [d for d, r in self.dimensions.items() if d != "communication" and r.score >= 3]
        set_aside = gated or bool(missed)
        settled = settle(score, rubric, self.units, (self.words, self.applied_sentences, len(met)),
                         set_aside)  # numbers, or calls argued in words
        points = self.general_points
        score = ground_floor(self.question, self.units, score, settled, set_aside, points)
        deep_dim = any(self.dimensions[d].depth for d in GENERAL_DEPTH if d in self.dimensions)
        score = min(score, coverage_cap(self.question, self.units, deep_dim, set_aside, points))
        score = min(score, call_cap(self.question, [u.piece.text for u in self.units]))
        if lays_out_figures(self.question, self.units):  # "we have 420 sites, each ..."
            score = min(score, LANDSCAPE_CAP)
        if self.recitation and says_nothing(" ".join(s.text for s in self.sentences)):
            score = min(score, GLOSSARY_CAP)  # a list of names, not even a recital in sentences
        return round(max(MIN_SCORE, min(MAX_SCORE, score)), 1)


ASKED_ALOUD = frozenset({"right-tool", "assumptions", "problem"})


def _asked_aloud(fam: Family, units_: Sequence[Unit], i: int) -> bool:
    """"Is a model even the right tool here?" asked about this product is the move itself."""
    u = units_[i]
    if fam.name == "right-tool":  # doubting the AI itself is the move, however it is phrased
        return bool(u.subject) and not u.generic
    return (fam.name in ASKED_ALOUD and u.piece.text.rstrip().endswith("?")
            and bool(u.subject) and not u.generic)


def _mentions(fam: Family, text: str, prompt_stems: frozenset[str] = frozenset()) -> bool:
    """Named, and not only to dismiss it ("we don't need an A/B test" names no test), and not
    only as the question's own word: "alerts" in a question about family alerts is the
    product, not post-launch monitoring."""
    for m in fam.pattern.finditer(text):
        own = set(subject_terms(m.group(0)))
        if (len(m.group(0).split()) == 1 and own and own <= prompt_stems) or asks_worth(
                fam.name, text, m):  # "...whether it is worth it" asks, it takes no side
            continue
        if fam.name not in NEGATABLE or not NEGATION.search(text[: m.start()]):
            return True
    return False


def _counts_for(fam: Family, units_: Sequence[Unit], i: int) -> bool:
    """Family-specific conditions on an applied instance."""
    u = units_[i]
    if fam.name == "decision-rule":  # its figures may follow in the clauses of its sentence
        return u.number or bool(ACTION.search(u.piece.text)) or figures_follow(units_, i)
    # BLEU, F1 and AUC are model metrics, not the product's; "look at the ROI" sizes no cost.
    return not ((fam.dimension in ("metrics", "business-impact") and u.model_terms >= 2)
                or (fam.name == "cost" and names_return_only(u.piece.text, fam.pattern, u.number)))


def _score(instances: float, depth: bool, mentioned: int) -> float:
    """One applied instance meets the bar (3); a second makes 4; depth (a side with its reason,
    a decision rule, a guardrail with a bar...) adds a point, up to 5."""
    if instances <= 0:
        return MENTION_ONLY if mentioned else float(MIN_SCORE)
    score = 3.0 + min(instances - 1, 1.5) + (1.0 if depth else 0.0)
    if instances < 1.5 and depth:
        score = 4.0
    return min(score, 5.0 if depth else 4.5)


def _read_dimension(dim_id: str, units_: Sequence[Unit], stressed: bool,
                    prompt_stems: frozenset[str] = frozenset()) -> DimensionReading:
    reading = DimensionReading(dim_id, float(MIN_SCORE))
    for fam in DIMENSION_FAMILIES.get(dim_id, ()):  # a typed item carries its header's label
        found = headed(units_, partial(_mentions, fam, prompt_stems=prompt_stems))
        if fam.name == "side-taken":  # "...damages the brand. So I'd split by risk: ..."
            found = drawn_sides(units_, found, partial(_mentions, prompt_stems=prompt_stems))
        applied = [units_[i] for i in found
                   if (is_applied(units_, i) or _asked_aloud(fam, units_, i))
                   and _counts_for(fam, units_, i) and not vague(units_, i, prompt_stems)]
        if applied:
            reading.applied[fam.name] = applied
        elif found:
            reading.mentioned[fam.name] = [units_[i] for i in found]
        if not applied:
            reading.missing.append(fam)
    depth_names = DEPTH_FAMILIES.get(dim_id, ())
    reading.depth = any(deep(dim_id, name, u) for name in depth_names  # metrics: a bar
                        for u in reading.applied.get(name, ()))
    # Instances: distinct concepts, each in its own sentence (one naming three is one). A typed
    # clause after a semicolon is a sentence: "Measure minutes; guardrails: a weekly audit".
    families = {f.name: f for f in DIMENSION_FAMILIES.get(dim_id, ())}
    distinct_units = {(id(u), clause_of(families[name], u))
                      for name, us in reading.applied.items() for u in us}
    count: float = min(len(reading.applied), len(distinct_units))
    if dim_id == "trade-offs" and set(reading.applied) == {"side-taken"}:
        # A side taken with its reason ("I'd favour precision over reach, because...") names the
        # tension by itself; without a reason it is only a preference.
        # "I'd rather be slow than cut people off, since...": both sides, tersely, make two.
        count = sides_taken(units_, reading.applied["side-taken"])
        reading.depth = count >= 1
    if dim_id == "prioritization" and not stressed and set(reading.applied) == {"criteria"}:
        # Where the question asks for no ranking, a criterion with nothing ranked by it
        # ("storage is cheap") is a reason, not a priority.
        reading.mentioned.update(reading.applied)
        reading.applied.clear()
        count, reading.depth = 0, False
    reading.score = _score(count, reading.depth, len(reading.mentioned))
    return reading


def _communication(reading: Reading) -> DimensionReading:
    """Structure in any form (signposts, ordinal steps, headers, bullets), a close, concision."""
    comm = DimensionReading("communication", float(MIN_SCORE))
    if reading.empty or reading.off_topic:
        return comm
    text_units = reading.units
    signposts = [u for u in text_units if SIGNPOST.search(u.piece.text) and not u.restated]
    bullets = [u for u in text_units if u.piece.bullet]
    tail = text_units[-2:]
    summary = [u for u in tail if SUMMARY.search(u.piece.text)  # a last "Summary" sums nothing
               and not (u is tail[-1] and len(u.piece.text.split()) <= 2)] or [
        u for u in text_units[:2] if SUMMARY.search(u.piece.text) and u.decision]
    structured = len(signposts) >= 2 or len(bullets) >= 3
    # Points: what the rubric recognised or, where its lexicon does not know the question, the
    # sentences that commit to something (a short answer of points is concise, not rambling).
    committed = reading.applied_sentences
    points = max(committed, sum(len(d.applied) for k, d in reading.dimensions.items()
                                if k != "communication"))
    per_point = reading.words / max(1, points)
    score = 2.0
    if structured:
        comm.applied["signposting"] = (signposts or bullets)[:2]
        score += 1
    if summary:
        comm.applied["summary"] = summary[:1]
        score += 1
    if points >= 3 and per_point <= CONCISE_WORDS_PER_POINT:
        score += 1
    elif per_point >= RAMBLE_WORDS_PER_POINT or reading.model_heavy:
        score -= 1
    if points >= 6 and not (structured and summary):
        score = max(score, 3.0)  # many clear points make their own structure
    comm.depth = bool(summary)
    comm.score = max(float(MIN_SCORE), min(float(MAX_SCORE), score))
    return comm


def read_answers(question: Question, answers: Sequence[str]) -> Reading:
    sentences = [s for i, a in enumerate(answers) for s in split_sentences(a, i)]
    injected = [s for s in sentences if is_injection(s.text)]
    prof = profile(question)
    pieces = [(n, units(head), recites(head.text, prof.prompt) or keyword_run(head.text, prof.wide),
               restates_question(head.text, prof.prompt))
              for n, s in enumerate(sentences) for head in without_injection(s)]
    kept = [u for _, cut, _, _ in pieces for u in cut]
    parents = [n if len(cut) > 1 else -1 for n, cut, _, _ in pieces for _ in cut]
    recited = [(r, again) for _, cut, r, again in pieces for _ in cut]
    carried = carried_subject(question, prof, [s.text for s in kept])  # typed: the candidate's
    unit_list = [make_unit(u, carried, prof.prompt, parent, *chain)  # own words for its subject
                 for u, parent, chain in zip(kept, parents, recited, strict=True)]
    unit_list = without_refrain(unit_list, carried)  # "The X feature should ... The X feature"
    unit_list = headed_reasons(unit_list)  # "Why\n- the decision happens this week"
    unit_list = reasons_across_cuts(unit_list, prof.prompt, answers)  # "...us | so it gets..."
    body = " ".join(s.text for s in kept)
    dims = {d: _read_dimension(d, unit_list, d in question.dimensions, prof.prompt)
            for d in dimension_ids() if d != "communication"}
    model_mentions = len(MODEL_TALK.findall(body))
    applied_points = sum(len(d.applied) for d in dims.values())
    mentioned_points = sum(len(d.mentioned) for d in dims.values())
    reading = Reading(
        question=question,
        sentences=kept,
        units=unit_list,
        injected=injected,
        relevance=relevance(question, body),
        model_heavy=model_mentions >= 5 and model_mentions > 1.5 * applied_points,
        recitation=recites_whole(question, unit_list, mentioned_points, applied_points),
        words=len(words(body)),
        dimensions=dims,
    )
    dims["communication"] = _communication(reading)
    reading.dimensions = {d: dims[d] for d in dimension_ids()}
    _adjust(reading)
    return reading


def _adjust(reading: Reading) -> None:
    """Judgements that need the whole answer, not one dimension's cues."""
    dims = reading.dimensions
    if reading.model_heavy:
        # Jumping to models and accuracy is the textbook weak framing.
        dims["framing"].score = min(dims["framing"].score, 2.0)
    if reading.empty or reading.off_topic:
        for r in dims.values():
            r.score = float(MIN_SCORE)
            r.applied.clear()
