"""The table of lint rules, filled by the rule units as they are imported.

A *unit* is one module ``gsNNN_<name>.py`` of this package. It registers, with `register`,
the codes it reports (a `Rule` each: code, name, summary, what its fix is) together with the
function that finds them and the `Phase` of the walk that function runs in. `load_units`
imports the units in the order of their names, so the codes are registered in code order,
and `RULES` lists them in that order (``--statistics``, error messages, docs/check.md).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from attrs import frozen

if TYPE_CHECKING:
    from govspeech.nodes import ParsedFile
    from govspeech_plugins.check.rules.findings import Report
    from govspeech_plugins.check.rules.siblings import Siblings

__all__ = [
    "FILE_UNITS",
    "FORM_FIXES",
    "GROUP_UNITS",
    "NUMBER_FIXES",
    "RULES",
    "UNSAFE_NUMBER_FIXES",
    "Phase",
    "Rule",
    "Unit",
    "load_units",
    "register",
]

_CODE = re.compile(r"GS\d{3}")
_UNIT_MODULE = re.compile(r"gs\d{3}_\w+")


@frozen
class Rule:
    """One check: its code, a short name, what it finds, and how ``fix`` repairs it.

    ``fix`` is ``"safe"`` (always right), ``"unsafe"`` (right unless the text lost an item:
    applied with ``--unsafe-fixes`` only) or None; ``default`` says whether the check runs
    when the configuration selects nothing; ``rewrites`` is the part of the marker the fix
    writes, ``"number"`` (`Mark.number_fix`), ``"form"`` (`Mark.form_fix`) or ``"text"`` (a
    part of a 公文 that is not a marker, rewritten through `Report.edit`).
    """

    code: str
    name: str
    summary: str
    fix: str | None
    default: bool = True
    rewrites: str | None = None


class Phase(IntEnum):
    """When a unit's check runs. Within one phase units run in registration order.

    The phases are ordered by what a check may rely on: a ``SIBLINGS`` check sees the fixes
    the ``MARKS`` checks chose for each marker (GS301 counts a marker in the form GS302 gives
    it).
    """

    #: once per file, before its documents: ``check(tree, report)``
    FILE = 0
    #: per group of siblings, each marker on its own or against its parent:
    #: ``check(siblings, report)``
    MARKS = 1
    #: per group of siblings, its numbered runs: ``check(siblings, report)``
    RUNS = 2
    #: per group of siblings, the siblings compared with each other: ``check(siblings, report)``
    SIBLINGS = 3


S = TypeVar("S")


@frozen
class Unit(Generic[S]):
    """A registered check: the codes it reports, its phase and its function."""

    rules: tuple[Rule, ...]
    phase: Phase
    check: Callable[[S, Report], None]


#: code → rule, in registration order
RULES: dict[str, Rule] = {}
FILE_UNITS: list[Unit[ParsedFile]] = []
#: the units that check groups of siblings, sorted by phase (stable: registration order within)
GROUP_UNITS: list[Unit[Siblings]] = []
# Which codes' fixes write what (read by `Mark.target` for every marker, so kept as sets).
NUMBER_FIXES: set[str] = set()
FORM_FIXES: set[str] = set()
#: the renumberings that are unsafe: they close the gaps too (GS101), the safe ones keep them
UNSAFE_NUMBER_FIXES: set[str] = set()

FileCheck = Callable[["ParsedFile", "Report"], None]
GroupCheck = Callable[["Siblings", "Report"], None]


@overload
def register(*rules: Rule, phase: Literal[Phase.FILE]) -> Callable[[FileCheck], FileCheck]: ...


@overload
def register(
    *rules: Rule, phase: Literal[Phase.MARKS, Phase.RUNS, Phase.SIBLINGS]
) -> Callable[[GroupCheck], GroupCheck]: ...


def register(
    *rules: Rule, phase: Phase
) -> Callable[[Callable[[Any, Report], None]], Callable[[Any, Report], None]]:
    """Register ``rules`` and the decorated function that reports them in ``phase``.

    Raises ValueError on a malformed or already registered code, and on a rule whose fix and
    ``rewrites`` disagree (a fix must say what it writes), so that a unit that would be
    silently ignored or clash with another fails as it is imported.
    """
    codes = [rule.code for rule in rules]
    for rule in rules:
        if not _CODE.fullmatch(rule.code):
            raise ValueError(f"{rule.code!r}: a code is GS and three digits")
        if rule.code in RULES or codes.count(rule.code) > 1:
            raise ValueError(f"{rule.code} is registered twice")
        if rule.fix not in (None, "safe", "unsafe"):
            raise ValueError(f"{rule.code}: fix is 'safe', 'unsafe' or None")
        if (rule.fix is None) != (rule.rewrites is None) or rule.rewrites not in (
            None,
            "number",
            "form",
            "text",
        ):
            raise ValueError(
                f"{rule.code}: a fix rewrites 'number', 'form' or 'text'; no fix, nothing"
            )
    if not rules:
        raise ValueError("a unit registers at least one rule")

    def decorate(check: Callable[[Any, Report], None]) -> Callable[[Any, Report], None]:
        for rule in rules:
            RULES[rule.code] = rule
            if rule.rewrites == "number":
                NUMBER_FIXES.add(rule.code)
                if rule.fix == "unsafe":
                    UNSAFE_NUMBER_FIXES.add(rule.code)
            elif rule.rewrites == "form":
                FORM_FIXES.add(rule.code)
        if phase is Phase.FILE:
            FILE_UNITS.append(Unit(rules, phase, check))
        else:
            GROUP_UNITS.append(Unit(rules, phase, check))
            GROUP_UNITS.sort(key=lambda unit: unit.phase)
        return check

    return decorate


def load_units(path: Iterable[str], package: str) -> None:
    """Import the unit modules (``gsNNN_<name>``) of ``package`` found on ``path``, in name
    order; each registers its rules as it is imported."""
    names = sorted(m.name for m in pkgutil.iter_modules(path) if _UNIT_MODULE.fullmatch(m.name))
    for name in names:
        importlib.import_module(f"{package}.{name}")
