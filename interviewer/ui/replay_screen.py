"""Replay of a session's recordings on a screen that shows its answers (the review screen).

Keys: j / k choose the answer (the chosen one has a bar at its left); space (or a) plays its
recording and stops it; p plays the question or follow-up as it was spoken. While an answer
plays, a timer reads how far playback has got and marks the word being said.

It degrades, never crashes: a session without audio shows none of these keys; no output
device is one notice, after which the keys go away; a missing or unreadable recording is
named in a notice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from interviewer.session.recordings import Recording, word_at
from interviewer.ui.answer_view import AnswerView

if TYPE_CHECKING:
    from interviewer.speech.audio_output import AudioOutput
    from interviewer.speech.replay import Replayer

TICK_S = 0.05
"""How often the position is read while something plays (20 times a second)."""
REPLAY_ACTIONS = ("play_answer", "play_prompt", "choose")


class ReplayScreen(Screen[None]):
    """A screen of `AnswerView`s whose recordings can be played; subclasses fill
    `answer_views` and `prompt_widgets` (by recording number) as they compose."""

    BINDINGS = [
        Binding("space,a", "play_answer", "Play answer"),
        Binding("p", "play_prompt", "Play question"),
        Binding("j", "choose(1)", "Next answer"),
        Binding("k", "choose(-1)", "Previous answer", show=False),
    ]

    def __init__(self, recordings: list[Recording], output: AudioOutput | None = None) -> None:
        super().__init__()
        self.recordings = recordings
        self.output = output
        """Where to play; None: the configured output device, opened on the first play."""
        self.answer_views: list[AnswerView] = []
        self.prompt_widgets: dict[int, Widget] = {}
        self.chosen = 0
        self.player: Replayer | None = None
        self.device_problem: str | None = None
        self.playing: tuple[str, int] | None = None
        """('answer' or 'prompt', the recording's number) while something plays."""
        self._timer: Timer | None = None

    # -- what can be played --------------------------------------------------------------------
    @property
    def spoken(self) -> bool:
        return any(r.answer_ref for r in self.recordings)

    @property
    def prompts_spoken(self) -> bool:
        return any(r.prompt_path for r in self.recordings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in REPLAY_ACTIONS:
            if self.device_problem is not None:
                return False
            if action == "play_prompt":
                return self.prompts_spoken
            return self.spoken or (action == "choose" and self.prompts_spoken)
        return True

    @property
    def chosen_view(self) -> AnswerView | None:
        return self.answer_views[self.chosen] if self.answer_views else None

    def choose(self, index: int, *, scroll: bool = True) -> None:
        if not self.answer_views:
            return
        old = self.chosen_view
        self.chosen = index % len(self.answer_views)
        view = self.answer_views[self.chosen]
        if old is not None:
            old.remove_class("chosen")
        view.add_class("chosen")
        if scroll:
            self.query_one(VerticalScroll).scroll_to_widget(view, animate=False)

    def action_choose(self, step: int) -> None:
        self.choose(self.chosen + step)

    # -- playing -------------------------------------------------------------------------------
    def _player(self) -> Replayer | None:
        if self.player is not None:
            return self.player
        from interviewer.speech.errors import OutputDeviceUnavailable
        from interviewer.speech.factory import make_replayer

        player = make_replayer(getattr(self.app, "settings", None), self.output)
        try:
            player.check()
        except OutputDeviceUnavailable as exc:
            self._no_device(str(exc))
            return None
        self.player = player
        return player

    def _no_device(self, reason: str) -> None:
        """Once: say why nothing can be played, and take the replay keys away."""
        if self.device_problem is not None:
            return
        self.device_problem = reason
        self.notify(f"Replay is off: {reason}. The transcripts are all here.",
                    title="No sound", severity="warning", timeout=10, markup=False)
        self.refresh_bindings()

    def action_play_answer(self) -> None:
        view = self.chosen_view
        rec = view.recording if view is not None else None
        if view is None or rec is None or self._toggled_off(("answer", rec.number)):
            return
        if rec.answer_ref is None or rec.answer_path is None:
            self.notify(f"The {rec.label} was typed: it has no recording.", markup=False)
            return
        self._play(rec.answer_path, ("answer", rec.number), rec.label)

    def action_play_prompt(self) -> None:
        view = self.chosen_view
        rec = view.recording if view is not None else None
        if rec is None or self._toggled_off(("prompt", rec.number)):
            return
        what = "question" if rec.exchange == 1 else f"follow-up {rec.exchange - 1}"
        if rec.prompt_path is None:
            self.notify(f"Question {rec.question}'s {what} was not kept as audio.",
                        markup=False)
            return
        self._play(rec.prompt_path, ("prompt", rec.number), f"question {rec.question} {what}")

    def _toggled_off(self, target: tuple[str, int]) -> bool:
        """Stop what plays; True when it was `target` (the key then only stops it)."""
        if self.playing is None:
            return False
        was = self.playing
        self.stop_playback()
        return was == target

    def _play(self, path: Path, target: tuple[str, int], label: str) -> None:
        from interviewer.speech.replay import RecordingUnavailable

        player = self._player()
        if player is None:
            return
        try:
            player.play(path, label)
        except RecordingUnavailable as exc:
            self.notify(f"Cannot play the {label}: {exc}.", severity="warning", markup=False)
            return
        self.playing = target
        self._widget_of(target).add_class("playing")
        self._timer = self.set_interval(TICK_S, self._tick)

    def _widget_of(self, target: tuple[str, int]) -> Widget:
        kind, number = target
        if kind == "prompt" and number in self.prompt_widgets:
            return self.prompt_widgets[number]
        return next(v for v in self.answer_views
                    if v.recording is not None and v.recording.number == number)

    def _tick(self) -> None:
        player, target = self.player, self.playing
        utt = player.current if player is not None else None
        if target is None or utt is None:
            self.stop_playback()
            return
        widget = self._widget_of(target)
        if target[0] == "answer" and isinstance(widget, AnswerView):
            widget.show_word(word_at(widget.words, utt.played_seconds))
        if not utt.is_speaking:
            error = utt.error
            self.stop_playback()
            if error is not None:
                if player is not None and not player.available:
                    self._no_device(str(error))
                else:
                    self.notify(f"Playback failed: {error}", severity="warning", markup=False)

    def stop_playback(self) -> None:
        """Stop the sound, the timer and the word mark."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.player is not None:
            self.player.stop()
        if self.playing is not None:
            widget = self._widget_of(self.playing)
            widget.remove_class("playing")
            if isinstance(widget, AnswerView):
                widget.show_word(None)
        self.playing = None

    def on_unmount(self) -> None:
        self.stop_playback()
        if self.player is not None:
            self.player.close()
