"""interviewer: a voice mock interviewer for AI/ML product-sense interviews."""

__version__ = "0.1.0"
