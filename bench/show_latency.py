"""Typed turn latency: ctrl+s on an answer -> the next prompt shown, in the TUI (text mode).

    PYTHONPATH=. .venv/bin/python bench/show_latency.py [--runs 10] [--code DIR]

The app runs in-process (Pilot) with its real parts: the offline coach and a session folder
on the real disk (a temporary home). Each run is a fresh interview whose first answer is weak
(it draws a follow-up) and whose second is strong: two turns, the first to a follow-up, the
second (usually) to the next question. Measured per turn, on the event loop's clock: from
ctrl+s (the submit action) to the first time the screen puts the next prompt's text in the
prompt panel (streamed follow-up text or the prompt itself), and to the answer box unlocked
for it. `--code DIR` measures another checkout (a copy of main, say) with this same script.
Prints the medians of each and the load averages.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WEAK = "I'd train a bigger model."
STRONG = ("Trade-off: accuracy versus latency; I'd pick latency because users wait. Options "
          "ranked by impact and effort, first step a small MVP. In summary: users, metric, plan.")


async def one_run(home: Path, seed: int) -> list[tuple[str, float, float]]:
    """Two turns of a fresh interview: (next prompt's kind, ms to shown, ms to unlocked)."""
    from textual.widgets import TextArea

    from interviewer.banks import load_banks
    from interviewer.coach.offline import OfflineCoach
    from interviewer.config import Settings
    from interviewer.session.store import SessionStore
    from interviewer.ui.app import InterviewerApp
    from interviewer.ui.interview import InterviewScreen

    marks: dict[str, float] = {}
    follow_text, show_prompt = InterviewScreen.show_follow_up_text, InterviewScreen.show_prompt
    submit = InterviewScreen.action_submit

    def spy_submit(screen: InterviewScreen) -> None:
        marks.clear()
        marks["submit"] = time.perf_counter()
        submit(screen)

    def spy_follow(screen: InterviewScreen, text: str) -> None:
        marks.setdefault("shown", time.perf_counter())
        follow_text(screen, text)

    def spy_prompt(screen: InterviewScreen, prompt: Any) -> None:
        now = time.perf_counter()
        marks.setdefault("shown", now)
        marks["ready"], marks["kind"] = now, prompt.kind  # type: ignore[assignment]
        show_prompt(screen, prompt)

    spies = {"action_submit": spy_submit, "show_follow_up_text": spy_follow,
             "show_prompt": spy_prompt}
    originals = {name: getattr(InterviewScreen, name) for name in spies}
    for name, spy in spies.items():
        setattr(InterviewScreen, name, spy)
    settings = Settings(home=home, questions=2, mode="text")
    app = InterviewerApp(settings, load_banks(), OfflineCoach(), SessionStore(home),
                         text_only=True, seed=seed)
    turns = []
    async with app.run_test(size=(100, 34)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, InterviewScreen) and "ready" in marks:
                break
        for answer in (WEAK, STRONG):
            box = app.screen.query_one("#answer", TextArea)
            box.insert(answer)
            await pilot.pause()
            await pilot.press("ctrl+s")
            for _ in range(400):
                if "ready" in marks and "submit" in marks:
                    break
                await asyncio.sleep(0.005)
            t0 = marks["submit"]
            turns.append((str(marks["kind"]), (marks["shown"] - t0) * 1000,
                          (marks["ready"] - t0) * 1000))
            await pilot.pause(0.1)
    for name, original in originals.items():
        setattr(InterviewScreen, name, original)
    return turns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--code", type=Path, help="measure this checkout instead")
    args = parser.parse_args()
    if args.code is not None:
        sys.path.insert(0, str(args.code.resolve()))
    import interviewer

    print(f"code: {Path(interviewer.__file__).parent}; load {os.getloadavg()[:2]}")
    shown: dict[str, list[float]] = {}
    ready: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="show-latency-") as tmp:
        for run in range(args.runs):
            for kind, s, r in asyncio.run(one_run(Path(tmp) / f"h{run}", seed=run)):
                shown.setdefault(kind, []).append(s)
                ready.setdefault(kind, []).append(r)
    for kind in shown:
        print(f"to a {kind}: n={len(shown[kind])}, shown median "
              f"{statistics.median(shown[kind]):.1f} ms, answer box ready median "
              f"{statistics.median(ready[kind]):.1f} ms")
        print(f"  shown {[round(v, 1) for v in shown[kind]]}")
        print(f"  ready {[round(v, 1) for v in ready[kind]]}")
    print(f"load {os.getloadavg()[:2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
