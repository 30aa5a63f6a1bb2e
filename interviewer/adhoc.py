"""What a question typed on the command line stresses, read from its own words, so it is not
judged on dimensions it never raised."""

from __future__ import annotations

import re

from interviewer.rubric import dimension_ids

# What a typed question's words ask for, so it is not judged on dimensions it never raised.
_ASKS: tuple[tuple[str, str], ...] = (
    ("framing", r"\b(design|improve|who|users?|customers?|approach|new|build|for (?:people|"
                r"users|teams)|problem|what(?:'s| is) going on|figure out)\b"),
    # "Does it pay for itself?" and "is it ready?" ask for a measure and a bar.
    ("metrics", r"\b(measur\w*|metrics?|success\w*|know (?:if|whether|it)|working|works|"
                r"worth keeping|evaluat\w*|kpis?|north star|pays? (?:for|off)|ready)\b"),
    # "What could go wrong?" asks for the risks weighed; "which side?" for a side taken.
    ("trade-offs", r"\b(should|trade[- ]?offs?|balanc\w*|versus|vs|cost|latency|privacy|"
                   r"risk\w*|safe\w*|go wrong|downsides?|side would|say no)\b"),
    # "What would you build first?" asks for an order; "the first draft of a post" does not,
    # nor does "which metric" or "which side" (a choice of one thing, not an order of several).
    ("prioritization", r"\b(prioriti\w*|first(?=\s*(?:[?,;]|and\b|$))|which (?:one|ones|of|"
                       r"ideas?|features?|would you (?:ship|build|do|launch|start|choose|pick))|"
                       r"one of|roadmap|choose|pick|scope|where to start|next quarter)\b"),
    ("experimentation", r"\b(test\w*|experiment\w*|validat\w*|roll ?out|launch|ship|know (?:if|"
                        r"whether|it)|works|working|evaluat\w*|ready|pilot)\b"),
    ("business-impact", r"\b(should|decide|worth|invest\w*|cost\w*|revenue|business|whether|"
                        r"build|buy|pric\w*|profit\w*|pays? (?:for|off)|roi)\b"),
    ("communication", r"\b(design|strategy|critique|walk me through|explain|pitch|tell me)\b"),
)


def adhoc_dimensions(prompt: str) -> tuple[str, ...]:
    """The dimensions a typed question stresses, read from its words (framing at least)."""
    found = [dim for dim, cues in _ASKS if re.search(cues, prompt, re.IGNORECASE)]
    if "framing" not in found:
        found.insert(0, "framing")
    return tuple(d for d in dimension_ids() if d in found)
