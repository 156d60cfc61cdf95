"""GS301: siblings written in different forms, each acceptable on its own (一是 二要 三是)."""

from __future__ import annotations

from collections import Counter

from govspeech.plugin import gettext as _
from govspeech_plugins.check.markerform import Form
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.marks import SEQUENCE_STYLES, Mark, shown
from govspeech_plugins.check.rules.registry import Phase, Rule, register
from govspeech_plugins.check.rules.siblings import Siblings

# The codes whose fix gives a marker its standard form (gs302_marker_form), found before this.
_STANDARD = frozenset({"GS302", "GS303"})


@register(
    Rule(
        "GS301",
        "mixed-forms",
        "siblings are written in different forms (1. and 1、)",
        "safe",
        rewrites="form",
    ),
    phase=Phase.SIBLINGS,
)
def check_mixed_forms(group: Siblings, report: Report) -> None:
    """Compare the forms of the siblings of each family; fix writes the odd ones like the
    majority (the first form on a tie)."""

    # A marker GS302/GS303 rewrites counts in the form it will have: 第一、 第二， are
    # one form (第一， once fixed), not two.
    def form(m: Mark) -> Form:
        if m.codes & _STANDARD and m.form_fix is not None:
            return m.form_fix
        return m.form

    groups: dict[str, list[Mark]] = {}
    for mark, key in zip(group.marks, group.keys, strict=True):
        if mark.style != "dash" and mark.style not in SEQUENCE_STYLES:
            groups.setdefault(key, []).append(mark)
    for family in groups.values():
        written = [form(m) for m in family]
        forms = Counter(written)
        if len(forms) < 2:
            continue
        majority = max(forms, key=lambda f: (forms[f], -written.index(f)))
        for mark, f in zip(family, written, strict=True):
            if f == majority:
                continue
            example = shown(majority, mark.number, mark)
            message = _("{marker} is written unlike its siblings ({example})").format(
                marker=mark.marker, example=example
            )
            if not mark.codes & _STANDARD:
                mark.form_fix = majority
                report.flag(mark, "GS301", message)
            elif report.flag(mark, "GS301", message):
                # Its standard form is still unlike the others (（2) among 1) 2), where 1)
                # has no standard form): written the standard way, the next check would
                # find it unlike them, so it is written like them at once.
                mark.form_fix = majority
