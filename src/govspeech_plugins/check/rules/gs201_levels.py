"""GS201–GS202: a heading's level against its parent's — ranked lower, or a level skipped."""

from __future__ import annotations

from govspeech.plugin import gettext as _
from govspeech.syntax.families import FAMILIES
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.registry import Phase, Rule, register
from govspeech_plugins.check.rules.siblings import Siblings

# From the family table: the standard's ranks (GB/T 9704-2012 7.3.3) of the families whose
# level is judged, and the ranks of 部分/章/节 above them.
_RANK = {f.style: f.rank for f in FAMILIES.values() if f.judged and f.rank is not None}
_RANK_ABOVE = {f.style: f.rank for f in FAMILIES.values() if f.above_cn_num and f.rank is not None}
# The standard marker of each judged rank, to name a skipped level; levels are judged for
# skips from 一、 down (a 章 or an article may hold （一） directly).
_MISSING = {
    f.rank: f.canonical
    for f in FAMILIES.values()
    if f.judged and f.rank is not None and f.canonical and f.nests_as is None
}
_FIRST_JUDGED = min(_MISSING)


@register(
    Rule("GS201", "level-order", "a heading sits below one the standard ranks lower", None),
    Rule("GS202", "skipped-level", "a level is skipped (一、 directly above 1．)", None, False),
    phase=Phase.MARKS,
)
def check_levels(group: Siblings, report: Report) -> None:
    """Compare the rank of each numbered heading with its parent's."""
    parent = group.parent
    if parent is None:
        return
    for child, mark in zip(group.sections, group.heads, strict=True):
        if parent.kind != "numbered" or child.kind != "numbered":
            continue
        p = _RANK_ABOVE.get(parent.style, _RANK.get(parent.style))
        c = _RANK_ABOVE.get(child.style, _RANK.get(child.style))
        if p is None or c is None:
            continue
        if c < p and child.style in _RANK:
            report.flag(
                mark,
                "GS201",
                _("{marker} sits below {parent}; the standard puts it above").format(
                    marker=mark.marker, parent=parent.marker.strip()
                ),
            )
        elif c > p + 1 and p >= _FIRST_JUDGED:
            skipped = "、".join(_MISSING[r] for r in range(p + 1, c) if r in _MISSING)
            report.flag(
                mark,
                "GS202",
                _("{marker} directly below {parent} skips the level {skipped}").format(
                    marker=mark.marker, parent=parent.marker.strip(), skipped=skipped
                ),
            )
