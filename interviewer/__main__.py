"""Allows `python -m interviewer`."""

from interviewer.cli import main

raise SystemExit(main())
