"""Compiled line patterns kept between runs, in the user's cache folder.

Compiling the line terminals' patterns costs milliseconds each (the standard library turns
each into its matcher's code in Python), which a command that parses one speech would pay on
every start. The code is a list of integers: it is kept in ``patterns-…/`` in govspeech's
cache folder (`govspeech.cachedir`: ``~/.cache/govspeech`` or ``$GOVSPEECH_CACHE_DIR``), a
folder per Python version and a file per pattern, and handed back to the matcher's
constructor on the next run. The constructor checks the code, so a damaged or stale file costs
a recompile, never a wrong match; anything unexpected (another Python, a cache folder that
cannot be written) falls back to `re.compile`.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any

from govspeech.cachedir import cache_dir

__all__ = ["PatternCache", "compile_cached"]

try:  # the matcher's internals; without them, `re.compile` it is
    import _sre  # type: ignore[import-not-found]

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser  # type: ignore[attr-defined]
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None


def _debug(message: str, *args: object) -> None:
    import logging  # only when something goes wrong: logging costs a start-up milliseconds

    logging.getLogger(__name__).debug(message, *args, exc_info=True)


def _compile(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], tuple[Any, ...] | None]:
    """The compiled pattern and what rebuilds it without compiling (None if unavailable)."""
    if _sre is None:
        return re.compile(pattern, flags), None
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    groups = dict(state.groupdict)
    args = (int(flags | state.flags), code, state.groups - 1, groups, tuple(indexgroup))
    return _sre.compile(pattern, *args), args


class PatternCache:
    """Patterns compiled once per machine: ``get(pattern)`` is ``re.compile(pattern)``.

    Each pattern is a file of its own (named by its hash) in a folder per Python version and
    ``name``, so that a run reads only the patterns it uses.
    """

    def __init__(self, name: str) -> None:
        # (crc32, not a cryptographic hash: a file names its pattern and is checked against
        # it, so a collision costs a recompile; and zlib is loaded already, hashlib is not)
        tag = f"{sys.version}|{getattr(_sre, 'MAGIC', 0)}|{name}".encode()
        self.folder: Path | None = cache_dir() / f"patterns-{zlib.crc32(tag):08x}"

    def _file(self, pattern: str, flags: int) -> Path | None:
        if self.folder is None:
            return None
        data = pattern.encode("utf-8", "surrogatepass")
        return self.folder / f"{zlib.crc32(data):08x}{len(data):x}-{flags:x}.marshal"

    def get(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``: rebuilt from the cache when it is there, else
        compiled and kept for the next run."""
        path = self._file(pattern, flags)
        if path is not None and _sre is not None:
            try:
                saved = marshal.loads(path.read_bytes())
                if isinstance(saved, tuple) and saved[:2] == (pattern, flags):
                    compiled: re.Pattern[str] = _sre.compile(pattern, *saved[2:])
                    return compiled
            except FileNotFoundError:
                pass
            except Exception:  # unreadable, or the matcher refused the code
                _debug("cached pattern %s refused; compiling it", path)
        try:
            compiled, args = _compile(pattern, flags)
        except Exception:  # the internals differ from what this module knows
            return re.compile(pattern, flags)
        if args is not None and path is not None:
            self._save(path, (pattern, flags, *args))
        return compiled

    def _save(self, path: Path, entry: tuple[Any, ...]) -> None:
        """Write one entry atomically (a temporary file renamed over it); failing to write
        turns the cache off for this process."""
        import tempfile  # only when a pattern is new: the cache is usually warm

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
        except OSError:
            _debug("cannot keep compiled patterns in %s", path.parent)
            self.folder = None


_SHARED: PatternCache | None = None


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, kept in the user cache between runs: for the patterns a parse compiles
    at start-up (the grammar's, and those of the modules on the parse path)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = PatternCache("modules")
    return _SHARED.get(pattern, flags)
