"""GS501–GS502: web-page boilerplate and licence notices left in the text.

The parser keeps such lines out of the outline already (`govspeech.nodes.Boilerplate`); this
reports them, one finding per block of lines of one kind.
"""

from __future__ import annotations

from govspeech.nodes import Blank, Boilerplate, ParsedFile
from govspeech.plugin import N_
from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.registry import Phase, Rule, register

#: The message per kind of boilerplate, without and with the number of lines after the first.
_WHAT = {
    "licence": (
        N_("a licence trailer left in the text: {snippet}"),
        N_("a licence trailer left in the text: {snippet} (and {more} more lines)"),
    ),
    "preamble": (
        N_("a site's preamble left in the text: {snippet}"),
        N_("a site's preamble left in the text: {snippet} (and {more} more lines)"),
    ),
}
_OTHER = (
    N_("web-page boilerplate left in the text: {snippet}"),
    N_("web-page boilerplate left in the text: {snippet} (and {more} more lines)"),
)


@register(
    Rule("GS501", "boilerplate", "web-page boilerplate left in the text", None),
    Rule("GS502", "licence-notice", "a licence notice left at the end of the text", None, False),
    phase=Phase.FILE,
)
def check_boilerplate(tree: ParsedFile, report: Report) -> None:
    """Report each block of boilerplate lines of one kind once."""
    # One finding per block (a licence trailer is dozens of lines); blank lines do not end one.
    block: list[Boilerplate] = []
    for leaf in tree.iter_leaves():
        if isinstance(leaf, Boilerplate):
            if block and block[-1].reason != leaf.reason:
                _block(block, report)
                block = []
            block.append(leaf)
        elif not isinstance(leaf, Blank) and block:
            _block(block, report)
            block = []
    if block:
        _block(block, report)


def _block(block: list[Boilerplate], report: Report) -> None:
    lines = [leaf.content.strip() for leaf in block if leaf.content.strip()]
    if not lines:
        return
    snippet = lines[0] if len(lines[0]) <= 24 else lines[0][:24] + "…"
    one, several = _WHAT.get(block[0].reason, _OTHER)
    more = len(lines) - 1
    message = _(several if more else one).format(snippet=snippet, more=more)
    first = next(leaf for leaf in block if leaf.content.strip())
    # A licence notice (Wikisource's public-domain trailer) is GS502, off by default.
    code = "GS502" if block[0].reason == "licence" else "GS501"
    report.add(code, first.line, first.column, message, None)
