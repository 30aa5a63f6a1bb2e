"""The command table: every command of `interviewer`, in the order `--help` lists them.

A row names the command, its help line, the function that runs it (`run(ctx) -> exit code`),
the one that adds its arguments, and whether the question banks are loaded first. A new
command is one module with those two functions and one row here."""

from __future__ import annotations

from interviewer.cli import banks, calibrate, doctor, interview, review, score, stt, tts, turns
from interviewer.cli.command import Command

COMMANDS: tuple[Command, ...] = (
    Command("banks", "list the questions in the banks, or validate bank files",
            banks.run, banks.arguments, needs_bank=banks.needs_bank),
    Command("score", "score one written or recorded answer, headless",
            score.run, score.arguments, needs_bank=score.needs_bank),
    Command("doctor", "check the coach, the LLM endpoint, speech and devices", doctor.run),
    Command("speak", "say TEXT as the interviewer would, or write it to a WAV file",
            tts.speak, tts.speak_arguments),
    Command("voices", "list both speech engines' voices (the one in use has a *)", tts.voices),
    Command("transcribe", "transcribe an audio file (wav, flac, mp3, m4a...)",
            stt.transcribe, stt.transcribe_arguments),
    Command("devices", "list microphones and speakers (* = the default)",
            stt.devices, stt.devices_arguments),
    Command("turns", "show where a spoken answer in an audio file would end",
            turns.run, turns.arguments),
    Command("sessions", "list saved sessions, or delete one",
            review.sessions, review.sessions_arguments),
    Command("report", "a session's report: Markdown, HTML or JSON",
            review.report, review.report_arguments),
    Command("progress", "each rubric dimension across your sessions",
            review.progress, review.progress_arguments, needs_bank=True),
    Command("resume", "continue an unfinished session (typed)",
            review.resume, review.resume_arguments, needs_bank=True),
    Command("calibrate", "measure a coach against graded answers "
                         "(Spearman rho, error, gaming, form gaps)",
            calibrate.run, calibrate.arguments, needs_bank=True),
)
INTERVIEW = Command("", "the interview in the TUI", interview.run, needs_bank=True)
"""What `interviewer` runs without a command."""
BY_NAME = {c.name: c for c in COMMANDS}
