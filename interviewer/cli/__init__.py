"""The `interviewer` command line: one package for every command.

`entry.py` parses and runs (`main`); `table.py` is the one command table; `command.py` holds
what every command shares (exit codes, the usage error, the context, flags that set a
setting); each other module is one command or a family of them (`review.py`: sessions,
report, progress, resume)."""

from interviewer.cli.entry import main

__all__ = ["main"]
