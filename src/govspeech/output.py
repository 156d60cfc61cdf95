"""Writing output files atomically: a reader sees the old file or the whole new one, never half.

The output goes to a temporary file in the target's folder, which replaces the target with
`os.replace` only after everything was written and flushed to disk. Any exception (including
KeyboardInterrupt) or an explicit `AtomicOutput.discard` removes the temporary file instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Any

from .errors import OutputError

__all__ = ["AtomicOutput", "check_writable"]


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Fail early, with one line, when ``path`` cannot become an output file."""
    p = Path(path)
    if p.is_dir():
        raise OutputError(f"{p}: is a directory; give a file name for the output")
    parent = p.parent
    if not parent.is_dir():
        raise OutputError(f"{p}: cannot write: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{p}: cannot write: permission denied on folder {parent}")
    if p.exists() and not os.access(p, os.W_OK):
        raise OutputError(f"{p}: cannot write: permission denied")
    return p


class AtomicOutput:
    """A context manager yielding a stream that becomes ``path`` when the block succeeds.

    ``binary`` selects a bytes stream; text is written as UTF-8 with ``\\n`` line endings.
    """

    def __init__(self, path: str | os.PathLike[str], *, binary: bool = False) -> None:
        self.path = check_writable(path)
        self.binary = binary
        self._tmp: str | None = None
        self._stream: IO[Any] | None = None
        self._discarded = False

    def __enter__(self) -> IO[Any]:
        try:
            fd, self._tmp = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {_reason(exc)}") from None
        if self.binary:
            self._stream = os.fdopen(fd, "wb")
        else:
            self._stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._stream

    def discard(self) -> None:
        """Throw the output away when the block ends (nothing worth writing was produced)."""
        self._discarded = True

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        assert self._stream is not None and self._tmp is not None
        try:
            if exc_type is None and not self._discarded:
                self._stream.flush()
                os.fsync(self._stream.fileno())
                self._stream.close()
                self._apply_mode(self._tmp)
                os.replace(self._tmp, self.path)
                self._tmp = None
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {_reason(exc)}") from None
        finally:
            if not self._stream.closed:
                self._stream.close()
            if self._tmp is not None and os.path.exists(self._tmp):
                os.unlink(self._tmp)

    def _apply_mode(self, tmp: str) -> None:
        # mkstemp creates the file 0600; give it the mode a plain open() would have given it,
        # or keep the mode of the file being replaced.
        try:
            mode = os.stat(self.path).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
