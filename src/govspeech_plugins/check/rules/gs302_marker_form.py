"""GS302–GS303: a marker not written in the standard form, or with brackets that do not match.

Both codes come from one comparison with the standard form, and the fix writes that form;
the standard depends on the document (fullwidth or halfwidth text, the ``arabic-dot``).
"""

from __future__ import annotations

from govspeech.plugin import gettext as _
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
            message = _("unbalanced brackets in {marker}: write {want}")
            report.flag(mark, "GS303", message.format(marker=mark.marker, want=want))
        else:
            why = _why(mark, canonical, fullwidth=group.fullwidth)
            stray = mark.form.suffix[1:]
            report.flag(mark, "GS302", why.format(marker=mark.marker, want=want, stray=stray))


def _why(mark: Mark, canonical: Form, *, fullwidth: bool) -> str:
    """The message, a template of ``marker``, ``want`` and ``stray`` (what follows the
    closing bracket): what is wrong with the marker, nothing said when it is only the form."""
    form = mark.form
    if form.script == "fullwidth":
        return _("non-standard marker {marker}: fullwidth digits; write {want}")
    if " " in form.prefix + form.suffix or "\u3000" in form.prefix + form.suffix:
        return _("non-standard marker {marker}: spaces inside the marker; write {want}")
    if form.suffix.startswith(("）", ")")) and len(form.suffix) > 1:
        return _("non-standard marker {marker}: stray {stray} after the bracket; write {want}")
    if form.prefix in ("(", "（") and form.prefix != canonical.prefix:
        if form.prefix == "(":
            if fullwidth:
                return _(
                    "non-standard marker {marker}: halfwidth brackets in fullwidth text; "
                    "write {want}"
                )
            return _(
                "non-standard marker {marker}: halfwidth brackets in halfwidth text; write {want}"
            )
        if fullwidth:
            return _(
                "non-standard marker {marker}: fullwidth brackets in fullwidth text; write {want}"
            )
        return _("non-standard marker {marker}: fullwidth brackets in halfwidth text; write {want}")
    return _("non-standard marker {marker}: write {want}")
