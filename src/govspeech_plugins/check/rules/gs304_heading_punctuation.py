"""GS304: sibling headings that differ in their final punctuation (some end with 。)."""

from __future__ import annotations

from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.registry import Phase, Rule, register
from govspeech_plugins.check.rules.siblings import Siblings

_FINAL = "。！？；!?;"


@register(
    Rule("GS304", "heading-punctuation", "siblings differ in their final punctuation", None),
    phase=Phase.SIBLINGS,
)
def check_heading_punctuation(group: Siblings, report: Report) -> None:
    """Flag the headings of a run punctuated unlike the majority (the first on a tie)."""
    # Headings are compared within their run: a list that restarts at 一、 (already
    # GS103) is not the siblings of the run before it.
    for run in group.runs:
        heads = [
            m for m in run.marks if m.kind == "numbered" and m.same_line_title and m.title.strip()
        ]
        ends = [m.title.rstrip()[-1:] in _FINAL for m in heads]
        if len(heads) < 2 or all(ends) or not any(ends):
            continue
        punctuated = sum(ends) * 2 > len(heads) or (sum(ends) * 2 == len(heads) and ends[0])
        for mark, end in zip(heads, ends, strict=True):
            if end != punctuated:
                if end:
                    message = _("the heading ends with punctuation, unlike its siblings")
                else:
                    message = _("the heading has no final punctuation, unlike its siblings")
                report.flag(mark, "GS304", message)
