"""Where govspeech keeps its caches (compiled line patterns, jieba's dictionary).

``$GOVSPEECH_CACHE_DIR`` if set and not empty, else the user's cache folder — ``$XDG_CACHE_HOME``
(when absolute) or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on
Windows — with ``govspeech`` appended. The folder may not exist yet; whoever writes there
creates it, and does without the cache when it cannot.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["CACHE_ENV", "cache_dir"]

#: The environment variable that moves the cache folder.
CACHE_ENV = "GOVSPEECH_CACHE_DIR"


def _platform_cache_home() -> Path:
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else Path.home() / "AppData" / "Local"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec says a relative path is invalid and must be ignored.
    return Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"


def cache_dir() -> Path:
    """The folder govspeech's caches go in (see the module docstring)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return _platform_cache_home() / "govspeech"
