"""What the checks produce: `Finding` records, kept by a `Report`; an `Analysis` per file."""

from __future__ import annotations

from attrs import field, frozen

from govspeech_plugins.check.rules.marks import Mark
from govspeech_plugins.check.rules.registry import RULES

__all__ = ["Analysis", "Edit", "Finding", "Report"]


@frozen
class Finding:
    """One problem: where, which code, what; ``fix`` as in its `Rule`."""

    path: str
    line: int
    column: int
    code: str
    message: str
    fix: str | None

    def render(self) -> str:
        """``path:line:col: CODE message``, with ``[*]`` when fix repairs it (as ruff does)."""
        mark = " [*]" if self.fix == "safe" else ""
        return f"{self.path}:{self.line}:{self.column}: {self.code}{mark} {self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        """Path, line, column, code: the order findings are printed in."""
        return (self.path, self.line, self.column, self.code)


@frozen
class Edit:
    """A rewrite of text that is not a marker, for one finding: a 公文's part (发文字号,
    成文日期…). ``start``..``end`` in the original text is replaced by ``new``."""

    code: str
    start: int
    end: int
    new: str


@frozen
class Analysis:
    """The findings of one file, its marks (the fixer rewrites those) and the edits of the
    rules that rewrite a 公文's parts."""

    findings: list[Finding]
    marks: list[Mark]
    edits: list[Edit] = field(factory=list)


class Report:
    """Where the checks of one file record their findings, in the order they are found.

    Only selected codes not suppressed on their line are recorded, and a finding on a mark
    tags the mark with its code: fix repairs exactly the codes a mark carries.
    """

    def __init__(
        self, path: str, select: frozenset[str], noqa: dict[int, frozenset[str] | None]
    ) -> None:
        self.path = path
        self.select = select
        self.noqa = noqa
        self.findings: list[Finding] = []
        self.edits: list[Edit] = []

    def add(self, code: str, line: int, column: int, message: str, mark: Mark | None) -> bool:
        """Record a finding unless its code is not selected or suppressed on its line; say
        whether it was recorded."""
        if code not in self.select:
            return False
        suppressed = self.noqa.get(line, frozenset())
        if suppressed is None or code in suppressed:
            return False
        if mark is not None:
            mark.codes.add(code)
        self.findings.append(Finding(self.path, line, column, code, message, RULES[code].fix))
        return True

    def flag(self, mark: Mark, code: str, message: str) -> bool:
        """`add` a finding at ``mark``; say whether it was recorded."""
        return self.add(code, mark.line, mark.column, message, mark)

    def edit(
        self, code: str, line: int, column: int, message: str, start: int, end: int, new: str
    ) -> bool:
        """`add` a finding whose fix rewrites ``start``..``end`` of the text as ``new`` (a
        rule with ``rewrites="text"``); say whether it was recorded."""
        if not self.add(code, line, column, message, None):
            return False
        self.edits.append(Edit(code, start, end, new))
        return True
