"""What relevance by meaning adds to the offline coach: time and memory, with it and without.

    .venv/bin/python bench/relevance_meaning.py

Each side runs in a fresh process (the model and the bank's vectors are loaded once per process,
lazily, on the first answer): `INTERVIEWER_MEANING=off` (word checks only, the baseline) and on.
Printed per side: the first answer's scoring time (cold: imports excluded, the model's load and
the bank's vectors included; and once more after `warm_up`, which the offline coach starts in
the background when it is made, as a session makes it before the first answer ends), the time
per answer afterwards over the dev split's answers, and the process's peak resident memory; the
meaning gate's own time per answer; then the differences and ratios. Per-answer totals are
noisy on a shared machine (the gate itself is a few milliseconds of a reading's ten to twenty):
read the gate's own line for its cost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from interviewer.banks import load_banks
from interviewer.coach.calibration import parse_set
from interviewer.coach.offline import score_answer
bank = load_banks()
path = Path("interviewer/data/calibration/dev.toml")
answers = parse_set(str(path), path.read_text(), bank)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from interviewer.coach import relevance_meaning
if sys.argv[1] == "warm":  # as in a session: the coach is made before the answer ends
    relevance_meaning.warm_up(wait=True)
t = time.perf_counter()
score_answer(answers[0].question, answers[0].text)
first = time.perf_counter() - t
t = time.perf_counter()
for a in answers[1:]:
    score_answer(a.question, a.text)
per = (time.perf_counter() - t) / (len(answers) - 1)
from interviewer.coach import meaning
from interviewer.coach.relevance_meaning import closest
t = time.perf_counter()
for a in answers:
    closest(a.question, a.text)
gate = (time.perf_counter() - t) / len(answers)
print(json.dumps({"first": first, "per": per, "n": len(answers) - 1, "gate": gate,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "before_mb": before / 1024, "meaning": meaning.available()}))
"""


def run(meaning_on: bool, warm: bool = False) -> dict[str, float]:
    env = dict(os.environ, INTERVIEWER_MEANING="on" if meaning_on else "off")
    out = subprocess.run([sys.executable, "-c", CHILD, "warm" if warm else "cold"], cwd=ROOT,
                         env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores", flush=True)
    off, on, warmed = run(False), run(True), run(True, warm=True)
    if not on["meaning"] or off["meaning"]:
        print("the model did not load (or was not switched off): nothing to compare")
        return 1
    for name, r in (("words only", off), ("with meaning", on)):
        print(f"{name:13s} first answer {r['first'] * 1000:7.1f} ms   per answer "
              f"{r['per'] * 1000:6.2f} ms (n={int(r['n'])})   peak RSS {r['peak_mb']:6.1f} MB")
    print(f"with meaning, warmed up first (as a session's coach is): first answer "
          f"{warmed['first'] * 1000:.1f} ms (x{warmed['first'] / off['first']:.2f} words only)")
    print(f"the meaning gate alone (with meaning): {on['gate'] * 1000:.2f} ms per answer")
    print(f"added: first answer {(on['first'] - off['first']) * 1000:+.1f} ms "
          f"(x{on['first'] / off['first']:.2f}), per answer {(on['per'] - off['per']) * 1000:+.2f}"
          f" ms (x{on['per'] / off['per']:.2f}), peak RSS {on['peak_mb'] - off['peak_mb']:+.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
