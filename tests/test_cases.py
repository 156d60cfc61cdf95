"""The nesting and marker cases of tests/cases/*.txt: a text in, its `pretty()` tree out.

Each case file holds several cases, each a name, the input text and the expected tree (the
format is in tests/cases/README.md). ``python -m pytest tests/test_cases.py --update-goldens``
writes the current trees into the files instead of comparing them; review with
``git diff tests/cases`` — every expected tree was read by hand once, so a diff is what to read
again.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import govspeech

CASES = Path(__file__).parent / "cases"

CASE = "=== case: "
INPUT = "--- input"
INPUT_NO_EOL = "--- input (no final newline)"
TREE = "--- tree"
ITEMS = "--- items"


class CaseFileError(ValueError):
    """A case file that does not follow the format (the message names the file and line)."""


@dataclass(frozen=True)
class Case:
    name: str
    line: int  # of the "=== case:" line, 1-based
    notes: tuple[str, ...]  # free text between the name and "--- input", as written
    input_lines: tuple[str, ...]  # the input block, line by line, as written
    final_newline: bool
    tree_lines: tuple[str, ...]  # the expected tree, trailing blank lines dropped
    #: the expected inline items (`items_view`), for a case that has an "--- items" block
    items_lines: tuple[str, ...] | None = None

    @property
    def text(self) -> str:
        """The input text given to `govspeech.parse`."""
        text = "".join(line + "\n" for line in self.input_lines)
        return text if self.final_newline else text[:-1]

    @property
    def expected(self) -> str:
        """The expected `pretty()` output ("" when the case has no tree yet)."""
        return "".join(line + "\n" for line in self.tree_lines)

    @property
    def expected_items(self) -> str | None:
        if self.items_lines is None:
            return None
        return "".join(line + "\n" for line in self.items_lines)


@dataclass(frozen=True)
class CaseFile:
    header: tuple[str, ...]  # free text before the first case
    cases: tuple[Case, ...]


def read_cases(text: str, name: str = "<cases>") -> CaseFile:
    """Parse a case file (see tests/cases/README.md)."""
    if text and not text.endswith("\n"):
        raise CaseFileError(f"{name}: the file must end with a newline")
    if "\r" in text:
        raise CaseFileError(f"{name}: line endings must be LF only")
    lines = text.split("\n")[:-1] if text else []
    n = 0
    header: list[str] = []
    while n < len(lines) and not lines[n].startswith(CASE):
        header.append(lines[n])
        n += 1
    cases: list[Case] = []
    seen: set[str] = set()
    while n < len(lines):
        start = n
        case_name = lines[n].removeprefix(CASE)
        if not re.fullmatch(r"[^\s\[\]:]+", case_name):
            raise CaseFileError(f"{name}:{n + 1}: a case needs a name after '{CASE}', without "
                                "white space, brackets or colons (it is part of the test id)")
        if case_name in seen:
            raise CaseFileError(f"{name}:{n + 1}: a second case named {case_name!r}")
        seen.add(case_name)
        n += 1
        notes: list[str] = []
        while n < len(lines) and lines[n] not in (INPUT, INPUT_NO_EOL):
            if lines[n].startswith((CASE, TREE)):
                raise CaseFileError(f"{name}:{n + 1}: case {case_name!r} has no '{INPUT}' line")
            notes.append(lines[n])
            n += 1
        if n == len(lines):
            raise CaseFileError(f"{name}:{start + 1}: case {case_name!r} has no '{INPUT}' line")
        final_newline = lines[n] == INPUT
        n += 1
        inputs: list[str] = []
        while n < len(lines) and lines[n] != TREE:
            if lines[n].startswith(CASE):
                raise CaseFileError(f"{name}:{n + 1}: case {case_name!r} has no '{TREE}' line")
            inputs.append(lines[n])
            n += 1
        if n == len(lines):
            raise CaseFileError(f"{name}:{start + 1}: case {case_name!r} has no '{TREE}' line")
        if not inputs:
            raise CaseFileError(f"{name}:{n + 1}: case {case_name!r} has an empty input")
        n += 1
        tree = _block(lines, n, (CASE, ITEMS))
        n += len(tree)
        items: list[str] | None = None
        if n < len(lines) and lines[n] == ITEMS:
            items = _block(lines, n + 1, (CASE,))
            n += 1 + len(items)
        cases.append(Case(case_name, start + 1, tuple(notes), tuple(inputs), final_newline,
                          _trimmed(tree), None if items is None else _trimmed(items)))
    return CaseFile(tuple(header), tuple(cases))


def _block(lines: list[str], n: int, ends: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    while n < len(lines) and not lines[n].startswith(ends):
        out.append(lines[n])
        n += 1
    return out


def _trimmed(block: list[str]) -> tuple[str, ...]:
    end = len(block)
    while end and not block[end - 1].strip():
        end -= 1
    return tuple(block[:end])


def items_view(tree: govspeech.ParsedFile) -> str:
    """The enumerations inside paragraphs, one a line: line:column style #number marker."""
    out = []
    for leaf in tree.iter_leaves():
        for item in getattr(leaf, "items", ()):
            num = "-" if item.number is None else item.number
            out.append(f"{item.line:>4}:{item.column} {item.style} #{num} {item.marker}\n")
    return "".join(out)


def render_cases(cf: CaseFile) -> str:
    """The text of a case file: `read_cases` gives it back; cases are one blank line apart."""
    out: list[str] = list(cf.header)
    for k, case in enumerate(cf.cases):
        if k:
            out.append("")
        out.append(CASE + case.name)
        out.extend(case.notes)
        out.append(INPUT if case.final_newline else INPUT_NO_EOL)
        out.extend(case.input_lines)
        out.append(TREE)
        out.extend(case.tree_lines)
        if case.items_lines is not None:
            out.append(ITEMS)
            out.extend(case.items_lines)
    return "".join(line + "\n" for line in out)


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.txt"))


def _params() -> Iterator[object]:
    for path in case_files():
        try:
            cf = read_cases(path.read_text("utf-8"), path.name)
        except (CaseFileError, UnicodeDecodeError) as exc:
            yield pytest.param(path, None, str(exc), id=f"{path.name}::(unreadable)")
            continue
        for case in cf.cases:
            yield pytest.param(path, case.name, None, id=f"{path.name}::{case.name}")


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer at a time in ``folder`` (pytest-xdist runs the cases of a file on several
    workers); without fcntl (Windows) run the update with ``-n0``."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _write_tree(path: Path, name: str, tree: str, items: str) -> None:
    """Replace the tree (and items) block of case ``name`` in ``path``, atomically: a worker
    still collecting reads the old file or the new one, never half of it."""
    with _locked(path.parent):
        cf = read_cases(path.read_text("utf-8"), path.name)
        cases = tuple(
            replace(
                c,
                tree_lines=tuple(tree.split("\n")[:-1]),
                items_lines=None if c.items_lines is None else tuple(items.split("\n")[:-1]),
            )
            if c.name == name
            else c
            for c in cf.cases
        )
        data = render_cases(CaseFile(cf.header, cases))
        if data == path.read_text("utf-8"):
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(data)
            os.chmod(tmp, path.stat().st_mode & 0o777)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise


@pytest.mark.parametrize(("path", "name", "error"), list(_params()))
def test_case(path: Path, name: str | None, error: str | None, request: pytest.FixtureRequest):
    if error is not None:
        pytest.fail(error, pytrace=False)
    cf = read_cases(path.read_text("utf-8"), path.name)
    (case,) = [c for c in cf.cases if c.name == name]
    tree = govspeech.parse(case.text)
    assert tree.text == case.text, f"{path.name}::{name}: the tree lost part of its input"
    actual = tree.pretty()
    items = items_view(tree)
    if request.config.getoption("--update-goldens"):
        _write_tree(path, case.name, actual, items)
        return
    where = f"tests/cases/{path.name}:{case.line} ({case.name})"
    if not case.expected:
        pytest.fail(f"{where} has no expected tree yet: run with --update-goldens, then read "
                    "the tree it writes against the input", pytrace=False)
    _compare(where, "tree", case.expected, actual, "parse(text).pretty()")
    if case.expected_items is not None:
        _compare(where, "items", case.expected_items, items, "the paragraphs' items")


def _compare(where: str, block: str, expected: str, actual: str, source: str) -> None:
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    f"expected (--- {block} of the case)", f"actual ({source})",
                                    lineterm="")
        pytest.fail(f"{where}: the {block} differs\n" + "\n".join(diff), pytrace=False)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_case_file_is_in_canonical_form(path: Path):
    """What --update-goldens would write back, cases one blank line apart; at least two cases."""
    text = path.read_text("utf-8")
    cf = read_cases(text, path.name)
    assert len(cf.cases) >= 2, f"{path.name}: a rule or family wants at least two cases"
    assert render_cases(cf) == text, f"{path.name}: not in the form --update-goldens writes"


def test_the_format_round_trips_what_matters():
    text = (
        "header\n\n"
        "=== case: a\nnote\n--- input\n一、甲\n\n\u3000\u3000\n--- tree\nx\n\n"
        "=== case: b\n--- input (no final newline)\n二、乙\n--- tree\ny\n--- items\n   1:4 z\n"
    )
    cf = read_cases(text)
    assert render_cases(cf) == text
    a, b = cf.cases
    assert (a.name, a.line, a.notes, a.text, a.expected) == (
        "a", 3, ("note",), "一、甲\n\n\u3000\u3000\n", "x\n")
    assert (b.text, b.expected, b.line, b.expected_items) == ("二、乙", "y\n", 12, "   1:4 z\n")
    assert a.expected_items is None
    for bad in ("=== case: a\n--- tree\n", "=== case: a\n--- input\nx\n",
                "=== case: a\n--- input\n--- tree\n", "=== case: a\n--- input\nx\n--- tree\n"
                "=== case: a\n--- input\nx\n--- tree\n", "=== case:  a\n--- input\nx\n--- tree\n",
                "=== case: a::b\n--- input\nx\n--- tree\n", "=== case: a\r\n--- input\nx\n--- tree\n"):
        with pytest.raises(CaseFileError):
            read_cases(bad)


def test_cases_exist():
    assert len(case_files()) >= 10
