"""GS601–GS605: the form of a 公文's parts (GB/T 9704-2012, clause 7).

The parser finds the parts (`govspeech.nodes.Element`); these rules check how they are written:
the 发文字号 (〔〕 around the year, no 第, no leading zeros), the 成文日期 (Arabic numerals, no
leading zeros), the 主送机关's full-width colon, the list of attachments (1．2．, not 1、 or
1）, and no full stop after a name), and a title that ends with punctuation. Each fix
rewrites only the characters it names, so fixing twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata

from govspeech.meta import iso_date, title_kind
from govspeech.nodes import Element, ParsedFile, TitleLine
from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules.findings import Report
from govspeech_plugins.check.rules.registry import Phase, Rule, register

# 代字, the year's brackets, 第, the serial and 号: 沪府发（2024）第05号
_NUMBER = re.compile(
    r"(?P<code>[^〔\[［【(（\s]+?)(?P<open>[〔\[［【(（])(?P<year>[0-9０-９]{4})"
    r"(?P<close>[〕\]］】)）])(?P<di>第?)(?P<serial>[0-9０-９]{1,5})号"
)
_DATE = re.compile(r"(?P<y>[^年]+)年(?P<m>[^月]+)月(?P<d>[^日]+)日")
# GB/T 9704-2012 took effect on 1 July 2012: a 成文日期 in Chinese numerals before it was right
ARABIC_SINCE = 2013
_ITEM = re.compile(r"(?P<num>[0-9０-９]{1,2})(?P<sep>[.、﹒)）]|．)")
_NAME_END = re.compile(r"[。.；;，,]+$")
_TITLE_END = re.compile(r"[。.，,；;：:]+$")
_SPACE = " \t\u3000\r\n"


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in digits)


@register(
    Rule(
        "GS601",
        "document-number-form",
        "a 发文字号 not written 代字〔年份〕序号号",
        "safe",
        rewrites="text",
    ),
    Rule(
        "GS602",
        "date-form",
        "a 成文日期 not in Arabic numerals without leading zeros",
        "safe",
        rewrites="text",
    ),
    Rule(
        "GS603",
        "addressees-colon",
        "a 主送机关 not ending with a full-width colon",
        "safe",
        rewrites="text",
    ),
    Rule(
        "GS604",
        "attachment-list-form",
        "an 附件说明 name numbered other than 1． or ending with punctuation",
        "safe",
        rewrites="text",
    ),
    Rule(
        "GS605",
        "title-punctuation",
        "a 公文's title ending with punctuation",
        "safe",
        rewrites="text",
    ),
    phase=Phase.FILE,
)
def check_gongwen_parts(tree: ParsedFile, report: Report) -> None:
    """Check each document's parts and its title."""
    for doc in tree.iter_documents():
        for leaf in doc.elements:
            if leaf.kind == "number":
                _number(leaf, report)
            elif leaf.kind == "date":
                _date(leaf, report)
            elif leaf.kind == "addressees":
                _colon(leaf, report)
            elif leaf.kind == "attachments":
                _attachment(leaf, report)
        _title(doc.title_lines, report)


def _body(leaf: Element) -> tuple[str, int]:
    """The element's text without indentation and line ending, and its offset in the text."""
    text = leaf.text.rstrip(_SPACE)
    lead = len(text) - len(text.lstrip(_SPACE))
    return text[lead:], leaf.start + lead


def _number(leaf: Element, report: Report) -> None:
    text, at = _body(leaf)
    m = _NUMBER.search(text)
    if m is None:  # an order's 第656号 is written with 第, and other forms are not judged
        return
    wrong = []
    if m["open"] != "〔" or m["close"] != "〕":
        brackets = f"{m['open']}{m['close']}"
        wrong.append(_("{brackets} around the year (〔〕)").format(brackets=brackets))
    if m["di"]:
        wrong.append(_("第 before the number"))
    serial = _ascii(m["serial"])
    if serial != str(int(serial)) or serial != m["serial"]:
        wrong.append(_("leading zeros or full-width digits in the number"))
    if not wrong:
        return
    new = f"{m['code']}〔{_ascii(m['year'])}〕{int(serial)}号"
    report.edit(
        "GS601",
        leaf.line,
        leaf.column + (at - leaf.start) + m.start(),
        # The problems are listed with the separator of the language (", "; "，").
        _("the 发文字号 {number} has {problems}: write {new}").format(
            number=m.group(0), problems=_(", ").join(wrong), new=new
        ),
        at + m.start(),
        at + m.end(),
        new,
    )


def _date(leaf: Element, report: Report) -> None:
    text, at = _body(leaf)
    m = _DATE.search(text)
    iso = iso_date(text)
    if m is None or iso is None:
        return
    year, month, day = (int(x) for x in iso.split("-"))
    new = f"{year}年{month}月{day}日"
    if m.group(0) == new:
        return
    arabic = all(part.isdigit() for part in (m["y"], m["m"], m["d"]))
    if not arabic and year < ARABIC_SINCE:
        return  # before GB/T 9704-2012 the date was written in Chinese numerals
    ascii_digits = all(part.isascii() for part in (m["y"], m["m"], m["d"]))
    if arabic and ascii_digits:
        message = _("the 成文日期 {date} has leading zeros: write {new} (GB/T 9704-2012)")
    else:
        message = _("the 成文日期 {date} has not in Arabic numerals: write {new} (GB/T 9704-2012)")
    report.edit(
        "GS602",
        leaf.line,
        leaf.column + (at - leaf.start) + m.start(),
        message.format(date=m.group(0), new=new),
        at + m.start(),
        at + m.end(),
        new,
    )


def _colon(leaf: Element, report: Report) -> None:
    text, at = _body(leaf)
    if text.endswith(":"):
        end = at + len(text)
        report.edit(
            "GS603",
            leaf.line,
            leaf.column + (end - 1 - leaf.start),
            _("the 主送机关 ends with a half-width colon: write ："),
            end - 1,
            end,
            "：",
        )


def _attachment(leaf: Element, report: Report) -> None:
    text, at = _body(leaf)
    head = re.match(r"附[ \t\u3000]*件[ \t\u3000]*[：:][ \t\u3000]*", text)
    name_at = head.end() if head else 0
    m = _ITEM.match(text, name_at)
    # 1．(GB/T 9704) or 1. (as GS302 accepts a dot of the text's width); not 1、 1） 1﹒
    if m is not None and m["sep"] not in ("．", "."):
        start = at + m.start()
        report.edit(
            "GS604",
            leaf.line,
            leaf.column + (start - leaf.start),
            _("the attachment number {number} is written {digits}． in an 附件说明").format(
                number=m.group(0), digits=_ascii(m["num"])
            ),
            at + m.start(),
            at + m.end(),
            f"{_ascii(m['num'])}．",
        )
    end = _NAME_END.search(text)
    if end is not None and end.start() > name_at:
        report.edit(
            "GS604",
            leaf.line,
            leaf.column + (at + end.start() - leaf.start),
            _("an attachment's name ends with {end}: leave it out").format(end=end.group(0)),
            at + end.start(),
            at + end.end(),
            "",
        )


def _title(leaves: tuple[object, ...], report: Report) -> None:
    """A 公文's title line that ends with punctuation (关于…的通知。; the parser reads it as a
    title at the top of the text all the same)."""
    first = next((x for x in leaves if isinstance(x, TitleLine) and x.role == "title"), None)
    if first is None:
        return
    text = first.text.rstrip(_SPACE)
    lead = len(text) - len(text.lstrip(_SPACE))
    end = _TITLE_END.search(text)
    if end is None or end.start() <= lead or title_kind(text[lead : end.start()]) is None:
        return
    start = first.start + end.start()
    report.edit(
        "GS605",
        first.line,
        first.column + end.start(),
        _("the title ends with {end}: a 公文's title has no punctuation at its end").format(
            end=end.group(0)
        ),
        start,
        start + len(end.group(0)),
        "",
    )
