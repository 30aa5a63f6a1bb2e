"""faster-whisper's model, minus the decoding of a silent window after the speech.

With a prompt (the question and the glossary, given as `hotwords`), Whisper no longer closes
its last segment with a lone timestamp, so faster-whisper decodes what follows the last word as
one more 30 s window: a few hundred ms of padding that holds no speech. There the model makes
things up ("MUSIC.", "Thank you.", ". . . . .", or "Thank you. Bye. Bye. Bye..." to 224 tokens,
then a temperature fallback): measured on the turn-taking fixtures streamed with the live hint,
every decode had such a window, 406 of 408 with a no-speech probability above 0.6, and they
took 91 s of the 176 s spent decoding (without a prompt: no second window at all). faster-whisper
drops a window like that only after generating it. One step of the decoder gives the same
no-speech probability (it is read at the first step): a window after the first whose
probability is above `no_speech_threshold` is skipped before anything is generated, the way
faster-whisper skips a silent window. The first window is decoded as before (it holds the
speech: no first window of the fixtures read above 0.38), and so is every window of audio
longer than one window, whose later windows hold more speech.
"""

from __future__ import annotations

import math
from typing import Any


def model_class() -> type[Any]:
    """`faster_whisper.WhisperModel` with silent later windows skipped (imported on call: the
    import takes a second)."""
    from faster_whisper import WhisperModel

    class SkipsSilentWindows(WhisperModel):  # type: ignore[misc]
        windows_skipped = 0
        """Windows skipped since the model was made (tests and benchmarks read it)."""
        _window = 0

        _fits = False

        def generate_segments(self, features: Any, *args: Any, **kwargs: Any) -> Any:
            self._window = 0  # a new call: its first window is decoded in full
            # Audio longer than a window (a whole answer decoded after it ends): a later window
            # is more speech, and may read above the threshold (long.flac lost 30 s that way).
            self._fits = features.shape[-1] - 1 <= self.feature_extractor.nb_max_frames
            return super().generate_segments(features, *args, **kwargs)

        def generate_with_fallback(self, encoder_output: Any, prompt: list[int],
                                   tokenizer: Any, options: Any) -> Any:
            later = self._window > 0 and self._fits
            self._window += 1
            threshold = options.no_speech_threshold
            if later and threshold is not None and options.log_prob_threshold is not None:
                probe = self.model.generate(
                    encoder_output, [prompt], max_length=len(prompt) + 1, beam_size=1,
                    return_scores=True, return_no_speech_prob=True,
                    suppress_blank=options.suppress_blank,
                    suppress_tokens=options.suppress_tokens)[0]
                if probe.no_speech_prob > threshold:
                    # below log_prob_threshold: generate_segments skips it as silence
                    self.windows_skipped += 1
                    return probe, -math.inf, 0.0, 0.0
            return super().generate_with_fallback(encoder_output, prompt, tokenizer, options)

    return SkipsSilentWindows
