"""The brain behind the interview: one interface, an offline and (later) an LLM implementation."""

from interviewer.coach.base import AnsweredQuestion, Coach, FollowUp

__all__ = ["AnsweredQuestion", "Coach", "FollowUp"]
