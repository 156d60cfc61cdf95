"""Run detection: which siblings are numbered as one list, and where a list starts again.

Among the marks of one group of siblings, marks of one family (`families`) form runs
(`runs`): a run ends where the numbering starts again at one. 一是 and 二要 are one family when
the 要 is a slip of the pen in a list of 是 (`slips`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import frozen

from govspeech.nodes import Section
from govspeech.syntax.families import FAMILIES
from govspeech_plugins.check.rules.marks import SEQUENCE_STYLES, Mark

__all__ = ["SHI_YAO", "Run", "families", "runs", "slips"]

#: the two enumeration families a slip of the pen mixes up: 一是 二是 and 一要 二要
SHI_YAO = frozenset({"enum_shi", "enum_yao"})
# Families that share a run with another ((1) and 1)), from the family table.
_GROUP = {f.style: f.group for f in FAMILIES.values() if f.group != f.style}


@frozen
class Run:
    """Siblings numbered as one list, in text order; ``restart`` when it is not the first run
    of its family among these siblings (the numbering started again at one)."""

    marks: tuple[Mark, ...]
    restart: bool


def families(marks: list[Mark]) -> list[str]:
    """The family each mark is numbered in among its siblings.

    (1) and 1) are one family; so are 一是 and 一要 when one stands in the other's sequence
    (一是 二要 三是: a slip of the pen, not two lists; see `slips`).
    """
    keys = [_GROUP.get(m.style, m.style) for m in marks]
    enums = [i for i, m in enumerate(marks) if m.style in SHI_YAO]
    k = 0
    while k < len(enums):
        # enums[k] and enums[j] of one style, those between of the other.
        j = k + 1
        while j < len(enums) and marks[enums[j]].style != marks[enums[k]].style:
            j += 1
        between = [marks[i] for i in enums[k + 1 : j]]
        if j < len(enums) and between and slips(marks[enums[k]], between, marks[enums[j]]):
            for i in enums[k + 1 : j]:
                keys[i] = keys[enums[k]]
            k = j
        else:
            k += 1
    return keys


def slips(before: Mark | Section, mids: Sequence[Mark | Section], after: Mark | Section) -> bool:
    """Are ``mids`` items of the list of ``before`` and ``after`` written 要 for 是 (or 是 for
    要)? They are when their numbers fill the gap between the two (一是 二要 三要 四是), or, for
    one item, when it follows ``before`` or leads to ``after`` and those two are not
    consecutive themselves (一是 五是 三要 四是 has a slip and a gap; 一是 一要 二是 is a list
    inside a list)."""
    b, a = before.number, after.number
    numbers = [m.number for m in mids]
    if b is None or a is None or not numbers or before.style != after.style:
        return False
    if any(m.number is None or {before.style, m.style} != SHI_YAO for m in mids):
        return False
    first = numbers[0] or 0
    if numbers != list(range(first, first + len(numbers))):
        return False
    if first == b + 1 and numbers[-1] == a - 1:
        return True
    return len(numbers) == 1 and a != b + 1 and first in (b + 1, a - 1)


def runs(marks: list[Mark], keys: list[str]) -> Iterator[Run]:
    """Siblings of one family (``keys``, from `families`), split where numbering starts again
    at one."""
    groups: dict[str, list[Mark]] = {}
    for mark, key in zip(marks, keys, strict=True):
        if mark.number is not None and mark.style not in SEQUENCE_STYLES:
            groups.setdefault(key, []).append(mark)
    for group in groups.values():
        run: list[Mark] = []
        restart = False
        for mark in group:
            prev = run[-1].number if run else None
            assert mark.number is not None
            # Headings start again only at one; an enumeration whose number drops is a new
            # list (its first items may sit inside a paragraph), a repeated number a slip.
            again = mark.number == 1 and len(run) > 1 and prev != 1
            if mark.kind == "enum" and prev is not None and mark.number < prev:
                # … unless it is the number its place in the run calls for: 一是 五是 三是 is
                # one list with a slip, not two.
                place = {len(run) + 1, (run[0].number or 0) + len(run)}
                again = mark.number not in place
            if again:
                yield Run(tuple(run), restart)
                run, restart = [], True
            run.append(mark)
        if run:
            yield Run(tuple(run), restart)
