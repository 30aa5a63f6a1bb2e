"""The types of conftest's fixtures, for the tests that take them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.ui.app import InterviewerApp

MakeApp = Callable[..., "InterviewerApp"]
"""`make_tui_app(**options)`: the app over the real banks, see conftest.py."""
SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's `snap_compare(app, **options)`."""
