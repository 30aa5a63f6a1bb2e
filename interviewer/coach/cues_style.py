"""How an answer is said rather than what it claims: generic practice talk (recitation), model
talk, structure (signposts, a plan of the answer, a closing summary) and process narration."""

from __future__ import annotations

import re

GENERIC = re.compile(
    r"\b((?:i|you|we) always (?:start|begin|define|run|use|ask|do)|always start|in general|"
    r"generally|typically|best practices?|when (?:critiquing|evaluating|designing|approaching|"
    r"building) any|this framework|applies (?:well )?to|as to any other|i like to start|"
    r"my (?:usual|standard) (?:approach|framework)|(?:a|the) data-driven culture|(?:companies|leadership|teams|organi[sz]ations|one|"
    r"product managers|pms) (?:should|must|need to)|it is (?:also )?important|(?:structured|"
    r"standard|classic|the \w+) framework|a framework|any (?:product|feature|ai|"
    # a principle said of all technology ("any technology that can save lives should be used")
    r"launch|company|technology|tool|innovation)|every (?:product|feature|launch|ai product|problem)|it's (?:important|crucial|"
    r"essential|key) to|you (?:should|must|need to) always|frameworks? (?:like|such as)|"
    r"a good (?:framework|product manager|pm)|standard (?:approach|practice)|"
    # advice voice: practice in general, said of an imagined good team rather than of this product
    r"(?:a |the )?(?:good|great|strong|successful|best|experienced) (?:teams?|candidates?|"
    r"product managers?|pms?|companies|launches|products|designers?|product designers?)|"
    r"(?:is|are) always (?:to|the)|should always|never launch|"
    r"in any (?:case|product)|whatever the (?:product|feature)|the key is|the trick is|"
    r"at the end of the day|nowadays|these days|more than ever|huge opportunity|"
    r"massive opportunity|game[- ]changer|the future of|"
    # "more AI" offered as the fix: says nothing about this product
    r"by using (?:more )?ai|(?:a |an )?(?:smarter|more advanced|more powerful) (?:ai|model|"
    r"system|algorithm)s?|ai is (?:really |very )?good at|"
    # the state of the art, not this product: "modern models can detect this with 99% accuracy"
    r"(?:modern|today's|the latest|state[- ]of[- ]the[- ]art) (?:[\w-]+ )?(?:models|llms|"
    r"algorithms|ai))\b",
    re.IGNORECASE,
)
# Model-centric vocabulary: a weak answer "jumps to models and accuracy".
MODEL_TALK = re.compile(
    r"\b(embeddings?|transformers?|architectures?|layers?|hyper ?parameters?|fine[- ]?tun\w*|"
    r"neural|attention|two[- ]tower|xgboost|gradient|loss functions?|auc|bleu|rouge|f1|"
    r"training data|retrain\w*|epochs?|parameters|bert\w*|gpt|llama|sasrec|mmoe|clip|"
    r"lstm|cnn|collaborative filtering|matrix factori[sz]ation|vectors?|feature engineering|"
    r"feature store|dropout|learning rate|batch size|benchmark|sota|state of the art|weights|"
    r"deep learning|ndcg|recall at|precision|recall|tokens?|chunk(?:s| sizes?)|retriever|mrr|bertscore|"
    r"rouge[- ]?l|perplexity)\b",
    re.IGNORECASE,
)
SIGNPOST = re.compile(
    r"^\s*(?:[-*\u2022]\s*)?(?:users?|metrics?|measure|trade-?offs?|risks?|tests?|plan|first step|"
    r"success|guardrails?|segments?|recommendation|options|rollout|validation|cost|pricing|"
    r"decision|why|what|who|how)\s*:|"
    r"\b(i'll (?:cover|walk|go through|structure|talk about|start|take)|i will (?:cover|walk|"
    r"structure|go through)|(?:three|two|four|five) (?:parts|steps|things|areas|pieces|points|"
    r"questions|sides)|let me (?:structure|break|lay out|walk)|my (?:approach|plan) (?:is|would be)|"
    r"here's how i'd|(?:first|second|third|fourth)(?:ly)?[,:]|^(?:first|second|third|then|next|"
    r"finally|lastly)\b|next,|then,|finally,|lastly,|on (?:the )?(?:metrics|segments|users|"
    r"trade-?offs?|rollout|experiment\w*|business|risk|cost|options|validation|testing|"
    r"framing|prioriti[sz]ation)(?: side)?,)",
    re.IGNORECASE | re.MULTILINE,
)
# A sentence announcing the answer's plan: it names concepts to come, it applies none.
PLAN_OF_ANSWER = re.compile(
    r"\b(i'll (?:cover|walk|go through|structure|talk about)|i will (?:cover|walk|structure|go "
    r"through)|let me (?:lay out|walk|structure|break (?:this|it) down)|here's how i'd|"
    r"(?:three|two|four|five) (?:parts|things|areas|pieces|steps|questions):?|my (?:approach|plan) "
    r"(?:is|would be) to (?:cover|go through|start with))",
    re.IGNORECASE,
)
SUMMARY = re.compile(
    r"\b(to summari[sz]e|in summary|so overall|overall,|to wrap up|in short|"
    r"my recommendation|i'd recommend|i would recommend|bottom line|so to recap|recap|"
    r"net[- ]net|in conclusion|so my answer|summary|recommendation:|"
    r"my call|so the answer|net:|tl;?dr)\b|"
    # "So I'd..." opening a sentence closes an argument; "..., so I'd start with" mid-sentence
    # is a consequence, not a summary
    r"^\s*so,? (?:i'd|i would|my)\b",
    re.IGNORECASE,
)

# A sentence narrating the steps of answering ("First I'd clarify the goal, then I'd define the
# metrics..."): a process verb in the first person, about to happen. `analysis.py` counts it as
# narration only when it also carries nothing of its own (no number, no new specific word).
NARRATION = re.compile(
    r"^\s*(?:[-*\u2022]\s*)?(?:\d+[.)]\s*)?(?:(?:and |so |um |uh |ok |okay )*(?:first(?:ly)?|"
    r"second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|then|next|after that|afterwards|"
    r"finally|lastly|along the way|"
    r"at the end|to start|to begin|from there|beyond that|on top of that|in parallel)\b,?\s*)*"
    r"(?:i|we)(?:'d| would|'ll| will| should|'m going to| am going to| want to| need to|"
    r"'d want to|'d like to| can)?\s+(?:also |then |first |quickly |briefly |always |next |"
    r"carefully |clearly )?(?:clarify|identify|define|think (?:about|through)|consider|discuss|"
    r"look (?:at|into)|go (?:through|over)|walk (?:through|you through)|explain|brainstorm|"
    r"prioriti[sz]e|pick|choose|select|set up|establish|outline|cover|talk (?:about|through)|"
    r"evaluate|assess|analy[sz]e|review|understand|explore|summari[sz]e|iterate|make sure|"
    r"figure out|determine|list|map|dig into|break (?:down|it down|the problem down)|structure|"
    r"frame|come up with|propose|measure|validate|monitor|track|decide|recommend|compare|weigh|"
    r"examine|investigate|state|gather|collect|align|start (?:by|with)|begin (?:by|with)|"
    r"move on to|keep improving|continue|separate|describe|address|handle|finish|close|wrap up|"
    r"conclude|turn to|get into|work with|partner with|sync with|run (?:customer |user )?"
    r"(?:discovery|interviews|workshops?)|get buy-in|build (?:a |the )?roadmap|kick off)\b",
    re.IGNORECASE,
)
