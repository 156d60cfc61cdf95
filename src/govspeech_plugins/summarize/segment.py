"""Word segmentation with jieba: the only module of govspeech that imports it.

jieba is imported on the first call of `segmenter()`, never when this module is imported, so
commands that do not segment text (outline, export, check) do not pay for it. The segmenter is

* a *private* ``jieba.Tokenizer``: the global ``jieba.dt`` that other code in the process may
  use is left untouched, and our user dictionary does not leak into it;
* loaded from a dictionary cache in the user's cache folder (see `cache_dir`), read with
  ``marshal.loads`` on the file's bytes — about three times faster than jieba's own
  ``marshal.load(file)``;
* silent: jieba logs "Building prefix dict…" to stderr through a handler of its own; its
  logger is raised above ERROR while the dictionary loads and restored afterwards (ERROR too,
  because a cache that cannot be written would otherwise print a traceback);
* extended with the genre's user dictionary (``data/userdict.txt``: 四个意识, 外防输入…);
* used with ``HMM=False``: no new words are guessed, so the output depends only on the
  dictionaries and is the same on every run.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from attrs import frozen

from govspeech.cachedir import CACHE_ENV, cache_dir

__all__ = [
    "CACHE_ENV",
    "Segmenter",
    "Timings",
    "UserWord",
    "cache_dir",
    "read_userdict",
    "segmenter",
]


logger = logging.getLogger(__name__)


@frozen
class UserWord:
    """An entry of the user dictionary: ``word [freq] [tag]``; tag ``tf`` marks a 提法."""

    word: str
    freq: int | None
    tag: str | None


@frozen
class Timings:
    """What loading the segmenter cost, in seconds (for benchmarks and ``--verbose``)."""

    import_seconds: float
    dictionary_seconds: float
    from_cache: bool
    userdict_seconds: float
    cache_file: str | None


class Segmenter:
    """Cuts text into words; every character of the input is in exactly one word.

    Build it with `segmenter()`, which loads the dictionary once per process.
    """

    __slots__ = ("_lcut", "timings")

    def __init__(self, lcut: Callable[..., list[str]], timings: Timings) -> None:
        self._lcut = lcut
        self.timings = timings

    def cut(self, text: str) -> list[str]:
        """The words of ``text`` in order (punctuation and white space are words too)."""
        return self._lcut(text, False, False)  # cut_all=False, HMM=False


def read_userdict() -> tuple[UserWord, ...]:
    """The genre user dictionary shipped in ``govspeech_plugins/summarize/data/userdict.txt``.

    Parsed here rather than by ``jieba.load_userdict``, which would add comment lines as words.
    """
    data = files("govspeech_plugins.summarize") / "data"
    text = (data / "userdict.txt").read_text(encoding="utf-8")
    out: list[UserWord] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, *rest = line.split()
        freq = int(rest[0]) if rest and rest[0].isdigit() else None
        tag = rest[-1] if rest and not rest[-1].isdigit() else None
        out.append(UserWord(word, freq, tag))
    return tuple(out)


def _fallback_dir() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"govspeech-{uid}"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _read_cache(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (
        isinstance(data, tuple)
        and len(data) == 2
        and isinstance(data[0], dict)
        and isinstance(data[1], int)
    ):
        return data[0], data[1]
    return None


def _import_jieba() -> Any:
    # jieba 0.42 imports pkg_resources only to locate its dictionary file and falls back to a
    # plain open() when that import fails. pkg_resources costs ~50 ms to import and newer
    # setuptools warn on stderr when it is imported, so it is hidden while jieba loads.
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            # jieba's sources have invalid escape sequences (SyntaxWarning on Python 3.12+
            # when they are compiled).
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            import jieba  # type: ignore[import-untyped]
    finally:
        if hide and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _load() -> Segmenter:
    t0 = time.perf_counter()
    jieba = _import_jieba()
    t1 = time.perf_counter()
    tokenizer = jieba.Tokenizer()
    name = f"jieba-{jieba.__version__}.cache"
    # A cache in the cache folder is used even when the folder is read-only (a shared,
    # prepared cache); a new one is written there, or in a temporary folder when it is not
    # writable.
    primary = cache_dir()
    target = primary if _writable(primary) else _fallback_dir()
    cache_file: Path | None = None
    from_cache = False
    for folder in dict.fromkeys([primary, target]):
        cached = _read_cache(folder / name)
        if cached is not None:
            tokenizer.FREQ, tokenizer.total = cached
            tokenizer.initialized = True
            from_cache, cache_file = True, folder / name
            break
    jieba_log = logging.getLogger("jieba")
    level = jieba_log.level
    jieba_log.setLevel(logging.CRITICAL)
    try:
        if not from_cache:
            if target is not primary and not _writable(target):
                target = Path(tempfile.gettempdir())
            # jieba writes its cache atomically (temporary file, then rename).
            tokenizer.tmp_dir, tokenizer.cache_file = str(target), name
            tokenizer.initialize()
            cache_file = target / name
            if not cache_file.is_file():
                logger.debug("could not write the dictionary cache %s", cache_file)
                cache_file = None
        t2 = time.perf_counter()
        for entry in read_userdict():
            tokenizer.add_word(entry.word, entry.freq)
    finally:
        jieba_log.setLevel(level)
    t3 = time.perf_counter()
    timings = Timings(
        import_seconds=t1 - t0,
        dictionary_seconds=t2 - t1,
        from_cache=from_cache,
        userdict_seconds=t3 - t2,
        cache_file=str(cache_file) if cache_file is not None else None,
    )
    logger.debug("jieba loaded: %s", timings)
    return Segmenter(tokenizer.lcut, timings)


_lock = threading.Lock()
_segmenter: Segmenter | None = None


def segmenter() -> Segmenter:
    """The process's segmenter, loaded on first use (thread-safe)."""
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                _segmenter = _load()
    return _segmenter
