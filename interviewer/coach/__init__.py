"""The brain behind the interview: one interface, an offline and an LLM implementation.

`factory.make_coach(settings)` picks one; the LLM coach always comes wrapped in `FallbackCoach`,
so the offline coach takes over any step the model cannot do.
"""

from interviewer.coach.base import AnsweredQuestion, Coach, FollowUp

__all__ = ["AnsweredQuestion", "Coach", "FollowUp"]
