"""GS302–GS303: a marker not written in the standard form, or with brackets that do not match.

Both codes come from one comparison with the standard form, and the fix writes that form;
the standard depends on the document (fullwidth or halfwidth text, the ``arabic-dot``).
"""

from __future__ import annotations

from govspeech_plugins.check.markerform import Form, canonical_form
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.marks import Mark, shown
from govspeech_plugins.check.rules.registry import Phase, Rule, register
from govspeech_plugins.check.rules.siblings import Siblings

_OPENS = {"（": "）", "(": ")"}


@register(
    Rule(
        "GS302",
        "non-standard-form",
        "a marker is not in the standard form",
        "safe",
        rewrites="form",
    ),
    Rule(
        "GS303",
        "unbalanced-brackets",
        "the brackets of a marker do not match",
        "safe",
        rewrites="form",
    ),
    phase=Phase.MARKS,
)
def check_marker_form(group: Siblings, report: Report) -> None:
    """Compare each marker with its standard form, and say how fix writes it."""
    for mark in group.marks:
        canonical = canonical_form(
            mark.style, mark.form, fullwidth=group.fullwidth, arabic_dot=group.arabic_dot
        )
        if canonical == mark.form:
            continue
        mark.form_fix = canonical
        want = shown(canonical, mark.number, mark)
        prefix, suffix = mark.form.prefix.strip(), mark.form.suffix.strip()
        if prefix in _OPENS and suffix[:1] in ("）", ")") and _OPENS[prefix] != suffix[:1]:
            report.flag(mark, "GS303", f"unbalanced brackets in {mark.marker}: write {want}")
        else:
            why = _why(mark, canonical, fullwidth=group.fullwidth)
            report.flag(mark, "GS302", f"non-standard marker {mark.marker}: {why}write {want}")


def _why(mark: Mark, canonical: Form, *, fullwidth: bool) -> str:
    """What is wrong with the marker, for the message (empty when it is only the form)."""
    form = mark.form
    if form.script == "fullwidth":
        return "fullwidth digits; "
    if " " in form.prefix + form.suffix or "\u3000" in form.prefix + form.suffix:
        return "spaces inside the marker; "
    if form.suffix.startswith(("）", ")")) and len(form.suffix) > 1:
        return f"stray {form.suffix[1:]} after the bracket; "
    if form.prefix in ("(", "（") and form.prefix != canonical.prefix:
        width = "halfwidth" if form.prefix == "(" else "fullwidth"
        return f"{width} brackets in {'full' if fullwidth else 'half'}width text; "
    return ""
