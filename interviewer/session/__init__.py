"""The interview as a state machine and its record on disk; no UI imports here."""
