"""Product domains and their everyday vocabulary: what an interviewer knows without being told.

A question about a bank's support chatbot is about contacts, agents and calls even when the
prompt never says those words; an answer that dwells on playlists and listeners is about a
music product, whatever it calls itself. Typed questions have no outline, so the domain is how
the coach learns the words an on-topic answer will use, and how it notices an answer that has
moved to another product.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from interviewer.coach.text import stem

DOMAINS: dict[str, tuple[str, ...]] = {
    "customer-support": (
        "support", "ticket", "agent", "contact", "call", "chat", "chatbot", "bot", "escalat",
        "escalation", "resolution", "resolv", "deflection", "deflect", "handle", "csat", "queue",
        "helpdesk", "complaint", "transcript", "callback", "inquiry", "triag", "sla",
    ),
    "banking-payments": (
        "bank", "account", "card", "payment", "transaction", "balance", "loan", "fraud",
        "chargeback", "decline", "merchant", "dispute", "credit", "debit", "deposit", "wire",
        "transfer", "overdraft", "mortgage", "branch", "kyc", "fintech",
    ),
    "personal-finance": (
        "saving", "savings", "budget", "spend", "spending", "invest", "investment", "goal",
        "retirement", "expense", "coach", "paycheck", "emergency", "fund",
    ),
    "search": (
        "search", "query", "result", "ranking", "retrieval", "semantic", "keyword", "relevance",
        "reformulation", "zero-result", "autocomplet", "synonym", "index",
    ),
    "grocery-food": (
        "grocery", "food", "meal", "dinner", "lunch", "breakfast", "recipe", "ingredient",
        "snack", "basket", "cart", "produce", "substitution", "restaurant", "delivery", "kitchen",
        "cook", "dish", "pantry", "diet", "vegetarian", "store",
    ),
    "shopping": (
        "shopper", "purchase", "checkout", "cart", "basket", "catalog", "seller", "buyer",
        "retailer", "e-commerce", "commerce", "furniture", "apparel", "storefront",
    ),
    "music-audio": (
        "music", "song", "track", "playlist", "artist", "listener", "album", "podcast", "audio",
        "listening", "skip", "genre", "radio",
    ),
    "video-streaming": (
        "video", "watch", "viewer", "show", "movie", "episode", "title", "stream", "streaming",
        "binge", "catalog", "thumbnail", "series",
    ),
    "social-feed": (
        "feed", "post", "creator", "follower", "like", "comment", "share", "social", "story",
        "timeline", "influencer", "viral",
    ),
    "jobs-hiring": (
        "job", "candidate", "recruiter", "applicant", "resume", "hiring", "hire", "employer",
        "interview", "posting", "application", "salary", "career",
    ),
    "developer-tools": (
        "code", "coding", "coder", "programmer", "developer", "repo", "repository", "pull",
        "commit", "merge", "review", "bug", "test", "engineer", "ide", "copilot", "lint",
        "deploy", "codebase", "reviewer",
    ),
    "meetings-productivity": (
        "meeting", "note", "notes", "summary", "summaries", "calendar", "email", "document",
        "doc", "transcript", "recording", "attendee", "agenda", "workspace", "inbox",
    ),
    "messaging": (
        "message", "messaging", "reply", "conversation", "thread", "chat", "texting", "sender",
        "recipient", "emoji", "keyboard", "typing",
    ),
    "health-fitness": (
        "health", "fitness", "workout", "exercise", "patient", "clinician", "doctor", "symptom",
        "sleep", "step", "coach", "habit", "reminder", "streak", "wellness", "clinic",
        # a pharmacy's everyday words: what it fills, for whom, how often
        "pharmacy", "pharmacist", "prescription", "medication", "medicine", "refill", "dose",
    ),
    "education": (
        "student", "teacher", "learner", "lesson", "course", "homework", "tutor", "grade",
        "quiz", "exam", "classroom", "school", "learning", "essay", "rubric", "assignment",
        "cohort", "writer", "writing", "revision", "district", "pupil",
    ),
    "insurance": (
        "insurer", "insurance", "claim", "claimant", "policyholder", "adjuster", "payout",
        "premium", "deductible", "underwrit", "renewal", "damage", "repair", "accident",
        "leakage", "coverage",
    ),
    "sales-crm": (
        "sales", "crm", "deal", "rep", "pipeline", "forecast", "prospect", "quota", "lead",
        "opportunity", "seller", "salesperson", "executive", "buyer",
    ),
    "travel-maps": (
        "travel", "trip", "flight", "hotel", "booking", "destination", "itinerary", "map",
        "directions", "ride", "driver", "rider", "eta", "traffic", "location",
    ),
    "ads-marketing": (
        "ad", "ads", "advertiser", "campaign", "impression", "bid", "auction", "targeting",
        "sponsored", "marketing", "attribution", "conversion",
    ),
    "security-trust": (
        "moderation", "harmful", "abuse", "spam", "scam", "phishing", "safety", "toxic",
        "misinformation", "policy", "violat", "report",
    ),
}

# Capabilities many products share (search, support, messaging, safety): an answer that keeps
# to the capability but moves to another product has moved; products are compared apart.
CAPABILITIES = frozenset({"search", "customer-support", "messaging", "security-trust"})

_TERM_DOMAINS: dict[str, tuple[str, ...]] = {}
for _name, _terms in DOMAINS.items():
    for _t in {stem(w) for w in _terms}:
        _TERM_DOMAINS[_t] = (*_TERM_DOMAINS.get(_t, ()), _name)


def domain_counts(terms: Iterable[str]) -> Counter[str]:
    """How many of these (stemmed) terms belong to each domain; a shared term counts for all."""
    counts: Counter[str] = Counter()
    for t in terms:
        for name in _TERM_DOMAINS.get(t, ()):
            counts[name] += 1
    return counts


def domain_terms(names: Iterable[str]) -> frozenset[str]:
    return frozenset(stem(t) for n in names for t in DOMAINS.get(n, ()))


def question_domains(prompt: Iterable[str], context: Iterable[str]) -> set[str]:
    """The domains a question is in: those its prompt (counted twice) and outline dwell on."""
    counts = domain_counts(prompt)
    for name, n in domain_counts(context).items():
        counts[name] = 2 * counts[name] + n
    for name in list(counts):
        if name not in domain_counts(prompt):
            counts[name] = counts[name]
    top = max(counts.values(), default=0)
    return {name for name, n in counts.items() if n >= 2 and n >= top / 2}
