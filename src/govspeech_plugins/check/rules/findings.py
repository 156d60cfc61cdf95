"""What the checks produce: `Finding` records, kept by a `Report`; an `Analysis` per file."""

from __future__ import annotations

from attrs import frozen

from govspeech_plugins.check.rules.marks import Mark
from govspeech_plugins.check.rules.registry import RULES

__all__ = ["Analysis", "Finding", "Report"]


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
class Analysis:
    """The findings of one file and its marks (the fixer rewrites those)."""

    findings: list[Finding]
    marks: list[Mark]


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
