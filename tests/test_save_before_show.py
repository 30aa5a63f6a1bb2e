"""Save before show: no prompt reaches the screen before it is on disk as the prompt being
answered (the record's `pending`), so a crash at any moment after the show keeps it.

The disk is slowed at the store's boundary (each write of session.json takes WRITE_S), which
opens wide the window a loaded machine opens for a few milliseconds; what is checked is the
file on disk at the very moment the engine hands a prompt to be shown.
"""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from interviewer.coach.base import AnsweredQuestion, FollowUp, TextCallback
from interviewer.coach.offline import OfflineCoach
from interviewer.session.engine import InterviewEngine, Prompt
from interviewer.session.saved_feed import SavedFeed
from interviewer.session.store import SESSION_FILE, SessionStore
from tests.support.fixture_types import MakeApp
from tests.support.session_factory import bank
from tests.support.terminal import ANSWERS

WRITE_S = 0.15


class SlowDisk(SessionStore):
    """Every write of session.json lasts WRITE_S longer, before the file is replaced."""

    def save(self, folder: Path, record: dict[str, Any]) -> Path:
        time.sleep(WRITE_S)
        return super().save(folder, record)


def pending_on_disk(folder: Path) -> dict[str, Any]:
    record = json.loads((folder / SESSION_FILE).read_text(encoding="utf-8"))
    pending: dict[str, Any] = record.get("pending") or {}
    return pending


def submit_watching(tmp_path: Path, coach: OfflineCoach
                    ) -> tuple[Prompt | None, list[tuple[str, dict[str, Any]]], Path]:
    """Submit the first answer on a slow disk, noting what is on disk at each text shown."""
    seen: list[tuple[str, dict[str, Any]]] = []
    engine = InterviewEngine(bank().pick("mixed", 2, random.Random(11)), coach,
                             store=SlowDisk(tmp_path))
    folder = engine.folder
    assert folder is not None
    engine.on_follow_up_text = lambda text: seen.append((text, pending_on_disk(folder)))
    engine.start()
    return engine.submit(ANSWERS[0]), seen, folder


def test_the_engine_hands_over_a_follow_up_only_once_it_is_on_disk(tmp_path: Path) -> None:
    follow, seen, folder = submit_watching(tmp_path, OfflineCoach())
    assert follow is not None and follow.kind == "follow-up"
    assert seen, "the follow-up was not handed over to be shown"
    for text, pending in seen:
        assert (pending.get("kind"), pending.get("prompt")) == ("follow-up", text)
        assert pending.get("question") == 1
    assert pending_on_disk(folder)["prompt"] == follow.text
    # the answer it follows is on disk too
    record = json.loads((folder / SESSION_FILE).read_text(encoding="utf-8"))
    assert record["questions"][0]["exchanges"][0]["answer"] == ANSWERS[0]


async def test_the_typed_screen_shows_no_prompt_that_is_not_on_disk(
        make_tui_app: MakeApp, tui_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interviewer.ui.interview import InterviewScreen
    from tests.support.pilot import SIZE
    from tests.support.waiting import pilot_until

    shown: list[tuple[str, str, dict[str, Any]]] = []

    def on_disk() -> dict[str, Any]:
        return pending_on_disk(next((tui_home / "sessions").iterdir()))

    follow_text, show_prompt = InterviewScreen.show_follow_up_text, InterviewScreen.show_prompt

    def spy_follow(screen: InterviewScreen, text: str) -> None:
        shown.append(("follow-up text", text, on_disk()))
        follow_text(screen, text)

    def spy_prompt(screen: InterviewScreen, prompt: Any) -> None:
        shown.append((prompt.kind, prompt.text, on_disk()))
        show_prompt(screen, prompt)

    monkeypatch.setattr(InterviewScreen, "show_follow_up_text", spy_follow)
    monkeypatch.setattr(InterviewScreen, "show_prompt", spy_prompt)
    save = SessionStore.save

    def slow_save(store: SessionStore, folder: Path, record: dict[str, Any]) -> Path:
        time.sleep(WRITE_S)
        return save(store, folder, record)

    monkeypatch.setattr(SessionStore, "save", slow_save)
    app = make_tui_app(questions=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot_until(pilot, lambda: len(shown) >= 1, timeout=20)
        box = app.screen.query_one("#answer")
        box.insert(ANSWERS[0])  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot_until(pilot, lambda: any(k == "follow-up" for k, _, _ in shown),
                          timeout=20)
        await pilot.pause()
    assert shown[0][0] == "question"
    assert any(k != "question" for k, _, _ in shown)
    for kind, text, pending in shown:
        assert pending.get("prompt") == text, (kind, text[:40], pending.get("prompt", "")[:40])


class StreamingOffline(OfflineCoach):
    """The offline coach's follow-up written in three pieces, as an LLM streams it."""

    def stream_follow_up(self, item: AnsweredQuestion,
                         on_text: TextCallback | None) -> FollowUp | None:
        follow = self.follow_up(item)
        if follow is not None and on_text is not None:
            words = follow.text.split()
            for n in (len(words) // 3, 2 * len(words) // 3):
                on_text(" ".join(words[:max(n, 1)]))
            on_text(follow.text)
        return follow


def test_a_streamed_follow_up_is_on_disk_at_every_step_shown(tmp_path: Path) -> None:
    follow, seen, folder = submit_watching(tmp_path, StreamingOffline())
    assert follow is not None and follow.follow_up is not None
    assert seen and seen[-1][0] == follow.text
    for text, pending in seen:
        assert (pending.get("kind"), pending.get("prompt")) == ("follow-up", text)
    asked = pending_on_disk(folder)  # asked since its first piece was shown
    assert asked["asked_at"] == seen[0][1]["asked_at"]
    assert (asked["probe_dimension"], asked["coach"]) == (follow.follow_up.dimension, "offline")


def test_texts_arriving_during_a_write_are_written_together_and_shown_after_it() -> None:
    gate, events = threading.Event(), []

    def save(text: str) -> None:
        events.append(f"write {text}")
        if text == "a":
            gate.wait(5)  # the first write is slow: b and c arrive meanwhile

    feed = SavedFeed(save, lambda text: events.append(f"show {text}"))
    for text in "abc":
        feed.put(text)
    gate.set()
    feed.drain()
    assert events == ["write a", "show a", "write c", "show c"]  # the latest wins
    assert feed.shown == ["a", "c"]


def test_a_failed_write_shows_nothing_and_is_raised_by_drain() -> None:
    shown: list[str] = []

    def save(text: str) -> None:
        raise OSError(28, "No space left on device")

    feed = SavedFeed(save, shown.append)
    feed.put("a follow-up")
    with pytest.raises(OSError):
        feed.drain()
    assert not shown
