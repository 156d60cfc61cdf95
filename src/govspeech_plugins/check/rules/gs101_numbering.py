"""GS101–GS104: the numbers of a run — gaps, repeats, restarts, a first number that is not one.

The four codes share one pass over each run, and the renumbering fix is computed for the run
as a whole: every mark of a run with one of these findings carries all of the run's codes,
and the run is renumbered together or not at all (`Mark.peers`).
"""

from __future__ import annotations

from itertools import pairwise

from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.marks import Mark, shown
from govspeech_plugins.check.rules.registry import NUMBER_FIXES, Phase, Rule, register
from govspeech_plugins.check.rules.siblings import Siblings


@register(
    Rule(
        "GS101",
        "number-gap",
        "numbering jumps over a number or goes back",
        "unsafe",
        rewrites="number",
    ),
    Rule(
        "GS102",
        "duplicate-number",
        "a number repeats the previous one (二是, 二是)",
        "safe",
        rewrites="number",
    ),
    Rule("GS103", "restart-without-parent", "numbering restarts with no parent heading", None),
    Rule(
        "GS104",
        "not-starting-at-one",
        "a run of headings does not start at one",
        "safe",
        rewrites="number",
    ),
    phase=Phase.RUNS,
)
def check_numbering(group: Siblings, report: Report) -> None:
    """Check the numbers of each run of the siblings, and say how fix renumbers it."""
    for run in group.runs:
        # A list numbered on through the chapters (第二章 36． after 第一章's 1．…35．) goes
        # on from numbers before it in the document: it is not a run that should start at one.
        first = run.marks[0]
        before = group.highest_before(first.style, first.start)
        goes_on = before is not None and first.number is not None and first.number > before
        _numbering(run.marks, report, restart=run.restart, goes_on=goes_on)


def _numbering(
    run: tuple[Mark, ...], report: Report, *, restart: bool, goes_on: bool = False
) -> None:
    first = run[0]
    numbered = first.kind == "numbered"
    if not numbered and len(run) > 1 and all(m.number == 1 for m in run):
        # 一是坚持四项基本原则，一是坚持改革开放: "one … the other …", not a slip.
        return
    # Enumerations restart freely (two lists in one section); headings should not.
    if restart and numbered:
        report.flag(
            first,
            "GS103",
            _("numbering restarts at {marker} with no parent heading above it").format(
                marker=first.marker
            ),
        )
    if numbered and first.number not in (None, 1) and not goes_on:
        report.flag(
            first,
            "GS104",
            _("{marker} starts a run: expected {expected}").format(
                marker=first.marker, expected=shown(first.form, 1)
            ),
        )
    # The step from the item before, for the jumps: a safe fix keeps them (renumbering
    # 一、 二、 二、 五、 gives 一、 二、 三、 五、; only --unsafe-fixes closes the gap).
    steps = [1] * len(run)
    for position, (prev, mark) in enumerate(pairwise(run), 2):
        assert prev.number is not None and mark.number is not None
        expected = shown(mark.form, prev.number + 1)
        if mark.number == prev.number:
            report.flag(
                mark,
                "GS102",
                _("duplicate number: {marker} repeats {previous} (expected {expected})").format(
                    marker=mark.marker, previous=prev.marker, expected=expected
                ),
            )
        elif mark.number not in (prev.number + 1, position):
            # A number that follows its predecessor, or stands where it should after an
            # earlier slip (一是 二是 二是 四是), is right: flag only where the slip is.
            steps[position - 1] = mark.number - prev.number
            report.flag(
                mark,
                "GS101",
                _("numbering jumps from {previous} to {marker} (expected {expected})").format(
                    previous=prev.marker, marker=mark.marker, expected=expected
                ),
            )
    if any(m.codes & NUMBER_FIXES for m in run):
        # Renumber from where the run starts: at one when GS104 says it should (or the
        # first number is none), else at its first number (an enumeration whose 一是 sits
        # in an earlier paragraph).
        base = first.number
        if "GS104" in first.codes or base is None or base < 1:
            base = 1
        found = {c for m in run for c in m.codes & NUMBER_FIXES}
        # The safe numbers rise strictly: a repeat or a step back becomes the next number,
        # so a second fix finds no repeat (GS102) and no run that starts again (runs.runs).
        safe = base
        for k, (mark, step) in enumerate(zip(run, steps, strict=True)):
            if k and step != 1 and mark.number is not None and mark.number > safe + 1:
                safe = mark.number  # a jump left as it is
            elif k:
                safe += max(step, 1)  # the next number, or a jump kept as a jump
            mark.number_fix, mark.number_fix_safe = base + k, safe
            mark.codes |= found
            mark.peers = run
