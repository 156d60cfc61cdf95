"""GS305: the 项 of an article punctuated as one sentence, but for a slip.

The items of an article (（一）…；（二）…；（三）…。) continue the sentence that introduces them:
each ends with ；, the last with 。. Reported: a one-sentence item that ends with 。 among items
ending with ；, and a last item that does not end the sentence. Items that are sentences of
their own (definitions, each ending with 。) are not, nor an item of several sentences. Not
fixed: fix changes markers only, never the text.
"""

from __future__ import annotations

from govspeech.citation import is_article
from govspeech.nodes import ParsedFile, Section
from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.marks import section_mark
from govspeech_plugins.check.rules.registry import Phase, Rule, register

_SEMICOLONS = "；;"
_STOPS = "。."


def _text(item: Section) -> str:
    return (item.title + "".join(p.content for p in item.paragraphs)).rstrip()


@register(
    Rule("GS305", "item-punctuation", "an article's items punctuated unlike one sentence", None),
    phase=Phase.FILE,
)
def check_item_punctuation(tree: ParsedFile, report: Report) -> None:
    """Compare the last character of each 项 of an article with its siblings'."""
    for doc in tree.iter_documents():
        for article in doc.iter_sections():
            if not is_article(article):
                continue
            items = [c for c in article.children if c.kind == "numbered"]
            if len(items) < 2:
                continue
            texts = [_text(item) for item in items]
            ends = [text[-1:] for text in texts]
            middle = ends[:-1]
            semicolons = sum(e != "" and e in _SEMICOLONS for e in middle)
            stops = sum(e != "" and e in _STOPS for e in middle)
            if semicolons and stops and semicolons >= stops:
                for item, text, end in zip(items, texts, middle, strict=False):
                    # One sentence only: an item of several sentences ends with 。 rightly.
                    if end and end in _STOPS and text.count("。") + text.count(".") == 1:
                        report.flag(
                            section_mark(item),
                            "GS305",
                            _("{marker} ends with {end} among items ending with ；").format(
                                marker=item.marker.strip(), end=end
                            ),
                        )
            last, end = items[-1], ends[-1]
            if semicolons == len(middle) and not last.children and end not in ("", *_STOPS):
                report.flag(
                    section_mark(last),
                    "GS305",
                    _("the last item {marker} ends with {end}: expected 。").format(
                        marker=last.marker.strip(), end=end
                    ),
                )
