"""Writing output without damaging anything: atomic files, devices as devices, inputs refused.

`AtomicOutput` is where every output file is written. What it does depends on what the target
is when the run starts:

* a regular file or a new name: the output goes to a temporary file in the target's folder,
  which replaces the target with `os.replace` only after everything was written and flushed to
  disk — a reader sees the old file or the whole new one, never a part. The mode of a replaced
  file is kept, and so are its owner and group where this process may set them (root);
* a symbolic link: the same, for the file the link points to; the link itself stays;
* a device, FIFO or other file that is not a regular file (``/dev/null``, ``/dev/stdout``, a
  named pipe): written directly, never replaced — the output is collected in an anonymous
  temporary file first, so a failed run writes nothing there either.

Any exception (KeyboardInterrupt and the `SystemExit` that the command line raises on a
signal included) or an explicit `AtomicOutput.discard` removes the temporary file instead.

`rewrite_in_place` is the one way an input file is changed (``fix --in-place``); see its
docstring. `same_file_as_input` finds an output that would overwrite one of the run's inputs.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from govspeech.errors import STOP_SIGNALS, OutputError, os_reason

__all__ = [
    "AtomicOutput",
    "check_writable",
    "input_identities",
    "rewrite_in_place",
    "same_file_as_input",
]


def _tempfile() -> Any:
    """The tempfile module, imported when a file is written (it costs start-up milliseconds
    a command writing to standard output need not pay)."""
    import tempfile

    return tempfile


# Signals whose default action ends the process and that a handler may catch: held while a file
# is rewritten through its inode, so the rewrite is never cut short half-way.
_HELD_SIGNALS = frozenset((*STOP_SIGNALS, signal.SIGINT))


def _is_special(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` (links followed) exists and is neither a regular file nor a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Fail early, with one line, when ``path`` cannot become an output file.

    Returns the path output is written to: ``path`` itself for a device or FIFO, else the
    file a symbolic link resolves to (``path`` when it is no link).
    """
    p = Path(path)
    if p.is_dir():
        raise OutputError(f"{p}: is a directory; give a file name for the output")
    if _is_special(p):
        if not os.access(p, os.W_OK):
            raise OutputError(f"{p}: cannot write: permission denied")
        return p
    real = Path(os.path.realpath(p)) if p.is_symlink() else p
    parent = real.parent
    if not parent.is_dir():
        raise OutputError(f"{p}: cannot write: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{p}: cannot write: permission denied on folder {parent}")
    if real.exists() and not os.access(real, os.W_OK):
        raise OutputError(f"{p}: cannot write: permission denied")
    return real


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def input_identities(inputs: Iterable[str]) -> dict[tuple[int, int], str]:
    """The inputs by file identity (device, inode), for `same_file_as_input`."""
    found: dict[tuple[int, int], str] = {}
    for name in inputs:
        ident = _identity(name) if name != "-" else None
        if ident is not None:
            found.setdefault(ident, name)
    return found


def same_file_as_input(
    target: str | os.PathLike[str], inputs: Iterable[str] | dict[tuple[int, int], str]
) -> str | None:
    """The input that ``target`` is (the same file: by path, symbolic link or hard link), if any.

    ``inputs`` are names, or `input_identities` of them (cheaper when many targets are checked).
    ``-`` (standard input) and inputs that are not regular files are never matched.
    """
    ident = _identity(target)
    if ident is None:
        return None
    known = inputs if isinstance(inputs, dict) else input_identities(inputs)
    return known.get(ident)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _keep_attributes(tmp: str, old: os.stat_result | None) -> None:
    """Give the new file the mode (and, where allowed, owner and group) of the one it replaces;
    a new file gets the mode a plain open() would have given it (mkstemp makes it 0600)."""
    if old is None:
        os.chmod(tmp, _default_mode())
        return
    with contextlib.suppress(OSError):  # only root may give a file away; keep what we can
        os.chown(tmp, old.st_uid, old.st_gid)
    os.chmod(tmp, stat.S_IMODE(old.st_mode))


class AtomicOutput:
    """A context manager yielding a stream that becomes ``path`` when the block succeeds.

    ``binary`` selects a bytes stream; text is written as UTF-8 with ``\\n`` line endings.
    See the module docstring for what happens with links, devices and FIFOs.
    """

    def __init__(self, path: str | os.PathLike[str], *, binary: bool = False) -> None:
        self.name = Path(path)
        self.path = check_writable(path)
        self.binary = binary
        self.direct = _is_special(self.path)
        self._tmp: str | None = None
        self._stream: IO[Any] | None = None
        self._discarded = False

    def __enter__(self) -> IO[Any]:
        try:
            return self._open()
        except BaseException:
            # A signal held while the temporary file was made is delivered the moment it is
            # made: remove the file before the stop goes on.
            if self._tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp)
                self._tmp = None
            raise

    def _open(self) -> IO[Any]:
        try:
            if self.direct:
                raw: IO[bytes] = _tempfile().TemporaryFile()  # anonymous: nothing to clean up
                self._stream = raw if self.binary else _text(raw)
                return self._stream
            # Signals wait until the name is recorded: a kill right after the file appears
            # must still find it to remove.
            with _signals_held():
                fd, self._tmp = _tempfile().mkstemp(
                    dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
                )
        except OSError as exc:
            raise OutputError(f"{self.name}: cannot write: {os_reason(exc)}") from None
        self._stream = os.fdopen(fd, "wb") if self.binary else _text(os.fdopen(fd, "wb"))
        return self._stream

    def discard(self) -> None:
        """Throw the output away when the block ends (nothing worth writing was produced)."""
        self._discarded = True

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if self.direct:
            # Writing into a FIFO waits for its reader, which may never come: stay stoppable.
            self._finish(exc_type)
            return
        # Committing or cleaning up is not cut short by a signal (it is delivered afterwards).
        with _signals_held():
            self._finish(exc_type)

    def _finish(self, exc_type: type[BaseException] | None) -> None:
        assert self._stream is not None
        try:
            if exc_type is None and not self._discarded:
                self._stream.flush()
                if self.direct:
                    self._copy_to_device()
                else:
                    self._commit()
        except OSError as exc:
            raise OutputError(f"{self.name}: cannot write: {os_reason(exc)}") from None
        finally:
            with contextlib.suppress(OSError):
                self._stream.close()
            if self._tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self._tmp)
                self._tmp = None

    def _commit(self) -> None:
        assert self._stream is not None and self._tmp is not None
        os.fsync(self._stream.fileno())
        self._stream.close()
        try:
            old: os.stat_result | None = os.stat(self.path)
        except FileNotFoundError:
            old = None
        _keep_attributes(self._tmp, old)
        os.replace(self._tmp, self.path)
        self._tmp = None

    def _copy_to_device(self) -> None:
        assert self._stream is not None
        raw = self._stream.buffer if hasattr(self._stream, "buffer") else self._stream
        raw.seek(0)
        # No O_CREAT: the device was there when the run started; if it went away, fail.
        fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        import shutil  # only for devices: keeps the start of every other run light

        with os.fdopen(fd, "wb") as device:
            shutil.copyfileobj(raw, device)


def _text(raw: IO[bytes]) -> IO[str]:
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Catchable signals wait until the block is done (then they are delivered as usual)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    except (AttributeError, ValueError, OSError):  # no pthread_sigmask, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def rewrite_in_place(path: str | os.PathLike[str], data: bytes, expected: bytes) -> Path:
    """Replace the content of the file at ``path`` with ``data``; return the file written.

    A symbolic link is followed (the file it points to is changed, the link stays). The file
    must still hold ``expected`` (what was read and fixed); if it changed meanwhile nothing is
    written. Then, if the file has one link and its owner and group can be kept, it is replaced
    atomically (temporary file, mode/owner/group copied, rename). Otherwise — a file with hard
    links, or one owned by someone this process cannot give a file to — it is rewritten through
    its own inode, so every link and the owner stay: the new content is first written to a
    temporary file in the same folder and read back, the space is reserved, and the rewrite
    runs with catchable signals held; if it fails, the old content is put back. A file in a
    folder this process may not write is rewritten through its inode as well (its temporary
    copy then goes to the system's temporary folder).
    """
    name = Path(path)
    real = Path(os.path.realpath(name))
    try:
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{name}: not a regular file; not rewritten")
        with open(real, "rb") as f:
            current = f.read()
    except OSError as exc:
        raise OutputError(f"{name}: cannot rewrite: {os_reason(exc)}") from None
    if current != expected:
        raise OutputError(f"{name}: changed while it was being fixed; not rewritten")
    if not os.access(real, os.W_OK):
        raise OutputError(f"{name}: cannot rewrite: permission denied")
    folder_writable = os.access(real.parent, os.W_OK | os.X_OK)
    if st.st_nlink == 1 and _can_keep_owner(st) and folder_writable:
        with AtomicOutput(real, binary=True) as out:
            out.write(data)
        return real
    _rewrite_inode(name, real, data, current)
    return real


def _can_keep_owner(st: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):  # Windows: no owners to keep
        return True
    if os.geteuid() == 0:
        return True
    return st.st_uid == os.geteuid() and st.st_gid in (os.getegid(), *os.getgroups())


def _rewrite_inode(name: Path, real: Path, data: bytes, old: bytes) -> None:
    try:
        try:
            fd, tmp = _tempfile().mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        except PermissionError:
            fd, tmp = _tempfile().mkstemp(prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{name}: cannot rewrite: {os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "w+b") as copy:  # the verified copy of the new content
            copy.write(data)
            copy.flush()
            os.fsync(copy.fileno())
            copy.seek(0)
            if copy.read() != data:
                raise OutputError(f"{name}: cannot rewrite: the temporary copy does not read back")
        with _signals_held():
            target = os.open(real, os.O_WRONLY)
            try:
                if len(data) > len(old) and hasattr(os, "posix_fallocate"):
                    with contextlib.suppress(OSError):  # not every file system can reserve
                        os.posix_fallocate(target, 0, len(data))
                try:
                    _write_all(target, data)
                    os.ftruncate(target, len(data))
                    os.fsync(target)
                except OSError:
                    with contextlib.suppress(OSError):  # put the old content back
                        _write_all(target, old)
                        os.ftruncate(target, len(old))
                    raise
            finally:
                os.close(target)
    except OSError as exc:
        raise OutputError(f"{name}: cannot rewrite: {os_reason(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_all(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
