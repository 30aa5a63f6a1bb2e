"""Start-up with mode = auto: how long is the event loop held while the app decides voice or
text and loads the speech model, against mode = text (nothing probed, nothing loaded)?

    eval "$(scripts/virtual-audio.sh start)"; .venv/bin/python bench/startup_stall.py --runs 5

Each run is a fresh interpreter (imports are what is measured, and Python caches them), built
as the CLI builds the app: default settings (mode as given, a temporary home), the bundled
banks, the offline coach, the voice kit made by the app. Headless (`run_test`); an asyncio
ticker in the app's loop records how late each 5 ms tick comes, from before the app mounts
until the speech model is ready (mode = text: for as long as the auto run took, at least 2 s).
Three ways, alternating: mode = text (the baseline), mode = auto as the app starts it (the
check and the model's load begin once the home screen is drawn), and mode = auto with them
begun at mount, as before (`--at-mount` in the child). Printed per way: the first home screen
painted (ms from the start), the longest stall of the loop, and the time stalled in ticks later
than 50 ms; ratios against mode = text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK_S = 0.005
LATE_S = 0.05


async def child(mode: str, window_s: float, trace: bool,
                at_mount: bool) -> dict[str, float | str]:
    from interviewer.banks import load_banks
    from interviewer.coach.offline import OfflineCoach
    from interviewer.config import Settings
    from interviewer.session.store import SessionStore
    from interviewer.ui.app import InterviewerApp
    from interviewer.ui.home import HomeScreen

    imports: list[tuple[float, float, str, str]] = []
    if trace:
        import builtins
        import threading

        real_import = builtins.__import__

        def timed(name: str, *a: object, **k: object) -> object:
            t = time.perf_counter()
            try:
                return real_import(name, *a, **k)  # type: ignore[arg-type]
            finally:
                d = time.perf_counter() - t
                if d > 0.02:
                    imports.append((t, d, name, threading.current_thread().name))

        builtins.__import__ = timed  # type: ignore[assignment]

    if at_mount:  # as before: the start-up work begun by on_mount, not once drawn
        mount = InterviewerApp.on_mount

        def on_mount(self: InterviewerApp) -> None:
            mount(self)
            self.on_home_screen_painted()

        InterviewerApp.on_mount = on_mount  # type: ignore[method-assign]
    home = Path(tempfile.mkdtemp(prefix="startup-stall-"))
    settings = Settings(home=home, mode=mode, questions=1)
    app = InterviewerApp(settings, load_banks(), OfflineCoach(), SessionStore(home))
    ticks: list[tuple[float, float]] = []
    painted: list[float] = []
    start = time.perf_counter()

    async def ticker() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(TICK_S)
            now = time.perf_counter()
            ticks.append((now - start, now - last - TICK_S))
            last = now
            if not painted and isinstance(app.screen, HomeScreen) and app.screen.is_mounted:
                app.screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    task = asyncio.create_task(ticker())
    async with app.run_test(size=(100, 34)) as pilot:
        def done() -> bool:
            ready = app.voice is not None and app.voice.state in ("ready", "failed")
            elapsed = time.perf_counter() - start
            if mode == "text":
                return elapsed >= window_s
            return (ready or app.choice.mode == "text") and elapsed >= 0.5
        while not done() and time.perf_counter() - start < 120:
            await pilot.pause(0.02)
        took = time.perf_counter() - start
        chosen = app.choice.mode
        await pilot.press("ctrl+q")
    task.cancel()
    late = [lag for _, lag in ticks if lag > LATE_S]
    worst = max(ticks, key=lambda t: t[1], default=(0.0, 0.0))
    if trace:
        for at, lag in sorted(ticks, key=lambda t: -t[1])[:8]:
            print(f"  stall {lag * 1000:6.0f} ms ending at +{at * 1000:6.0f} ms", file=sys.stderr)
        for t, d, name, thread in sorted(imports, key=lambda i: -i[1])[:25]:
            print(f"  import {name:<40} {d * 1000:6.0f} ms from +{(t - start) * 1000:6.0f} ms "
                  f"({thread})", file=sys.stderr)
    return {"mode": chosen, "window_s": took,
            "painted_ms": (painted[0] - start) * 1000 if painted else float("nan"),
            "worst_ms": worst[1] * 1000, "worst_at_ms": worst[0] * 1000,
            "late_ms": sum(late) * 1000}


def run_one(way: str, window_s: float, trace: bool) -> dict[str, float | str]:
    mode, _, at = way.partition(" ")
    cmd = [sys.executable, __file__, "--child", mode, "--window", str(window_s)]
    cmd += ["--at-mount"] if at else []
    out = subprocess.run(cmd + (["--trace"] if trace else []), stdout=subprocess.PIPE,
                         stderr=None if trace else subprocess.PIPE, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode != 0:
        raise SystemExit(f"startup_stall: the {way} run failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="fresh starts per mode, alternating")
    p.add_argument("--trace", action="store_true",
                   help="print each run's longest stalls and slowest imports (stderr)")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--window", type=float, default=2.0, help=argparse.SUPPRESS)
    p.add_argument("--at-mount", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(child(args.child, args.window, args.trace,
                                           args.at_mount))))
        return 0
    print(f"start-up stalls: {args.runs} fresh starts per mode, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    ways = ("auto", "auto at-mount", "text")
    results: dict[str, list[dict[str, float | str]]] = {w: [] for w in ways}
    for i in range(args.runs):
        for way in ways:
            window = max(2.0, *(float(r["window_s"]) for r in results["auto"])) if \
                way == "text" else 0.0
            r = run_one(way, window, args.trace)
            results[way].append(r)
            print(f"  run {i + 1} mode={way:<13} -> {r['mode']:<5} home painted at "
                  f"{float(r['painted_ms']):5.0f} ms; longest stall {float(r['worst_ms']):4.0f} "
                  f"ms (at +{float(r['worst_at_ms']):.0f} ms); stalled {float(r['late_ms']):4.0f} "
                  f"ms in ticks > {LATE_S * 1000:.0f} ms; over {float(r['window_s']):.1f} s",
                  flush=True)

    def med(way: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in results[way])

    for key, what in (("painted_ms", "home painted"), ("worst_ms", "longest stall"),
                      ("late_ms", "stalled in late ticks")):
        t = med("text", key)
        cells = ", ".join(f"{w} {med(w, key):4.0f} ms ({med(w, key) / t if t else 0:.1f}x)"
                          for w in ways[:2])
        print(f"median {what + ':':<23} text {t:4.0f} ms; {cells} (x: against text)")
    print(f"load at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
