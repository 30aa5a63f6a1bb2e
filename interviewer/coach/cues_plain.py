"""The rubric's moves said in plain words, added to the families of `cues_concepts.py`.

A strong answer need not use the rubric's vocabulary. "I'd judge it by whether ..." names its
success measure as surely as "my north-star metric is ..."; "more than one bad answer in a
hundred is too many" is a rate with a bar; "have an expert check a random hundred each week" is
a sampled human review, repeated as monitoring; "as well as the old ones did" is a baseline;
"finishing is what gets them to renew" ties the product to retention. An interviewer credits
these moves whatever the product, so each cue is a way of saying the move, never a topic's word.
Keyed by family name; each value is a regex alternation, wrapped in word boundaries there.
"""

from __future__ import annotations

from interviewer.coach.launch_bar import STATED

_COUNT = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|"
          r"a handful of)")
_WHOLE = r"(?:a|every|each|per) (?:hundred|thousand|ten|twenty|fifty|100|1,000|1000)"

PLAIN: dict[str, str] = {
    # success named as how the speaker will judge it
    "north-star": r"(?:i'd|i would|we'd|we would|i'll|we'll) judge (?:it|this|them|success|"
                  r"whether)|judged? (?:it |this |them )?(?:by|on) whether",
    # a rate in words ("one bad key in a hundred"), what users keep untouched, a rate compared
    "concrete": rf"{_COUNT} (?:[\w-]+ ){{0,4}}in {_WHOLE}|"
                r"(?:keep|keeps|kept|accept\w*|use|used|send|sent|publish\w*) (?:[\w-]+ ){0,3}"
                r"without (?:edit\w*|rewrit\w*|chang\w*|fix\w*|correct\w*)|"
                r"\w+ at (?:the same|a (?:higher|lower|similar)) rate",
    # a random sample checked by hand; the old way as the baseline
    "measurement": r"(?:a )?random (?:sample|selection|set|batch|few|\d[\d,]*|(?:ten|twenty|"
                   r"thirty|forty|fifty|hundred|thousand)\b)|"
                   r"spot[- ]check\w*|at the same rate or better|as \w+ as (?:the |our |their )?"
                   r"(?:[\w-]+ ){1,3}(?:did|do|does)\b",
    # people who know the subject read the output before users meet it; "test it offline"
    "offline-eval": r"(?:an? |the |our )?(?:subject|domain|in-house|human)? ?experts? "
                    r"(?:check|review|grade|rate|score|label|read|audit)\w*|"
                    r"test(?:ed|ing)? (?:it |them |this )?offline",
    # the comparison held against a matched group is the experiment, however it is named:
    # "expand to a few depots and compare braking events with similar depots"
    "ab-test": r"(?:compar\w*|against|versus|vs\.?)\b[^.;]{0,80}\b(?:similar|matched|comparable) "
               r"[\w-]+",
    # a check repeated on a schedule is monitoring, whatever it is called
    "monitoring": r"(?:check|review|sample|audit|read|spot[- ]check)\w* [^.;]{0,60}\b(?:each|"
                  r"every) (?:week|day|month|sprint|release)",
    "retention": r"renew(?:s|ing|ed)?|keep (?:paying|subscribing|coming)",
    # the doubt said as a finding: "price alerts don't need AI", "this doesn't need a model"
    "right-tool": r"(?:doesn't|don't|does not|do not|wouldn't|won't) (?:even |really |actually )?"
                  r"need (?:ai|ml|an? llm|an? model|machine learning|generative|an ai)",
    # the goal set as the yardstick, or against the proxy it is not: "I'd judge it by whether
    # holes get fixed sooner", "success is employers hiring, not posts written"
    "assumptions": r"judge (?:it|this|them|success) (?:by|on)|"
                   r"success (?:is|means) [^.;]{3,80}, not",
    # what waits, named last, ranks as "X first" does: "then tips, a chatbot last"
    "ranking": r"(?:comes?|goes|go|waits?) last|(?<=[,;] )(?:an? |the )?[\w-]+(?: [\w-]+)? last(?=[.;,])|"
               r"(?<=then )(?:an? |the )?[\w-]+(?: [\w-]+)? last(?=[.;,])",
    # the bar that gates the call, stated ("Ready when ...", "Bar: +3 pts"): `launch_bar.py`
    # ...or the call with its bar and what happens otherwise: "sign if three buses are saved;
    # otherwise fund recruitment" ("if the pilot clearly improves, expand; if not..." has no bar)
    "decision-rule": STATED + r"|if\b[^.;?]{0,80}?(?:\d|\b(?:one|two|three|four|five|six|seven|"
                             r"eight|nine|ten|twenty|half|a third|a quarter)\b)[^.;?]{0,80}"
                             r"[;,] (?:and )?(?:otherwise|else|if not)",
}
