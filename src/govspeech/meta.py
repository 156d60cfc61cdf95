"""What a 公文 says about itself, read from its parts: `DocumentMeta` and `document_meta`.

The parts are the document's `Element` leaves (docs/tree.md): the 版头 (密级, 紧急程度,
发文字号, 签发人), the 主送机关, the 附件说明, the 发文机关署名 and 成文日期, and the 抄送
line of the 版记. The kind (文种) is the end of the title, by the grammar's list of kinds.
Whatever the text does not say is ``None`` (or an empty tuple): nothing is guessed.

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

from attrs import evolve, frozen

from govspeech.syntax.grammar import grammar_text
from govspeech.syntax.numerals import chinese_to_int
from govspeech.syntax.patterncache import compile_cached

if TYPE_CHECKING:  # the nodes call this module (Document.meta): no import back at run time
    from govspeech.nodes import Document, Element

__all__ = ["DocumentMeta", "document_meta", "iso_date", "title_kind"]


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
    #: the organs it is copied to (抄送机关, in the 版记)
    cc: tuple[str, ...] = ()
    #: who signed it off (签发人), for upward documents
    signer: str | None = None
    #: its 密级和保密期限 (机密★1年) and 紧急程度 (特急), as written
    secrecy: str | None = None
    urgency: str | None = None
    #: the fields a web page's own metadata filled where the text says nothing (``kind``,
    #: ``date``, ``issuers``); ``()`` when everything came from the text
    from_page: tuple[str, ...] = ()


_NUMBER = compile_cached(
    r"^[（(]?(?P<code>[^〔\[［【(（]+?)[〔\[［【(（](?P<year>[0-9０-９]{4})[〕\]］】)）]"
    r"(?P<serial>[0-9０-９]{1,5})号[)）]?$"
)
_YEAR_DIGITS = {c: k for k, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
# 主送机关: organs of one kind are joined by 、, of different kinds by ， (GB/T 9704-2012, 7.2.4)
_SPLIT = compile_cached(r"[，,；;]")
_ITEM = compile_cached(r"^[0-9０-９]{1,2}[.．、﹒]")
_SPACE = " \t\u3000\r\n"


@cache
def _kind_at_end() -> re.Pattern[str]:
    """The grammar's kinds of 公文 and rules (``_GONGWEN_KIND``), at a title's end."""
    m = re.search(r"^_GONGWEN_KIND:\s*/(.+)/\s*$", grammar_text(), re.M)
    kinds = m.group(1) if m else "(?!)"
    return compile_cached(f"{kinds}(?:[（(][^（()）]{{1,24}}[)）])*$")


_WIDE_SPACE = compile_cached(r"[ \t\u3000]{2,}")
_IN_SENTENCE = compile_cached(r"[。！？!?，,；;：:]")
#: The longest 公文 title on one line (the grammar's DOC_TITLE says the same).
TITLE_CHARS = 110


def title_kind(text: str) -> str | None:
    """The kind (文种) a line names when it reads as a 公文's title — short, no sentence
    punctuation, the grammar's kind at its end (关于做好防汛工作的通知 → 通知) — or None.

    >>> title_kind("上海市露天仓库消防安全管理规定（试行）"), title_kind("特此通知。")
    ('规定', None)
    """
    text = text.strip(_SPACE)
    if not text or len(text) > TITLE_CHARS or _IN_SENTENCE.search(text):
        return None
    kind = _kind_at_end().search(text)
    return kind.group(1) if kind and kind.start() >= 2 else None


def _content(leaf: Element) -> str:
    return leaf.text.strip(_SPACE)


_ORDER = compile_cached(
    r"^(?P<code>[^（()）\s]{2,24}令)[ \t\u3000]*第[ \t\u3000]*"
    r"(?P<serial>[0-9０-９一二三四五六七八九十百零〇]{1,6})[ \t\u3000]*号$"
)


def _number(text: str | None) -> tuple[str | None, str | None, int | None, int | None]:
    """A 发文字号 as written and its parts: 余府发〔2012〕3号 → 余府发, 2012, 3; an order's
    中华人民共和国国务院令第656号 → 中华人民共和国国务院令, no year, 656."""
    if text is None:
        return None, None, None, None
    written = text.strip("（()）")
    m = _NUMBER.match(text)
    if m is not None:
        return written, m["code"], int(m["year"]), int(m["serial"])
    order = _ORDER.match(written)
    if order is not None:
        return written, order["code"], None, _number_of(order["serial"])
    return written, None, None, None


def _number_of(part: str) -> int | None:
    """A date's part as written: 2012, ２０１２, 二○一二 (digit by digit), 1, 十二."""
    if part.isdigit():
        return int("".join(str(unicodedata.digit(c)) for c in part))
    if len(part) == 4 and all(c in _YEAR_DIGITS for c in part):
        return int("".join(str(_YEAR_DIGITS[c]) for c in part))
    return chinese_to_int(part)


def iso_date(text: str) -> str | None:
    """A date as a 公文 writes it (the grammar's DOC_DATE) as an ISO date, or None.

    >>> iso_date("二○一二年一月九日"), iso_date("2024年5月6日"), iso_date("2024年13月1日")
    ('2012-01-09', '2024-05-06', None)
    """
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


def _names(lines: list[str], head: str = "") -> tuple[str, ...]:
    """The organs on 主送 or 抄送 lines: split at ，、 … (GB/T 9704-2012, 7.2.4: organs of one
    kind are joined by 、, of different kinds by ，), without the 抄送： head and the full stop."""
    text = "".join(lines)
    if head:
        text = re.split("[：:]", text, maxsplit=1)[-1]
    return tuple(name for part in _SPLIT.split(text) if (name := part.strip(_SPACE + "：:。.")))


_PAGE_DATE = compile_cached(r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})")


def _page_date(value: str) -> str | None:
    """A page's publication date (2024-05-06 10:30:00, 2024/5/6, 2024年5月6日) as ISO."""
    m = _PAGE_DATE.search(value)
    if m is None:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def document_meta(doc: Document, page: tuple[tuple[str, str], ...] = ()) -> DocumentMeta:
    """The metadata of one document (see `DocumentMeta`), read from its elements; where they
    say nothing, ``page`` (a web page's own metadata, `ParsedFile.webpage`) fills the kind (from
    the page's title), the date (its publication date) and the issuers (its source)."""
    meta = _from_text(doc)
    if not page:
        return meta
    about = dict(page)
    filled: dict[str, object] = {}
    if meta.kind is None and about.get("title"):
        kind = _kind_at_end().search(about["title"].strip(_SPACE))
        if kind:
            filled["kind"] = kind.group(1)
    if meta.date is None and (date := _page_date(about.get("published", ""))):
        filled["date"] = date
    if not meta.issuers and about.get("source"):
        filled["issuers"] = (about["source"],)
    if not filled:
        return meta
    return evolve(meta, **filled, from_page=tuple(filled))  # type: ignore[arg-type]


def _from_text(doc: Document) -> DocumentMeta:
    parts: dict[str, list[str]] = {}
    for leaf in doc.elements:
        parts.setdefault(leaf.kind, []).append(_content(leaf))
    dates = parts.get("date", [])
    signer = parts.get("signer", [None])[0]
    if signer is not None:
        signer = re.split("[：:]", signer, maxsplit=1)[-1].strip(_SPACE) or None
    title = doc.title or ""
    found = _kind_at_end().search(title)
    kind = found.group(1) if found else None
    written = parts.get("number", [None])[0]
    # joint documents may sign with two bodies on one line, set apart by wide spaces
    issuers = tuple(
        name for line in parts.get("issuer", ()) for name in _WIDE_SPACE.split(line) if name
    )
    order = _ORDER.match(title)
    if order is not None:  # an order headed 上海市人民政府令第12号: its title is its number
        kind, written = "令", title
    elif kind == "令" and written is not None and written.startswith("第"):
        written = title + written  # 中华人民共和国国务院令 / 第656号
    if kind == "令":
        # an order is signed by a person (总理　李克强), not by its issuing body
        if signer is None and issuers:
            signer = "".join(issuers[-1].split())
        issuers = ()
    number, code, year, serial = _number(written)
    return DocumentMeta(
        kind=kind,
        number=number,
        agency_code=code,
        year=year,
        serial=serial,
        date=iso_date(dates[0]) if dates else None,
        issuers=issuers,
        addressees=_names(parts.get("addressees", [])),
        attachments=_attachment_names(parts.get("attachments", [])),
        cc=_names(parts.get("cc", []), head="抄送"),
        signer=signer,
        secrecy=parts.get("secrecy", [None])[0],
        urgency=parts.get("urgency", [None])[0],
    )
