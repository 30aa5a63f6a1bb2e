"""The follow-up an answer would get, worked out before the answer is final: while the
end-of-turn judges decide on a pause, the voice can get its first sentence ready.

Nothing in the interview changes: the coach is asked for a preview (`PreviewCoach`, local
coaches only), on a copy of the question's answers with the guess appended. When the answer
turns out to be these words, `InterviewEngine.submit` asks the coach again and gets the same
text; when the candidate goes on, the guess is simply never used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewer.coach.base import MAX_FOLLOW_UPS, AnsweredQuestion, PreviewCoach

if TYPE_CHECKING:
    from interviewer.session.engine import InterviewEngine


def preview_follow_up(engine: InterviewEngine, answer: str) -> str | None:
    """The text of the follow-up the coach would ask if the answer to the current prompt were
    `answer`; None if there would be none, or the coach cannot say without the network."""
    coach, answer = engine.coach, answer.strip()
    prompt = engine.prompt
    if not answer or prompt is None or not isinstance(coach, PreviewCoach):
        return None
    item = engine.items[prompt.question_index]
    if len(item.follow_ups) >= MAX_FOLLOW_UPS:
        return None
    guess = AnsweredQuestion(item.question, [*item.answers, answer], list(item.follow_ups))
    follow = coach.preview_follow_up(guess)
    return follow.text if follow is not None else None
