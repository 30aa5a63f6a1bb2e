"""Whether it is worth its cost, answered in the words an interviewer hears as the payback move.

"Is it worth the cost?" is answered by a cost set against a benefit ("the bill is 1.2 million, so
the question is whether it avoids more than that in claims"), by the break-even stated ("if it
saves one lost customer a month, it pays for itself"), by the comparison that would show it
("homes that get it against similar homes that don't") or by a verdict held to what the evidence
shows ("renew only if sign-ups rise 3 points", "probably worth it, once proven"). The gate on the
payback constraint (`cues_asks.PROMPT_CONSTRAINTS`) knew only some phrasings of the comparison, so
strong answers that did the arithmetic were held at 2 as answers to another question. A price
called cheap, a budget it is a small part of, or a yes with a reason and no condition ("worth it,
because fires are getting worse") still sets nothing against the cost.
"""

from __future__ import annotations

_MONEY = (r"(?:[$\u20ac\u00a3] ?\d|\b\d[\d,.]*[\s-]*(?:k|thousand|million|billion|dollars?|"
          r"euros?|pounds?)\b|\b(?:tens|hundreds) of (?:thousands|millions)\b)")
"""A figure: "the benefits outweigh the costs" sets no number against another."""
_SET_AGAINST = (r"\b(?:more than (?:that|it|this|the (?:cost|fee|bill|price))|(?:above|below) "
                r"[$\u20ac\u00a3]?\d|next to|covers? (?:it|that|this|the (?:cost|fee|bill|price))|"
                r"pays? for (?:it|that|this)\b|outweigh\w*|exceed\w*|dwarf\w*)")
_BENEFIT = (r"\b(?:loss(?:es)?|lost|claims?|sav(?:e|es|ed|ing|ings)|revenue|gains?|benefits?|value|"
            r"damages?|churn\w*|prevent\w*|avoid\w*|fewer|profit\w*|margins?)\b")
_CONDITION = r"\b(?:if|unless|once|only|until|after|but|as long as|where|when)\b"
_EVIDENCE = (r"(?:\d|\b(?:proven|prove[sd]?|test\w*|pilot\w*|trial\w*|season|ris(?:e|es|ing)|"
             r"fall\w*|drop\w*|fewer|more|less|better|worse|difference|reduc\w*|cut\w*|"
             r"improv\w*)\b)")
_VERDICT = (r"\b(?:renew\w*|keep|drop|cancel\w*|buy|sign|pay for|worth it|continue|stop paying|"
            r"(?:don't|wouldn't|would not) (?:renew|buy|sign|pay))\b")

PAYBACK_IN_WORDS = (
    # a cost set against a benefit in one sentence: "1.2 million against tens of millions of
    # claims", "small next to the losses", "preventing one loss pays for it"
    rf"^(?=.*{_MONEY})(?=.*{_SET_AGAINST})(?=.*{_BENEFIT})|"
    # the break-even as a condition: "if it keeps one customer a month, it pays for itself"
    r"\b(?:if|where|once|as long as)\b[^.;]{3,120}\b(?:pays? for (?:it|itself|that|the \w+)|"
    r"covers? (?:it|its cost|the cost|the fee)|breaks? even)\b|"
    # a verdict held to the evidence: "I wouldn't renew if the gap is under 3 points"
    rf"^(?=.*{_VERDICT})(?=.*{_CONDITION}[^.;]{{0,80}}{_EVIDENCE})|"
    # the break-even reached by a stated share: "win back a fifth and it pays for itself"
    r"\band (?:it|that|this|they) (?:\w+ )?(?:pays? for (?:it|itself|themselves)|covers? (?:it|its "
    r"cost|the cost)|breaks? even)\b|"
    # the comparison that would show it, in other words: "alerted and non-alerted homes",
    # "against the other half", "similar homes that don't", "comparable depots without it" (not
    # any matched comparison: "queue wait against ten similar stores" measures something else)
    r"\b(?:similar|matched|comparable) (?:\w+ ){0,2}without\b|"
    r"\bnon-[a-z]+(?:ed|ing)\b|\bthe other half\b|\b(?:similar|matched|comparable) (?:\w+ ){1,2}"
    r"(?:that|who) (?:don't|didn't|do not|did not|aren't|weren't)\b|\b(?:that|who) (?:don't|"
    r"didn't|do not|did not)\s*(?:[.;,]|$)")
"""One sentence doing any of these makes the payback move once (the constraint asks two)."""

# The two broad forms, whatever the words (the phrasings above keep accreting misses on every
# new batch: "hours watched per dollar, compared with what we pay to license", "if people use it
# and buy from it, expand, and if not, don't").
_COST = (rf"(?:{_MONEY}|\b(?:costs?|costing|pric(?:e|es|ed|ing)|fees?|spend\w*|budget\w*|bills?|"
         r"licen[cs]\w*|outlay|up[- ]?front|(?:what|how much) (?:we|they|you|it) (?:pay|spend)|"
         r"per (?:dollar|euro|pound))\b)")
"""The cost side: a figure, or the cost named ("cheap" and "expensive" judge it, and set nothing
against anything)."""
_AGAINST = (r"\b(?:against|versus|vs\.?|compar\w*|covers?|covered|outweigh\w*|exceed\w*|"
            r"break\w* even|otherwise|per (?:dollar|euro|pound)|for every)\b")
"""Set against something: what it brings, the other way to spend it, what would happen without
it. Not "than" ("a tiny fraction of the budget, and AI beats humans": a price called small)."""
_IF = r"\b(?:if|unless|once|only if|as long as|provided)\b"
_OBSERVED = (r"(?:\d|\b(?:more|less|fewer|higher|lower|faster|slower|above|below|under|within|"
             r"beat\w*|clear\w*|gain\w*|ris(?:e|es|ing)|rose|fall\w*|fell|drop\w*|hold\w* up|"
             r"us(?:e|es|ed|ing)|buy\w*|bought|sell\w*|sold|complet\w*|watch\w*|return\w*|"
             r"stay\w*|switch\w*|bail\w*|high|low|most|proven|prove[sd]?|shows?|works?|"
             r"(?:go(?:es)?|went|come|comes|move[sd]?) (?:down|up))\b)")
"""What the condition observes: a figure, a direction, or what people do with it ("use it and
buy from it"), not what is assumed ("as long as the vendor is reputable")."""
_GO = (r"\b(?:yes|worth it|roll\w* (?:\w+ )?out|expand\w*|scal(?:e|es|ing)|extend\w*|keep|"
       r"renew\w*|continue|buy|sign|invest|fund|go ahead|commit|don't|do not|wouldn't|would not|"
       r"won't)\b")
"""The call the condition decides: spend it or not (go wider, keep, buy). A guardrail's act (pull
it, pause, roll back if complaints spike) holds safety or scope to a test, not the spend."""

PAYBACK_ASK = r"\bpays? (?:for )?(?:itself|themselves|off)\b|\bworth (?:the )?(?:cost|money|spend)\b"
"""A prompt asking whether it is worth its cost."""
HELD_CALL = rf"^(?=.*{_GO})(?=.*{_IF}[^.;,]{{0,100}}?{_OBSERVED})"
"""The verdict held to what is observed, the condition in its own clause: "if people use it and
buy from it, expand"."""
COST_NAMED = _COST
MONEY = _MONEY
BENEFIT_NAMED = _BENEFIT

PAYBACK_BROAD = (
    # the cost set against something, in one sentence: "hours per dollar against licensing"
    rf"^(?=.*{_COST})(?=.*{_AGAINST})|"
    # the verdict held to what is observed
    + HELD_CALL)
"""A sentence that sets the cost against something, or holds the call to what is observed, makes
the payback move once, in any words."""
