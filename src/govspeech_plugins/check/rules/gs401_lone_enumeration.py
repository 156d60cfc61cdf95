"""GS401: an enumeration with one item (一是 and no 二是)."""

from __future__ import annotations

from collections import Counter

from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.marks import SEQUENCE_STYLES, shown
from govspeech_plugins.check.rules.registry import Phase, Rule, register
from govspeech_plugins.check.rules.siblings import Siblings


@register(
    Rule("GS401", "lone-enumeration", "an enumeration with one item (一是, no 二是)", None),
    phase=Phase.SIBLINGS,
)
def check_lone_enumeration(group: Siblings, report: Report) -> None:
    """Flag an enumeration heading numbered one that is the only item of its family here."""
    families: Counter[str] = Counter(
        m.style for m in group.heads + group.inline if m.kind == "enum"
    )
    for mark in group.heads:
        if mark.kind != "enum" or mark.style in SEQUENCE_STYLES or families[mark.style] != 1:
            continue
        if mark.number == 1:
            nxt = shown(mark.form, 2)
            message = _("{marker} is the only item: no {next} follows")
            report.flag(mark, "GS401", message.format(marker=mark.marker, next=nxt))
