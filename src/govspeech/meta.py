"""What a 公文 says about itself, read from its parts: `DocumentMeta` and `document_meta`.

The parts are the paragraphs the parser gave roles to (docs/tree.md): the 发文字号 (``number``),
the 主送机关 (``addressees``), the list of attachments (``attachments``), and in the closing the
issuing bodies above the 成文日期 (``date``). The kind (文种) is the end of the title, by the
grammar's list of kinds. Whatever the text does not say is ``None`` (or an empty tuple): nothing
is guessed.

>>> import govspeech
>>> text = ("新余市人民政府办公室关于印发《新余市绿色建筑管理办法》的通知\\n"
...         "（余府发〔2012〕3号）\\n各县（区）人民政府，市政府各部门：\\n"
...         "现将《新余市绿色建筑管理办法》印发给你们，请认真贯彻执行。\\n"
...         "一、总体要求\\n各地要抓好落实。\\n新余市人民政府办公室\\n二○一二年一月九日\\n")
>>> meta = govspeech.parse(text).documents[0].meta
>>> meta.kind, meta.number, meta.agency_code, meta.year, meta.serial
('通知', '余府发〔2012〕3号', '余府发', 2012, 3)
>>> meta.date, meta.issuers, meta.addressees
('2012-01-09', ('新余市人民政府办公室',), ('各县（区）人民政府', '市政府各部门'))
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from attrs import frozen

from govspeech.syntax.grammar import grammar_text
from govspeech.syntax.numerals import chinese_to_int

if TYPE_CHECKING:  # the nodes call this module (Document.meta): no import back at run time
    from govspeech.nodes import Document, Leaf

__all__ = ["DocumentMeta", "document_meta"]


@frozen
class DocumentMeta:
    """A document's metadata as its text gives it; ``None`` or ``()`` where it does not."""

    #: the kind (文种) its title ends with: 通知, 意见, 办法, 条例 …
    kind: str | None
    #: the 发文字号 as written, without brackets around it: 余府发〔2012〕3号
    number: str | None
    #: its parts: the 机关代字 (余府发), the year (2012) and the serial number (3)
    agency_code: str | None
    year: int | None
    serial: int | None
    #: the 成文日期 as an ISO date (2012-01-09)
    date: str | None
    #: the issuing bodies named above the date (发文机关署名)
    issuers: tuple[str, ...]
    #: the organs it is addressed to (主送机关)
    addressees: tuple[str, ...]
    #: the names in its list of attachments (附件说明)
    attachments: tuple[str, ...]


_NUMBER = re.compile(
    r"^[（(]?(?P<code>[^〔\[［【(（]+?)[〔\[［【(（](?P<year>[0-9０-９]{4})[〕\]］】)）]"
    r"(?P<serial>[0-9０-９]{1,5})号[)）]?$"
)
_YEAR_DIGITS = {c: k for k, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
# 主送机关: organs of one kind are joined by 、, of different kinds by ， (GB/T 9704-2012, 7.2.4)
_SPLIT = re.compile(r"[，,；;]")
_ITEM = re.compile(r"^[0-9０-９]{1,2}[.．、﹒]")
_STOPS = re.compile(r"[。！？!?，,；;：:]")
_SPACE = " \t\u3000\r\n"


@cache
def _kind_at_end() -> re.Pattern[str]:
    """The grammar's kinds of 公文 and rules (``_GONGWEN_KIND``), at a title's end."""
    m = re.search(r"^_GONGWEN_KIND:\s*/(.+)/\s*$", grammar_text(), re.M)
    kinds = m.group(1) if m else "(?!)"
    return re.compile(f"{kinds}(?:[（(][^（()）]{{1,24}}[)）])*$")


def _content(leaf: Leaf) -> str:
    return leaf.text.strip(_SPACE)


def _number(text: str | None) -> tuple[str | None, str | None, int | None, int | None]:
    if text is None:
        return None, None, None, None
    written = text.strip("（()）")
    m = _NUMBER.match(text)
    if m is None:
        return written, None, None, None
    return written, m["code"], int(m["year"]), int(m["serial"])


def _number_of(part: str) -> int | None:
    """A date's part as written: 2012, ２０１２, 二○一二 (digit by digit), 1, 十二."""
    if part.isdigit():
        return int("".join(str(unicodedata.digit(c)) for c in part))
    if len(part) == 4 and all(c in _YEAR_DIGITS for c in part):
        return int("".join(str(_YEAR_DIGITS[c]) for c in part))
    return chinese_to_int(part)


def _iso(text: str) -> str | None:
    """A date line (the grammar's DOC_DATE: 二○一二年一月九日) as an ISO date."""
    year, _, rest = text.partition("年")
    month, _, rest = rest.partition("月")
    day = rest.partition("日")[0]
    y, m, d = (_number_of(part) for part in (year, month, day))
    if not y or not m or not d or m > 12 or d > 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _attachment_names(lines: list[str]) -> tuple[str, ...]:
    """The names in a list of attachments: a numbered line (1．…) starts a name, any other goes
    on with the name above it. (The parser has already told the list from headings; this only
    takes the numbers off.)"""
    names: list[str] = []
    for k, text in enumerate(lines):
        if k == 0:  # 附件：1．… — the list begins after the colon
            text = re.split("[：:]", text, maxsplit=1)[-1].strip(_SPACE)
        if not text:
            continue
        if _ITEM.match(text) or not names:
            names.append(_ITEM.sub("", text, count=1).strip(_SPACE))
        else:
            names[-1] += text  # the rest of a name wrapped onto this line
    return tuple(name for name in names if name)


def document_meta(doc: Document) -> DocumentMeta:
    """The metadata of one document (see `DocumentMeta`)."""
    roles: dict[str, list[str]] = {}
    issuers: list[str] = []
    date = None
    own = [leaf for sec in doc.sections for leaf in sec.iter_leaves()]
    for leaf in (*doc.opening, *own, *doc.tail, *doc.closing):
        role = getattr(leaf, "role", None)
        if role in ("number", "addressees", "attachments"):
            roles.setdefault(role, []).append(_content(leaf))
    closing = [leaf for leaf in doc.closing if getattr(leaf, "role", None) is not None]
    for k, leaf in enumerate(closing):
        if getattr(leaf, "role", None) == "date":
            date = _iso(_content(leaf))
            # the issuing bodies: the short lines right above the date
            above = [
                _content(x)
                for x in closing[:k]
                if getattr(x, "role", None) == "text" and _content(x)
            ]
            issuers = above[-3:] if above else []
            break
    if date is None:  # a notice without headings: its ending is the end of its opening
        opening = [x for x in doc.opening if getattr(x, "role", None) is not None]
        for k in range(len(opening) - 1, -1, -1):
            if getattr(opening[k], "role", None) == "date":
                date = _iso(_content(opening[k]))
                above = []
                for x in reversed(opening[:k]):
                    text = _content(x)
                    if getattr(x, "role", None) != "text" or len(text) > 30 or _STOPS.search(text):
                        break
                    above.insert(0, text)
                issuers = above[-3:]
                break
    title = doc.title or ""
    kind = _kind_at_end().search(title)
    number, code, year, serial = _number(roles.get("number", [None])[0])
    addressees = tuple(
        part.strip(_SPACE + "：:")
        for line in roles.get("addressees", ())
        for part in _SPLIT.split(line)
        if part.strip(_SPACE + "：:")
    )
    return DocumentMeta(
        kind=kind.group(1) if kind else None,
        number=number,
        agency_code=code,
        year=year,
        serial=serial,
        date=date,
        issuers=tuple(issuers),
        addressees=addressees,
        attachments=_attachment_names(roles.get("attachments", [])),
    )
