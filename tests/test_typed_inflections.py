"""Typed questions read as an interviewer reads them: the prompt's word in another form ("file":
filers, filed, filing) is the prompt's subject. Examples are written here, apart from the
calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.relevance import own_form, profile

PERMITS = Question.adhoc(
    "A city is adding an AI helper to its building-permit portal that answers residents' "
    "questions while they file. How would you define success for it?")

PERMITS_ANSWER = (
    "I'd focus on homeowners filing their first renovation permit, because contractors already "
    "know the forms and rarely get stuck. "
    "Success for a filer means the application is filed complete on the first try. "
    "So the headline number is the first-pass acceptance rate of filings from people who used the "
    "helper, against a random holdout who see the old FAQ pages. "
    "I'd call it a win at 5 points or more. "
    "Guardrails: inspectors review 200 sampled replies a week and fewer than 2% may state a wrong "
    "setback or fee, since a wrong reply means a rejected filing and weeks lost. "
    "Clerk phone calls should fall, not rise. "
    "Filers who abandon halfway are the leak I'd watch daily. "
    "If acceptance climbs but wrong replies pass 2%, I would pause the rollout and fix the sources "
    "first.")


def test_a_short_prompt_word_in_another_form_is_the_prompts_word() -> None:
    prompt = profile(PERMITS).prompt
    assert "file" in prompt
    assert {own_form(prompt, t) for t in ("filer", "filed", "filing")} == {"file"}
    # Another word that only begins alike is not a form of it.
    assert own_form(prompt, "filter") == "filter"
    assert own_form(prompt, "film") == "film"


def test_an_answer_about_filers_and_filings_is_about_a_question_on_filing() -> None:
    reading = read_answers(PERMITS, [PERMITS_ANSWER])
    assert not reading.off_topic and not reading.drifting
    assert reading.overall() >= 4.0
