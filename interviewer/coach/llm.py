"""The LLM coach: follow-ups streamed from any OpenAI-compatible model, and its scorecard.

It raises `LLMFailure` when a step cannot be done (after the client's retries, and after one
repair attempt for an unusable reply); `FallbackCoach` turns that into the offline coach's answer
and a one-line notice. Used alone, it is exactly as strict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from interviewer.coach.base import MAX_FOLLOW_UPS, AnsweredQuestion, FollowUp, TextCallback
from interviewer.coach.llm_client import (
    EMPTY,
    MALFORMED,
    TRUNCATED,
    ChatClient,
    LLMFailure,
)
from interviewer.coach.llm_prompts import (
    FOLLOW_UP_REPAIR,
    SCORE_REPAIRS,
    follow_up_messages,
    new_nonce,
    question_label,
    score_messages,
)
from interviewer.coach.llm_schema import (
    ReplyProblem,
    assemble,
    parse_scorecard,
    response_formats,
)
from interviewer.rubric import dimension_ids
from interviewer.scorecard import Scorecard
from interviewer.secret import Secret

FOLLOW_UP_MAX_TOKENS = 300
SCORE_MAX_TOKENS_BASE = 1200
SCORE_MAX_TOKENS_PER_QUESTION = 400
SCORE_MAX_TOKENS_CAP = 6000
TAG_MAX = 40
"""A reply starting with '[' and no ']' within this many characters carries no dimension tag."""

_TAG = re.compile(r"^\s*\[([^\]\n]{0,40})\]\s*")
_NO_FOLLOW_UP = re.compile(r"^\W*(?:none|no follow-?up(?: needed| is needed)?|n/a)\W*$", re.I)
_HOLD_PREFIXES = ("none", "no follow-up", "no follow up", "n/a")
_QUOTES = "\"'“”‘’"
_LEAD_IN = re.compile(r"^(?:follow[- ]?up(?: question)?|interviewer|question)\s*:\s*", re.I)

FOLLOW_UP_PROBLEMS = {
    "empty": "an empty follow-up",
    "malformed": "code instead of a follow-up question",
    "truncated": "a follow-up cut off at the token limit",
}
SCORE_PROBLEMS = {
    "empty": "an empty scorecard",
    "malformed": "a scorecard that is not valid JSON",
    "schema": "JSON that does not match the scorecard's shape",
    "truncated": "a scorecard cut off at the token limit",
}


class LLMCoach:
    """Follow-ups and scorecards from a chat model; raises `LLMFailure` when it cannot."""

    def __init__(self, client: ChatClient, *, nonce: Callable[[], str] = new_nonce) -> None:
        self.client = client
        self.nonce = nonce

    @classmethod
    def connect(cls, *, base_url: str, model: str, api_key: Secret, timeout: float,
                max_retries: int) -> LLMCoach:
        return cls(ChatClient(base_url=base_url, model=model, api_key=api_key, timeout=timeout,
                              max_retries=max_retries))

    @property
    def name(self) -> str:
        return f"llm:{self.client.model}"

    # -- follow-ups ------------------------------------------------------------------------
    def follow_up(self, item: AnsweredQuestion) -> FollowUp | None:
        return self.stream_follow_up(item, None)

    def stream_follow_up(self, item: AnsweredQuestion,
                         on_text: TextCallback | None) -> FollowUp | None:
        if len(item.follow_ups) >= MAX_FOLLOW_UPS or not item.answers or not item.answers[-1]:
            return None
        deadline = self.client.deadline()
        messages = follow_up_messages(item, self.nonce())
        shown = [""]

        def show(raw: str) -> None:
            visible = visible_follow_up(raw)
            if visible and visible != shown[0] and on_text is not None:
                shown[0] = visible
                on_text(visible)

        problem = ""
        for attempt in range(2):
            if attempt:
                messages = [*messages, {"role": "user",
                                        "content": FOLLOW_UP_REPAIR.format(problem=problem)}]
            completion = self.client.complete(
                messages, deadline=deadline, max_tokens=FOLLOW_UP_MAX_TOKENS,
                purpose="follow-up", temperature=0.4, on_text=show,
                stop_when=question_complete,
            )
            try:
                parsed = final_follow_up(completion.text, completion.finish_reason)
            except ReplyProblem as exc:
                problem = FOLLOW_UP_PROBLEMS[exc.kind]
                if completion.text.strip():
                    messages = [*messages, {"role": "assistant", "content": completion.text}]
                if attempt:
                    raise LLMFailure(exc.kind, f"the model sent {problem}, "
                                               "even after one repair") from None
                continue
            if parsed is None:
                return None
            tag, text = parsed
            if text != shown[0] and on_text is not None:
                on_text(text)
            return FollowUp(text, self._dimension(tag, item), self.name)
        raise AssertionError("unreachable")

    @staticmethod
    def _dimension(tag: str | None, item: AnsweredQuestion) -> str:
        ids = dimension_ids()
        if tag:
            key = re.sub(r"[\s_]+", "-", tag.strip().lower())
            if key in ids:
                return key
        probed = {f.dimension for f in item.follow_ups}
        fresh = [d for d in item.question.dimensions if d not in probed]
        return (fresh or list(item.question.dimensions) or list(ids))[0]

    # -- scorecard -------------------------------------------------------------------------
    def score(self, items: Sequence[AnsweredQuestion]) -> Scorecard:
        if not items:
            raise ValueError("nothing to score")
        deadline = self.client.deadline()
        labels = [question_label(i) for i in range(len(items))]
        messages = score_messages(items, self.nonce())
        formats = response_formats(labels)
        max_tokens = min(SCORE_MAX_TOKENS_CAP,
                         SCORE_MAX_TOKENS_BASE + SCORE_MAX_TOKENS_PER_QUESTION * len(items))
        for attempt in range(2):
            completion = self.client.complete(
                messages, deadline=deadline, max_tokens=max_tokens, purpose="scorecard",
                temperature=0.2, response_formats=formats,
            )
            try:
                if completion.finish_reason == "length":
                    raise ReplyProblem(TRUNCATED, "cut off at the token limit")
                card = parse_scorecard(completion.text, labels)
            except ReplyProblem as exc:
                if attempt:
                    raise LLMFailure(exc.kind, f"the model sent {SCORE_PROBLEMS[exc.kind]}, "
                                               "even after one repair") from None
                repair = SCORE_REPAIRS[exc.kind].format(detail=exc.detail)
                if exc.kind not in (EMPTY, TRUNCATED):
                    messages = [*messages, {"role": "assistant", "content": completion.text}]
                else:
                    max_tokens = min(SCORE_MAX_TOKENS_CAP, max_tokens * 3 // 2)
                messages = [*messages, {"role": "user", "content": repair}]
                continue
            return assemble(card, items, self.name)
        raise AssertionError("unreachable")


# -- reading a follow-up reply --------------------------------------------------------------
def _split_tag(raw: str) -> tuple[str | None, str, bool]:
    """(tag, rest, decided): `decided` is False while a tag may still be coming."""
    text = raw.lstrip()
    if text.startswith("["):
        m = _TAG.match(text)
        if m:
            return m.group(1), text[m.end():], True
        if len(text) <= TAG_MAX and "\n" not in text:
            return None, "", False
    return None, text, True


def _clean(text: str) -> str:
    """One line, no lead-in ('Follow-up:'), no wrapping quotes, up to the first question mark."""
    text = " ".join(text.split())
    if text[:1] in _QUOTES:
        text = text[1:]
        if text[-1:] in _QUOTES:
            text = text[:-1]
    text = _LEAD_IN.sub("", text).lstrip("".join(_QUOTES) + " ")
    q = text.find("?")
    if q != -1:
        text = text[: q + 1]
    return text.strip()


def visible_follow_up(raw: str) -> str:
    """What may be shown of a follow-up still being generated ('' while undecided)."""
    tag, rest, decided = _split_tag(raw)
    if not decided or (tag is not None and tag.strip().lower() in ("none", "")):
        return ""
    low = rest.strip().lower()
    if any(p.startswith(low) or low.startswith(p) for p in _HOLD_PREFIXES) and len(low) < 24:
        return ""
    return _clean(rest)


def question_complete(raw: str) -> bool:
    """The first question is done once a new sentence starts after its question mark."""
    _, rest, decided = _split_tag(raw)
    q = rest.find("?")
    return decided and q != -1 and bool(re.search(r"[A-Za-z]", rest[q + 1:]))


def final_follow_up(raw: str, finish_reason: str | None) -> tuple[str | None, str] | None:
    """(dimension tag, question), or None when the model says no follow-up is needed."""
    tag, rest, _ = _split_tag(raw)
    if tag is not None and tag.strip().lower() == "none":
        return None
    if _NO_FOLLOW_UP.match(rest.strip()):
        return None
    text = _clean(rest)
    if not text or not re.search(r"[A-Za-z]", text):
        raise ReplyProblem(EMPTY, "the reply was empty")
    if text[0] in "{[<`" or "```" in text:
        raise ReplyProblem(MALFORMED, "code or markup instead of a question")
    if finish_reason == "length" and "?" not in text:
        raise ReplyProblem(TRUNCATED, "cut off at the token limit")
    return tag, text
