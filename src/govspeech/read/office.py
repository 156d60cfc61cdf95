"""Reading legacy Word (.doc), WPS (.wps), RTF (.rtf) and OpenDocument (.odt) files.

These formats are turned into a .docx by LibreOffice (``soffice --headless --convert-to docx``)
and then read by `govspeech.read.docx`, so Word's automatic numbering is rebuilt the same way
for every format (LibreOffice carries a .doc's lists over into the .docx's numbering.xml).

LibreOffice is found as ``$GOVSPEECH_SOFFICE``, else ``soffice`` or ``libreoffice`` on PATH;
without it reading such a file raises `MissingDependencyError` saying what to install.

Each conversion runs in a fresh temporary folder that holds the input, the output and a
*private LibreOffice profile*: LibreOffice lets one profile be used by one process at a time (a
second one hands its work to the first, or waits), so conversions in parallel workers
(``--jobs``) or threads each get their own. The process runs in a session of its own and, when
the conversion ends, fails, times out (`CONVERT_TIMEOUT`) or is interrupted (Ctrl-C), the whole
process group is killed, so no ``soffice.bin`` is left behind.

Before LibreOffice is started, the bytes must be what such a file is (an OLE compound file, RTF
or a zip archive), since LibreOffice would otherwise import any bytes as plain text; and a
password-protected .doc/.wps or encrypted Office file is refused with one line, as headless
LibreOffice cannot ask for the password.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from govspeech.errors import InputFormatError, MissingDependencyError, one_line, os_reason
from govspeech.read.signatures import is_odt, is_ole, is_rtf

__all__ = [
    "CONVERT_TIMEOUT",
    "MAX_DOCX_SIZE",
    "OFFICE_SUFFIXES",
    "convert_to_docx",
    "find_soffice",
    "is_odt",
    "is_ole",
    "is_rtf",
    "office_text",
]

#: The extensions read through LibreOffice (lower case, with the dot).
OFFICE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")

_DEFAULT_TIMEOUT = 120.0


def _env_timeout() -> float:
    try:
        value = float(os.environ.get("GOVSPEECH_CONVERT_TIMEOUT", ""))
    except ValueError:
        return _DEFAULT_TIMEOUT
    return value if value > 0 else _DEFAULT_TIMEOUT


#: Seconds one conversion may take (LibreOffice's start included, about 1-3 s; a long .doc
#: takes seconds more) before LibreOffice is killed and the file refused: 120, or
#: ``$GOVSPEECH_CONVERT_TIMEOUT`` when that is a positive number (read at import).
CONVERT_TIMEOUT = _env_timeout()
#: Largest .docx accepted from LibreOffice: far above any real document's.
MAX_DOCX_SIZE = 256 * 1024 * 1024

_ZIP_LOCAL_HEADER = b"PK\x03\x04"
_INSTALL = "apt-get install libreoffice-writer (or save the file as .docx)"
# What LibreOffice prints on every start where Java is not set up: not a reason for anything.
_NOISE = ("Warning: failed to launch javaldx",)
_STDERR_BYTES = 64 * 1024


# --------------------------------------------------------------------------- encryption

_MAX_DIR_ENTRIES = 10_000  # real files have tens; enough to find the streams named below
_SPECIAL_SECTOR = 0xFFFFFFFA  # sector numbers above this are markers (end of chain, free…)


def _ole_streams(data: bytes) -> tuple[int, dict[str, tuple[int, int]]]:
    """The OLE file's sector shift and its streams: name -> (first sector, size), [MS-CFB].

    Only what finding the encryption needs: the FAT is followed for the directory's chain,
    bounded by the file's sector count; a damaged file gives what could be read (maybe none).
    """
    if len(data) < 512 or not is_ole(data):
        return 0, {}
    shift: int = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        return 0, {}
    size = 1 << shift
    count = max(0, (len(data) + size - 1) // size - 1)  # sectors after the header

    def sector(n: int) -> int:
        return (n + 1) << shift

    per_fat = size // 4  # sector numbers in a FAT or DIFAT sector
    needed = count // per_fat + 1  # FAT sectors that a file of this size can use
    fat = [n for n in struct.unpack_from("<109I", data, 0x4C) if n <= _SPECIAL_SECTOR]
    difat, seen = struct.unpack_from("<I", data, 0x44)[0], set()
    # More FAT sectors are listed in DIFAT sectors, chained by their last number.
    while difat < count and difat not in seen and len(fat) < needed:
        seen.add(difat)
        at = sector(difat)
        if at + size > len(data):
            break
        numbers = struct.unpack_from(f"<{per_fat}I", data, at)
        fat += [n for n in numbers[:-1] if n <= _SPECIAL_SECTOR]
        difat = numbers[-1]

    def next_sector(n: int) -> int:
        index, slot = divmod(n, per_fat)
        if index >= len(fat) or sector(fat[index]) + size > len(data):
            return -1
        number: int = struct.unpack_from("<I", data, sector(fat[index]) + slot * 4)[0]
        return number

    streams: dict[str, tuple[int, int]] = {}
    current, seen, entries = struct.unpack_from("<I", data, 0x30)[0], set(), 0
    while 0 <= current < count and current not in seen and entries < _MAX_DIR_ENTRIES:
        seen.add(current)
        at = sector(current)
        for offset in range(at, min(at + size, len(data) - 127), 128):
            entries += 1
            name_len, kind = struct.unpack_from("<HB", data, offset + 0x40)
            if kind == 2 and 2 <= name_len <= 64:  # a stream
                name = data[offset : offset + name_len - 2].decode("utf-16-le", "replace")
                first, length = struct.unpack_from("<IQ", data, offset + 0x74)
                streams.setdefault(name, (first, length & 0xFFFFFFFF if shift == 9 else length))
        current = next_sector(current)
    return shift, streams


def _encryption(data: bytes) -> str | None:
    """How the OLE file in ``data`` is encrypted, or None when it is not (or unknown)."""
    shift, streams = _ole_streams(data)
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        return "an encrypted (password-protected) Office document"
    word = streams.get("WordDocument")
    if word is None:
        return None
    first, length = word
    at = (first + 1) << shift
    # Streams under 4 KB live in the mini stream; the FIB of any real .doc is far larger.
    if length < 4096 or first > _SPECIAL_SECTOR or at + 12 > len(data):
        return None
    ident, flags = struct.unpack_from("<H", data, at)[0], struct.unpack_from("<H", data, at + 10)[0]
    if ident == 0xA5EC and flags & 0x0100:  # FIB: wIdent, fEncrypted ([MS-DOC] 2.5.2)
        return "a password-protected Word document"
    return None


# --------------------------------------------------------------------------- conversion


def find_soffice(name: str = "<input>", suffix: str = ".doc") -> str:
    """The LibreOffice program: ``$GOVSPEECH_SOFFICE``, else ``soffice`` or ``libreoffice`` on
    PATH. Raises `MissingDependencyError` (naming ``name`` and ``suffix``) when there is none."""
    configured = os.environ.get("GOVSPEECH_SOFFICE")
    if configured:
        if not os.path.isfile(configured) or not os.access(configured, os.X_OK):
            raise MissingDependencyError(
                f"{name}: reading {suffix} files needs LibreOffice, but GOVSPEECH_SOFFICE "
                f"({configured}) is not an executable file"
            )
        return configured
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise MissingDependencyError(
            f"{name}: reading {suffix} files needs LibreOffice, which is not installed: {_INSTALL}"
        )
    return found


def _input_suffix(data: bytes, suffix: str, name: str) -> str:
    """The extension to give LibreOffice the input under: the one its content shows.

    A .doc that is really RTF (as Word's "save as" and many web sites make them) is named
    .rtf, an OLE file named .rtf or .odt is a .doc, an OpenDocument text is .odt; another zip
    keeps its name (LibreOffice tells a .docx from its content). Anything else is refused:
    LibreOffice would import it as plain text. A ``suffix`` other than `OFFICE_SUFFIXES` (a file
    without one, ``--from office``) leaves the name to the content.
    """
    known = suffix in OFFICE_SUFFIXES
    if is_ole(data):
        return suffix if suffix in (".doc", ".wps") else ".doc"
    if is_rtf(data):
        return ".rtf"
    if data.startswith(_ZIP_LOCAL_HEADER):
        return ".odt" if is_odt(data) or not known else suffix
    what = {
        ".doc": "not a .doc file (a Word .doc is an OLE compound file; this is not one)",
        ".wps": "not a .wps file (a WPS .wps is an OLE compound file; this is not one)",
        ".rtf": "not an .rtf file (an RTF file starts with {\\rtf; this does not)",
        ".odt": "not an .odt file (an OpenDocument text is a zip archive; this is not one)",
    }.get(suffix, "not a .doc, .wps, .rtf or .odt file (it has none of their signatures)")
    raise InputFormatError(f"{name}: {what}")


def _reason(stderr: Path) -> str:
    """The line of LibreOffice's error output that says what went wrong, or ""."""
    try:
        with open(stderr, "rb") as f:
            text = f.read(_STDERR_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""
    lines = [one_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith(_NOISE)]
    line = next((line for line in lines if "error" in line.lower()), lines[0] if lines else "")
    return line.removeprefix("Error: ")[:200]


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice's whole process group (soffice's shell script, oosplash, soffice.bin)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def convert_to_docx(
    data: bytes, suffix: str, name: str = "<input>", *, timeout: float | None = None
) -> bytes:
    """The bytes of a .docx that LibreOffice made from ``data`` (a .doc, .wps, .rtf or .odt;
    ``suffix`` with its dot, lower case, tells LibreOffice what it is, unless the content
    shows another of these formats).

    Raises `MissingDependencyError` when LibreOffice is not installed, `InputFormatError` (one
    line starting with ``name``) when the bytes are not such a file, are password-protected,
    LibreOffice cannot read them, takes longer than ``timeout`` seconds (None:
    ``$GOVSPEECH_CONVERT_TIMEOUT`` as it is now, else `CONVERT_TIMEOUT`), or makes a .docx
    larger than `MAX_DOCX_SIZE`. A ``suffix`` other than `OFFICE_SUFFIXES` (``""``) leaves
    it to the content.
    """
    if timeout is None:  # read now: a worker process may have been started before it was set
        timeout = _env_timeout()
    given = _input_suffix(data, suffix, name)
    if suffix not in OFFICE_SUFFIXES:
        suffix = given
    if is_ole(data):
        encrypted = _encryption(data)
        if encrypted is not None:
            raise InputFormatError(
                f"{name}: {encrypted}; save it without a password (LibreOffice cannot ask for it)"
            )
    program = find_soffice(name, suffix)
    with tempfile.TemporaryDirectory(prefix="govspeech-office-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        source, outdir = folder / f"input{given}", folder / "out"
        source.write_bytes(data)
        outdir.mkdir()
        command = [
            program,
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ]
        # Output goes to files, not pipes: a pipe held open by a leftover child would block.
        with open(folder / "stdout", "wb") as out, open(folder / "stderr", "wb") as err:
            try:
                proc = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=err,
                    start_new_session=True,  # its own process group, to kill it whole
                )
            except OSError as exc:
                raise MissingDependencyError(
                    f"{name}: cannot run LibreOffice ({program}): {os_reason(exc)}"
                ) from None
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                raise InputFormatError(
                    f"{name}: LibreOffice did not convert it in {timeout:.0f} s (a damaged file?)"
                ) from None
            finally:
                _kill_group(proc)  # also what it left running, and on Ctrl-C
        result = outdir / "input.docx"
        if code != 0 or not result.is_file() or result.stat().st_size == 0:
            reason = _reason(folder / "stderr")
            if not reason:
                reason = (
                    f"it was stopped by signal {-code}"
                    if code < 0
                    else f"it exited with status {code}"
                    if code
                    else "it wrote no .docx"
                )
            raise InputFormatError(
                f"{name}: LibreOffice could not read it as {suffix} ({reason}; a damaged file?)"
            )
        if result.stat().st_size > MAX_DOCX_SIZE:
            raise InputFormatError(
                f"{name}: LibreOffice made a .docx larger than {MAX_DOCX_SIZE // 2**20} MB of "
                f"it; refused"
            )
        return result.read_bytes()


def office_text(
    data: bytes, suffix: str, name: str = "<input>", *, timeout: float | None = None
) -> str:
    """The text of a .doc, .wps, .rtf or .odt, as `govspeech.read.docx.docx_text` reads the
    .docx `convert_to_docx` makes of it (needs lxml, as .docx does)."""
    from govspeech.read.docx import docx_text

    return docx_text(convert_to_docx(data, suffix, name, timeout=timeout), name)
