"""Speech: microphone capture, speech-to-text, text-to-speech and playback.

Each piece sits behind a small interface, so a file-backed microphone or a fake can stand in;
`factory` builds the configured ones from the settings.
"""
