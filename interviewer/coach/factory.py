"""Which coach to use, from the settings: the CLI and the UI both call `make_coach`.

'offline' is the offline coach. 'llm' and 'auto' use the LLM coach, wrapped in the offline
safety net, when an endpoint URL or an API key is configured; without either, the offline coach,
and for an explicit 'llm' a notice saying why.
"""

from __future__ import annotations

from typing import Protocol

from interviewer.coach.base import Coach
from interviewer.coach.offline import OfflineCoach
from interviewer.secret import Secret

NO_ENDPOINT = ("no LLM endpoint is configured (set INTERVIEWER_LLM_BASE_URL, or "
               "INTERVIEWER_LLM_API_KEY for OpenAI): using the offline coach.")


class CoachSettings(Protocol):
    """The part of `interviewer.config.Settings` the factory reads."""

    coach: str
    llm_base_url: str
    llm_model: str
    llm_api_key: Secret
    llm_timeout: float
    llm_max_retries: int


def llm_configured(settings: CoachSettings) -> bool:
    return bool(settings.llm_base_url.strip() or settings.llm_api_key)


def wants_llm(settings: CoachSettings) -> bool:
    return settings.coach in ("llm", "auto") and llm_configured(settings)


def make_coach(settings: CoachSettings) -> tuple[Coach, str | None]:
    """The coach to use, and one line to show the user when it is not what they asked for."""
    offline = OfflineCoach()
    if settings.coach == "offline":
        return offline, None
    if not llm_configured(settings):
        return offline, (NO_ENDPOINT if settings.coach == "llm" else None)
    if not settings.llm_model.strip():
        return offline, "no LLM model is configured (set INTERVIEWER_LLM_MODEL): " \
                        "using the offline coach."
    from interviewer.coach.fallback import FallbackCoach  # the openai SDK loads only when used
    from interviewer.coach.llm import LLMCoach

    try:
        llm = LLMCoach.connect(
            base_url=settings.llm_base_url.strip(), model=settings.llm_model.strip(),
            api_key=settings.llm_api_key, timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )
    except Exception as exc:  # e.g. a base URL the SDK cannot use; never echo its text
        return offline, (f"the LLM coach could not be set up ({type(exc).__name__}): "
                         "using the offline coach.")
    return FallbackCoach(llm, offline), None
