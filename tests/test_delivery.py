"""Delivery analytics on synthetic word timings: pace, filler rules, pauses, first point."""

from __future__ import annotations

import pytest

from interviewer.speech.delivery import (
    FIELDS,
    LONG_PAUSE_S,
    Delivery,
    analyze,
    from_segments,
    from_words,
    long_pauses,
    timed_words,
)
from interviewer.speech.fillers import find_fillers, normalise, tokens
from interviewer.speech.stt import Segment, Word


def timed(text: str, *, start: float = 0.0, step: float = 0.4,
          gaps: dict[int, float] | None = None) -> list[tuple[float, float, str]]:
    """Words `step` apart (each lasting 80% of it); `gaps[i]` adds silence before word i."""
    out, t = [], start
    for i, word in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        out.append((round(t, 3), round(t + 0.8 * step, 3), word))
        t += step
    return out


def fillers(text: str) -> list[str]:
    return [f.phrase for f in find_fillers(tokens(timed(text)))]


# -- the figures -------------------------------------------------------------------------------
def test_to_dict_has_exactly_the_figures_score_json_names() -> None:
    d = analyze(timed("I would start with the users."))
    assert tuple(d.to_dict())[:7] == FIELDS
    assert set(d.to_dict()) == {*FIELDS, "filler_words"}
    allowed = analyze(timed("I would start with the users."), allowed_s=180).to_dict()
    assert set(allowed) == {*FIELDS, "filler_words", "allowed_s", "talk_share"}


def test_words_per_minute_over_talk_time() -> None:
    # 150 words, one every 0.4 s: the first starts at 2.0, the last ends 0.32 s after it starts.
    words = timed(" ".join(["word"] * 150), start=2.0, step=0.4)
    d = analyze(words)
    talk = 149 * 0.4 + 0.32
    assert d.words == 150
    assert d.duration_s == pytest.approx(talk, abs=0.01)
    assert d.wpm == pytest.approx(150 / talk * 60, abs=0.1)
    assert 130 <= d.wpm <= 160 and d.in_target_pace
    slow = analyze(timed(" ".join(["word"] * 50), step=0.6))
    assert slow.wpm == pytest.approx(50 / (49 * 0.6 + 0.48) * 60, abs=0.1)
    assert not slow.in_target_pace


def test_empty_and_punctuation_only_answers() -> None:
    empty = analyze([])
    assert empty == Delivery(0, 0.0, 0.0, 0, 0.0, 0, None)
    assert analyze([(0.0, 0.2, "..."), (0.3, 0.4, "-")]).words == 0
    d = analyze([(1.0, 1.5, "Hello."), (1.6, 1.7, "..."), (1.8, 2.2, "users")])
    assert d.words == 2 and d.duration_s == pytest.approx(1.2)


def test_long_pauses_are_counted_exactly() -> None:
    gaps = {5: 3.5, 9: 2.9, 12: 4.0, 15: 3.0, 18: 3.01}
    words = timed("one two three four five six seven eight nine ten eleven twelve thirteen "
                  "fourteen fifteen sixteen seventeen eighteen nineteen twenty", gaps=gaps)
    pauses = long_pauses(words)
    # Word i starts `gap` after word i-1's end plus the 0.08 s already between them.
    assert len(pauses) == 4  # 3.58, 4.08, 3.08, 3.09; 2.98 is not over 3 s
    assert analyze(words).long_pauses == 4
    assert analyze(words).pauses_s == tuple(pauses)
    assert all(p > LONG_PAUSE_S for p in pauses)
    # Silence before the first word is a slow start, not a pause.
    assert analyze(timed("so we start", start=9.0)).long_pauses == 0


def test_talk_share_against_the_time_allowed() -> None:
    d = analyze(timed(" ".join(["word"] * 100), step=0.9), allowed_s=180)
    assert d.talk_share == pytest.approx(d.duration_s / 180, abs=0.001)
    assert d.to_dict()["allowed_s"] == 180


# -- filler rules --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Um, I would, uh, start with users. Erm, hmm.", ["um", "uh", "erm", "hmm"]),
    ("We would basically ship it, kinda.", ["basically", "kinda"]),
    ("Actually, new users churn.", ["actually"]),
    ("The users, honestly, want speed.", ["honestly"]),
    ("What users actually want is speed.", []),
    ("And, like, the metric is retention.", ["like"]),
    ("It was good, like.", ["like"]),
    ("Um like the users.", ["um", "like"]),
    ("Like, we could start small.", ["like"]),
    ("I'd like to start with users.", []),
    ("I would like, to be clear, to start with users.", []),
    ("It looks like retention dropped.", []),
    ("It seems like, you know, a trust problem.", ["you know"]),
    ("Segments, like new users and power users, behave differently.", []),
    ("Something like five percent of users.", []),
    ("Users like it when answers are fast.", []),
    ("We have new users, like, everywhere.", ["like"]),
    ("You know, the metric is retention.", ["you know"]),
    ("It is about trust, you know?", ["you know"]),
    ("Do you know, what the baseline is?", []),
    ("As you know the baseline is low.", []),
    ("You know the users better than me.", []),
    ("It drops, you know what I mean, after a week.", ["you know what I mean"]),
    ("I mean, the metric is retention.", ["I mean"]),
    ("What I mean is retention.", []),
    ("It is kind of slow.", ["kind of"]),
    ("It sort of works.", ["sort of"]),
    ("What kind of users churn?", []),
    ("This sort of model is expensive.", []),
    ("That is the kind of thing we measure.", []),
    ("It is kind of thing.", []),
    ("So, the first thing is users. So my goal is speed.", ["so", "so"]),
    ("We ship it, so users are happy.", []),
    ("So that we can learn, we ship small.", []),
    ("So far, retention is flat.", []),
    ("Well, it depends. It went well, overall.", ["well"]),
])
def test_filler_rules(text: str, expected: list[str]) -> None:
    assert fillers(text) == expected


def test_a_long_silence_starts_a_sentence_without_punctuation() -> None:
    words = timed("and that is the plan so we ship it", gaps={5: 2.5})
    assert [f.phrase for f in find_fillers(tokens(words))] == ["so"]
    assert [f.phrase for f in find_fillers(tokens(timed("and that is the plan so we ship it"))
                                           )] == []


def test_filler_counts_and_rate() -> None:
    text = "Um, so, like, the metric is, basically, retention, you know?"
    d = analyze(timed(text, step=0.5))
    assert d.fillers == 5
    assert d.filler_words == {"um": 1, "so": 1, "like": 1, "basically": 1, "you know": 1}
    assert d.words == 10  # fillers are spoken words too
    assert d.fillers_per_min == pytest.approx(5 / d.duration_s * 60, abs=0.01)


def test_whisper_tokens_are_normalised() -> None:
    assert normalise(" So,") == "so"
    assert normalise("“That’s") == "that's"
    assert normalise("question?”") == "question"
    assert normalise("...") == ""


# -- time to the first point ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "first"), [
    ("I would start with users.", "I"),
    ("That's a great question. Let me think. I would start with users.", "I"),
    ("Okay, that's a really good question, let me think about that, so I'd start with users.",
     "I'd"),
    ("Um, so, thanks for the question. Hmm. Great question. Users first.", "Users"),
    ("Give me a second. Alright. Let me start with the users and their problem.", "Let"),
    ("Let me structure this in three parts.", "Let"),
    ("Good one. You know, the users churn.", "the"),
])
def test_first_point_skips_preamble_and_fillers(text: str, first: str) -> None:
    words = timed(text, start=1.0)
    d = analyze(words)
    expected = next(w for w in words if normalise(w[2]) == normalise(first))
    assert d.seconds_to_first_point == pytest.approx(expected[0])


def test_first_point_counts_from_the_start_of_the_recording() -> None:
    words = timed("Hmm. Let me think. Users first, then the metric.", start=6.0,
                  gaps={4: 3.0})
    assert analyze(words).seconds_to_first_point == pytest.approx(words[4][0])
    assert words[4][0] > 10


def test_an_answer_that_is_all_preamble_has_no_first_point() -> None:
    assert analyze(timed("Um. That's a great question. Let me think.")).seconds_to_first_point \
        is None


# -- inputs ----------------------------------------------------------------------------------
def test_from_words_and_from_segments_agree() -> None:
    words = tuple(Word(s, e, w, 0.9) for s, e, w in timed("So, we start with users. Um."))
    seg = Segment(words[0].start, words[-1].end, " ".join(w.word for w in words), words)
    a = from_words(words)
    b = from_segments([seg.to_dict()])
    assert b is not None and a == b
    assert timed_words([seg.to_dict()]) == [(w.start, w.end, w.word) for w in words]


def test_from_segments_without_words_is_none() -> None:
    assert from_segments([]) is None
    assert from_segments([{"start": 0, "end": 1, "text": "hi", "words": []}]) is None
    assert from_segments([{"start": 0, "end": 1, "text": "hi"}]) is None
    bad = [{"words": [{"start": "x", "end": 1, "word": "a"}, "junk",
                      {"start": 0.5, "end": 0.9, "word": "users"}]}]
    d = from_segments(bad)
    assert d is not None and d.words == 1
