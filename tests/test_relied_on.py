"""Where AI takes over work people do by hand, "ready to rely on" is answered in those terms: the
step wider is people relying on it ("staff rely on it only if its counts match theirs"), and the
comparison in use is the AI run in parallel with the people doing the work, on the same cases,
whatever an offline number said before (`cues_asks._GO_WIDER`, `offline_success.IN_USE`).
Examples written here, apart from the calibration set."""

from __future__ import annotations

from interviewer.banks import Question
from interviewer.coach.analysis import read_answers
from interviewer.coach.offline_success import judged_offline
from tests.support.answers import one_paragraph

METERS = Question.adhoc(
    "An electricity supplier wants AI that reads the dials in meter photos so its clerks stop "
    "keying in readings by hand. What could go wrong, and how would you know it is ready to "
    "rely on?")

RELIED_ON = one_paragraph("""
The worst failure is a misread that bills a household ten times its use, and the photos that
fail most are dirty glass, glare and old dial types.
I'd test on a quarter of last year's photos the clerks keyed, from districts it never trained on,
with the error rate reported per dial type.
Then one billing cycle in parallel with the clerks; clerks rely on it only if no bill moves by
more than five percent and every misread is a flagged photo.
""")

PARALLEL_AFTER_ACCURACY = one_paragraph("""
The reader may look good at 95% accuracy overall while it fails on the rare old dials.
Glare and dirty glass cause most misreads, and a misread bill costs a call and a refund.
I'd measure its accuracy on photos the clerks already keyed, per dial type.
When it is ready, I'd still run it for two cycles in parallel with the clerks, comparing each
bill, before the clerks stop keying.
""")

ACCURACY_ONLY = one_paragraph("""
The model could misread dials in bad light.
I'd fine-tune a vision model on public meter datasets and check its accuracy on a test set.
If it gets above 95% accuracy, it is ready, and we can retire manual keying.
""")


def test_people_relying_on_it_only_if_is_the_readiness_step() -> None:
    reading = read_answers(METERS, [RELIED_ON])
    assert reading.ask_missed == ""


def test_a_run_in_parallel_with_the_people_is_a_comparison_in_use() -> None:
    assert not judged_offline(read_answers(METERS, [PARALLEL_AFTER_ACCURACY]).units)
    assert judged_offline(read_answers(METERS, [ACCURACY_ONLY]).units)
