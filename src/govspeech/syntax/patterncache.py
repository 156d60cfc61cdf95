"""Compiled line patterns kept between runs, in the user's cache folder.

Compiling the line terminals' patterns costs milliseconds each (the standard library turns
each into its matcher's code in Python), which a command that parses one speech would pay on
every start. The code is a list of integers: it is kept in ``govspeech/patterns-….marshal``
under the cache folder (``$GOVSPEECH_CACHE_DIR``, else ``$XDG_CACHE_HOME/govspeech``, else
``~/.cache/govspeech``), one file per Python version and grammar, and handed back to the
matcher's constructor on the next run. The constructor checks the code, so a damaged or stale
file costs a recompile, never a wrong match; anything unexpected (another Python, a read-only
home, ``GOVSPEECH_CACHE_DIR=`` set empty to turn it off) falls back to `re.compile`.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

__all__ = ["PatternCache", "cache_folder"]

try:  # the matcher's internals; without them, `re.compile` it is
    import _sre  # type: ignore[import-not-found]

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser  # type: ignore[attr-defined]
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None


def cache_folder() -> Path | None:
    """Where govspeech keeps its caches; None when turned off (``GOVSPEECH_CACHE_DIR=``)."""
    configured = os.environ.get("GOVSPEECH_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govspeech"


def _compile(pattern: str) -> tuple[re.Pattern[str], tuple[Any, ...] | None]:
    """The compiled pattern and what rebuilds it without compiling (None if unavailable)."""
    if _sre is None:
        return re.compile(pattern), None
    parsed = _parser.parse(pattern, 0)
    code = [int(op) for op in _compiler._code(parsed, 0)]  # opcodes are int subclasses
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    args = (int(state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
    return _sre.compile(pattern, *args), args


class PatternCache:
    """Patterns compiled once per machine: ``get(pattern)`` is ``re.compile(pattern)``.

    Each pattern is a file of its own (named by its hash) in a folder per Python version and
    ``name``, so that a run reads only the patterns it uses.
    """

    def __init__(self, name: str) -> None:
        tag = hashlib.sha256(f"{sys.version}|{getattr(_sre, 'MAGIC', 0)}|{name}".encode())
        folder = cache_folder()
        self.folder = folder / f"patterns-{tag.hexdigest()[:16]}" if folder else None

    def _file(self, pattern: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha1(pattern.encode()).hexdigest()[:24] + ".marshal")

    def get(self, pattern: str) -> re.Pattern[str]:
        """``pattern`` compiled: rebuilt from the cache when it is there, else compiled and
        kept for the next run."""
        path = self._file(pattern)
        if path is not None and _sre is not None:
            try:
                saved = marshal.loads(path.read_bytes())
                if isinstance(saved, tuple) and saved and saved[0] == pattern:
                    compiled: re.Pattern[str] = _sre.compile(pattern, *saved[1:])
                    return compiled
            except FileNotFoundError:
                pass
            except Exception:  # unreadable, or the matcher refused the code
                log.debug("cached pattern %s refused; compiling it", path, exc_info=True)
        try:
            compiled, args = _compile(pattern)
        except Exception:  # the internals differ from what this module knows
            return re.compile(pattern)
        if args is not None and path is not None:
            self._save(path, (pattern, *args))
        return compiled

    def _save(self, path: Path, entry: tuple[Any, ...]) -> None:
        """Write one entry atomically (a temporary file renamed over it); failing to write
        turns the cache off for this process."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pattern.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(marshal.dumps(entry))
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as exc:
            log.debug("cannot keep compiled patterns in %s: %s", path.parent, exc)
            self.folder = None
