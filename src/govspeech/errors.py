"""Exceptions. Every error govspeech raises on purpose derives from `GovspeechError`."""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DecodeError",
    "GovspeechError",
    "InputNotFoundError",
    "InputReadError",
]


class GovspeechError(Exception):
    """Root of govspeech's errors; the command line turns it into a one-line message."""


class InputNotFoundError(GovspeechError, FileNotFoundError):
    """The input path does not exist."""


class InputReadError(GovspeechError, OSError):
    """The input path exists but cannot be read (a directory, no permission, an I/O error)."""


class BinaryInputError(GovspeechError, ValueError):
    """The input holds binary data (NUL bytes, control characters), not text."""


class DecodeError(GovspeechError, ValueError):
    """The input's bytes are not valid in the detected or requested encoding."""
