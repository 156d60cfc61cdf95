"""Exceptions. Every error govspeech raises on purpose derives from `GovspeechError`.

The command line turns a `GovspeechError` into one line on stderr and exits with the error's
``exit_code``: 2 for bad input and usage, 1 for a plugin that failed.
"""

from __future__ import annotations

import signal

__all__ = [
    "STOP_SIGNALS",
    "BinaryInputError",
    "DecodeError",
    "EmptyInputError",
    "GovspeechError",
    "InputFormatError",
    "InputNotFoundError",
    "InputReadError",
    "MissingDependencyError",
    "OutputError",
    "PluginError",
    "PluginLoadError",
    "Stopped",
    "UsageError",
    "one_line",
    "os_reason",
]


class GovspeechError(Exception):
    """Root of govspeech's errors; the command line turns it into a one-line message."""

    exit_code: int = 2


class InputNotFoundError(GovspeechError, FileNotFoundError):
    """The input path does not exist."""


class InputReadError(GovspeechError, OSError):
    """The input path exists but cannot be read (a directory, no permission, an I/O error)."""


class BinaryInputError(GovspeechError, ValueError):
    """The input holds binary data (NUL bytes, control characters), not text."""


class DecodeError(GovspeechError, ValueError):
    """The input's bytes are not valid in the detected or requested encoding."""


class InputFormatError(GovspeechError, ValueError):
    """The input is not a valid file of its format: a corrupt or truncated .docx, a zip
    without ``word/document.xml``, XML that is not well-formed or has a DOCTYPE (refused), a
    legacy binary .doc."""


class MissingDependencyError(GovspeechError, ImportError):
    """Reading this input needs an optional dependency that is not installed; the message
    names the extra to install (``pip install 'govspeech[docx]'``)."""


class EmptyInputError(GovspeechError, ValueError):
    """The input holds no text (the command line refuses it; `parse_file` returns no documents,
    except for an HTML page with no text, which it refuses too)."""


class OutputError(GovspeechError, OSError):
    """The output path cannot be written (missing folder, no permission, a directory)."""


class UsageError(GovspeechError, ValueError):
    """The command line or a plugin option was used wrongly."""


class PluginError(GovspeechError):
    """A plugin failed while running; the message names the plugin and its distribution."""

    exit_code = 1


class PluginLoadError(PluginError, ImportError):
    """A plugin could not be imported or does not implement the plugin protocol."""


class Stopped(SystemExit):
    """The program got a signal that ends it (SIGTERM, SIGHUP…); the exit code is 128 + the
    signal's number. Not a `GovspeechError`: like KeyboardInterrupt, it ends the run."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


#: The catchable signals that end the program (Ctrl-C's SIGINT aside, which Python turns into
#: KeyboardInterrupt): the command line turns each into `Stopped`, worker processes reset them,
#: and file writes that must not be cut short hold them.
STOP_SIGNALS: tuple[int, ...] = tuple(
    getattr(signal, name)
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGXCPU")
    if hasattr(signal, name)
)


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks included) as one space."""
    return " ".join(text.split())


def os_reason(exc: OSError) -> str:
    """What went wrong, as the system says it: ``no space left on device``."""
    return (exc.strerror or str(exc)).lower()
