"""Sentence meaning from static word embeddings that ship inside a wheel: no torch, no download.

WordLlama (MIT) bundles a 256-d token embedding table (`l2_supercat`, 32,000 tokens, float16,
16 MB) and its tokenizer inside its PyPI wheel. A sentence is the average of its tokens'
vectors, which is how WordLlama itself embeds. The package is not imported: its
`__init__` configures the root logger (it would print INFO lines into the terminal UI and the
JSON of `interviewer score`) and its loader falls back to the Hugging Face hub when a file is
missing. Only its two data files are read, from where the wheel installed them, so nothing here
can reach a network. The table is memory-mapped (loading costs milliseconds, and only the
rows of tokens actually seen are paged in) and loaded once, lazily, on first use.

Where the package is absent or its files unreadable, or `INTERVIEWER_MEANING=off` is set (to
compare, or to save its few megabytes), `available()` is False and callers fall back to word
checks.
"""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS = Path("weights") / "l2_supercat_256.safetensors"
TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
_DTYPES = {"F16": np.float16, "F32": np.float32}


class _Model:
    def __init__(self, root: Path) -> None:
        from tokenizers import Tokenizer  # faster-whisper's dependency too

        self.tokenizer = Tokenizer.from_file(str(root / TOKENIZER))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.table = _memmap_safetensors(root / WEIGHTS, "embedding.weight")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text (a text with no known token gets a zero row)."""
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, enc in enumerate(self.tokenizer.encode_batch(list(texts),
                                                            add_special_tokens=False)):
            ids = [t for t in enc.ids if 0 <= t < self.table.shape[0]]
            if not ids:
                continue
            v = np.asarray(self.table[ids], dtype=np.float32).mean(axis=0)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[i] = v / norm
        return out


def _memmap_safetensors(path: Path, key: str) -> np.ndarray:
    """One tensor of a safetensors file, memory-mapped: the format is an 8-byte little-endian
    header length, a JSON header (dtype, shape, byte offsets), then the raw data."""
    with path.open("rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header: dict[str, Any] = json.loads(f.read(size))
    info = header[key]
    dtype = _DTYPES[info["dtype"]]
    begin, end = info["data_offsets"]
    shape = tuple(info["shape"])
    if end - begin != int(np.prod(shape)) * np.dtype(dtype).itemsize:
        raise ValueError(f"{path.name}: {key} has an unexpected size")
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + size + begin, shape=shape)


_lock = threading.Lock()
_model: _Model | None = None
_failed = False


def _package_dir() -> Path | None:
    """Where the wordllama wheel put its files, found without importing the package."""
    try:
        spec = importlib.util.find_spec("wordllama")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model() -> _Model | None:
    """The embedder, loaded on first use; None where WordLlama's files are not installed."""
    global _model, _failed
    if _model is not None or _failed:
        return _model
    with _lock:
        if _model is None and not _failed:
            root = None if os.environ.get("INTERVIEWER_MEANING") == "off" else _package_dir()
            try:
                if root is None:
                    raise FileNotFoundError("wordllama is not installed")
                _model = _Model(root)
            except Exception:  # any unreadable install means: fall back to word checks
                _failed = True
    return _model


def available() -> bool:
    return model() is not None


def embed(texts: Sequence[str]) -> np.ndarray | None:
    """Unit vectors for the texts, or None without the model."""
    m = model()
    return None if m is None else m.embed(texts)
