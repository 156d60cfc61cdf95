"""Reading web pages: the main text of an HTML page, one line per paragraph.

**Decoding** is done here, never by the HTML parser (libxml2's GB2312 decoder silently drops
GBK-only characters such as 镕 and 喆):

1. a byte-order mark (UTF-8, UTF-16);
2. else the charset the page declares in its first 4 KB: ``<meta charset>``, ``<meta
   http-equiv="Content-Type" content="…; charset=…">``, then an XHTML ``<?xml encoding?>``
   declaration. Labels are read as browsers do (WHATWG): gb2312, gbk, x-gbk, chinese, cp936…
   all mean GB18030 (real pages labelled gb2312 hold GBK characters), big5 means Big5-HKSCS;
   a Western single-byte label (iso-8859-1, windows-1252, us-ascii…) on bytes that are not
   plain ASCII is not believed, and neither is a label the bytes are not valid in: both fall
   through to
3. govspeech's own detection (`govspeech.source.decode`: UTF-8, GB18030, Big5, UTF-16).

An explicit ``encoding`` replaces all of this.

**Extraction** (lxml.html):

1. Removed everywhere: ``script``, ``style``, ``noscript``, ``template``, ``iframe``, ``object``,
   ``svg``, form controls, comments, and elements hidden with ``hidden`` or
   ``style="display:none"``/``visibility:hidden``; then ``nav``, ``footer``, ``aside``,
   ``form`` and ``header`` (but not an ``<article>``'s or ``<main>``'s own ``<header>``,
   which holds the article's title).
2. The main content: a known government-CMS container (``#zoom``, ``#UCAP-CONTENT``,
   ``.TRS_Editor``, ``.TRS_UEDITOR``, ``.pages_content``, ``#js_content``,
   ``.article-content``…), else the element with the most Chinese text outside links (each
   element's own text, credited to it and its parent in full and to its grandparent by
   half), searched within the page's one ``<main>``, ``#content``, ``<article>`` or
   ``.article`` if it has one, and widened to its highest ancestor within that scope that
   adds at least half as much text again, at most 30% of it link text (content split over
   sections, or one ``<div>`` per paragraph). Inside the content, elements whose class or id
   names page furniture (``share``, ``related``, ``article-info``, ``print``, ``pager``…) are
   removed.
3. One line per block element (``p``, ``div``, ``li``, ``h1``–``h6``, ``td``, ``tr``…) and per
   ``<br>``; runs of spaces and newlines become one space, or nothing where a source line
   break falls between two Chinese characters; each line is stripped of spaces, ideographic
   spaces (``　　`` indents) and ``&nbsp;``; empty lines are dropped.
4. The title: an ``<h1>`` inside the content is already its first line. Otherwise the first
   ``<h1>`` outside the content (and outside headers, navigation and furniture), else the
   page's ``<title>`` without its site-name part (``…_市人民政府门户网站``), is written as the
   first line, unless one of the first three content lines already contains it.

A page that yields no content text raises `EmptyInputError`.
"""

from __future__ import annotations

import codecs
import importlib
import re
from typing import Any

from .errors import EmptyInputError, InputFormatError
from .source import decode

__all__ = ["decode_html", "html_text"]

lxml_html: Any = importlib.import_module("lxml.html")
etree: Any = importlib.import_module("lxml.etree")
_Element = Any

# --------------------------------------------------------------------------- decoding
_GB_LABELS = frozenset(
    {
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gbk",
        "x-gbk",
        "chinese",
        "csgb2312",
        "csiso58gb231280",
        "iso-ir-58",
        "cp936",
        "ms936",
        "windows-936",
        "gb18030",
        "x-gb18030",
        "euc-cn",
    }
)
_BIG5_LABELS = frozenset({"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"})
_WESTERN_CODECS = frozenset(
    {"ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15", "cp1250", "iso8859-2"}
)
_PRESCAN = 4096


def _declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KB (lower case), or None."""
    head = data[:_PRESCAN]
    # Parsed as ISO-8859-1 so every ASCII tag survives whatever the real encoding is.
    parser = lxml_html.HTMLParser(encoding="iso-8859-1", no_network=True)
    try:
        doc = lxml_html.document_fromstring(head, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        doc = None
    if doc is not None:
        for meta in doc.iter("meta"):
            charset = meta.get("charset")
            if charset and charset.strip():
                return str(charset).strip().strip("'\"").lower()
            if (meta.get("http-equiv") or "").strip().lower() == "content-type":
                for part in (meta.get("content") or "").split(";"):
                    key, _, value = part.partition("=")
                    if key.strip().lower() == "charset" and value.strip():
                        return str(value).strip().strip("'\"").lower()
    prolog = head.lstrip()
    if prolog.startswith(b"<?xml"):
        declaration = prolog[: prolog.find(b"?>")].decode("latin-1")
        match = re.search(r"""encoding\s*=\s*["']([^"']+)["']""", declaration)
        if match:
            return match.group(1).strip().lower()
    return None


def _codec(label: str) -> str | None:
    """The Python codec for a declared charset label, or None if Python has none."""
    if label in _GB_LABELS:
        return "gb18030"
    if label in _BIG5_LABELS:
        return "big5hkscs"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, encoding: str | None = None, name: str = "<html>") -> tuple[str, str]:
    """The page's text and the encoding it was read in (see the module doc for the order)."""
    if encoding is not None:
        src = decode(data, encoding, name)
        return src.text, src.encoding
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            src = decode(data, enc, name)
            return src.text, src.encoding
    label = _declared_charset(data)
    codec = _codec(label) if label else None
    if codec is not None and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
        if codec not in _WESTERN_CODECS or data.isascii():
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass  # a wrong label: detect instead
    src = decode(data, None, name)
    return src.text, src.encoding


# --------------------------------------------------------------------------- extraction
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "audio",
    "video",
    "map",
    "select",
    "button",
    "input",
    "textarea",
    "head",
)
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "menu", "dialog")
_FURNITURE_NAMES = frozenset(
    {
        "nav",
        "navbar",
        "menu",
        "header",
        "footer",
        "foot",
        "top",
        "topbar",
        "bottom",
        "breadcrumb",
        "crumb",
        "crumbs",
        "position",
        "location",
        "share",
        "bdshare",
        "fenxiang",
        "related",
        "relate",
        "xgwz",
        "xgxx",
        "sidebar",
        "side",
        "left-side",
        "right-side",
        "copyright",
        "banner",
        "ad",
        "ads",
        "search",
        "login",
        "article-info",
        "pagination",
        "pager",
        "page-nav",
        "comment",
        "comments",
        "print",
        "tools",
        "toolbar",
    }
)
_CONTENT_IDS = ("zoom", "Zoom", "UCAP-CONTENT", "js_content", "article-content", "mainText")
_CONTENT_CLASSES = (
    "TRS_Editor",
    "TRS_UEDITOR",
    "pages_content",
    "article-content",
    "article-con",
    "con_text",
)
# Containers that hold the article but often its furniture too: searched, not taken whole.
_SCOPE_XPATH = (
    "//main",
    "//*[@id='content']",
    "//article",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article ')]",
)
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_MIN_CONTENT = 10  # Chinese characters a known container needs to be taken as the content
_SOFT_BREAK = "\x1f"  # a line break in the page source (not a line of the text)
_HARD_BREAK = "\n"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE_RUN = re.compile(r"[ \t\r\f\x1f]+")
_SITE_NAME = re.compile(r"(网|网站|门户|政府|政府网|人民政府|办公室|办公厅|官网)$")
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|\s-\s|－{1,2}|—{1,2}|--)\s*")


def _is_cjk(ch: str) -> bool:
    """Chinese characters and the punctuation set between them (no space at a line break)."""
    return (
        "\u2e80" <= ch <= "\u9fff"
        or "\u2010" <= ch <= "\u2027"  # ‘’“”——…
        or "\uf900" <= ch <= "\ufaff"
        or "\uff00" <= ch <= "\uffef"
        or "\U00020000" <= ch <= "\U0003ffff"
    )


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _clean(text: str) -> str:
    """Whitespace of one title or heading collapsed; stripped."""
    return " ".join(text.split()).strip(" \u3000")


def _names(el: _Element) -> set[str]:
    names = set(str(el.get("class") or "").lower().split())
    if el.get("id"):
        names.add(str(el.get("id")).lower())
    return names


def _drop(elements: list[_Element]) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text


def _is_hidden(el: _Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(str(el.get("style") or "")))


def _in_furniture(el: _Element) -> bool:
    """Inside navigation, a page header or footer, or furniture named by class or id; a
    ``<header>`` within an ``<article>`` or ``<main>`` is the article's own."""
    ancestors = list(el.iterancestors())
    for k, anc in enumerate(ancestors):
        if anc.tag in ("nav", "footer", "aside", "menu") or _names(anc) & _FURNITURE_NAMES:
            return True
        if anc.tag == "header" and not any(a.tag in ("article", "main") for a in ancestors[k:]):
            return True
    return False


def _known_container(root: _Element) -> _Element | None:
    for cid in _CONTENT_IDS:
        for el in root.xpath("//*[@id=$v]", v=cid):
            if _cjk_count(el.text_content()) >= _MIN_CONTENT:
                return el
    for cls in _CONTENT_CLASSES:
        found = [el for el in root.find_class(cls) if _cjk_count(el.text_content()) >= _MIN_CONTENT]
        if found:
            return max(found, key=lambda el: _cjk_count(el.text_content()))
    return None


def _densest(scope: _Element) -> _Element:
    """The element with the most Chinese text of its own outside links (readability's idea)."""
    scores: dict[_Element, float] = {}
    for el in scope.iter():
        if not isinstance(el.tag, str) or el.tag == "a":
            continue
        own = _cjk_count((el.text or "") + "".join(ch.tail or "" for ch in el))
        if own < 5:
            continue
        parent = el.getparent() if el is not scope else None
        grandparent = parent.getparent() if parent is not None and parent is not scope else None
        for anc, share in ((el, 1.0), (parent, 1.0), (grandparent, 0.5)):
            if anc is not None:
                scores[anc] = scores.get(anc, 0.0) + own * share
    if not scores:
        return scope
    best = max(scores, key=lambda el: scores[el])
    # Content split over sibling blocks (sections, one <div> per paragraph): widen to the
    # highest ancestor within the scope that adds at least half as much text again, of which
    # at most 30% is link text.
    own, own_links = _text_and_links(best)
    widest = best
    for anc in best.iterancestors():
        total, links = _text_and_links(anc)
        extra, extra_links = total - own, links - own_links
        if extra - extra_links >= (own - own_links) / 2 and extra_links <= extra * 0.3:
            widest = anc
        if anc is scope:
            break
    return widest


def _text_and_links(el: _Element) -> tuple[int, int]:
    """Chinese characters in the element, and how many of them are link text."""
    return _cjk_count(el.text_content()), sum(_cjk_count(a.text_content()) for a in el.iter("a"))


def _lines(el: _Element) -> list[str]:
    """One line per block element and <br>, whitespace collapsed, empty lines dropped."""
    parts: list[str] = []

    def add(text: str | None, pre: bool) -> None:
        if text:
            if pre:
                parts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
            else:
                parts.append(text.replace("\r\n", _SOFT_BREAK).replace("\n", _SOFT_BREAK))

    pre_depth = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append(_HARD_BREAK)
            if tag == "pre":
                pre_depth += 1
            if tag == "br":
                parts.append(_HARD_BREAK)
            add(node.text if tag else None, pre_depth > 0)
        else:
            if tag == "pre":
                pre_depth -= 1
            if tag in _BLOCKS:
                parts.append(_HARD_BREAK)
            if node is not el:
                add(node.tail, pre_depth > 0)
    text = "".join(parts).replace("\xa0", " ")

    def space(match: re.Match[str]) -> str:
        run, start, end = match.group(), match.start(), match.end()
        if _SOFT_BREAK in run and 0 < start and end < len(text):
            if _is_cjk(text[start - 1]) and _is_cjk(text[end]):
                return ""
        return " "

    text = _SPACE_RUN.sub(space, text)
    out = []
    for line in text.split("\n"):
        line = line.strip(" \t\u3000")
        if line:
            out.append(line)
    return out


def _page_title(title_el: _Element | None) -> str:
    """The page's <title> without the site-name parts (…_市人民政府门户网站)."""
    if title_el is None:
        return ""
    parts = [p for p in _TITLE_SEPARATORS.split(_clean(title_el.text_content())) if p]
    if len(parts) > 1:
        parts = [p for p in parts if not _SITE_NAME.search(p)]
    return parts[0] if parts else ""


def html_text(data: bytes, encoding: str | None = None, name: str = "<html>") -> tuple[str, str]:
    """The main text of the page in ``data`` and the encoding the page was read in.

    Raises `EmptyInputError` when the page has no content text, `DecodeError` or
    `BinaryInputError` when its bytes cannot be decoded, and `InputFormatError` when lxml
    cannot parse it at all.
    """
    page, used = decode_html(data, encoding, name)
    page = page.replace("\x00", "").replace(_SOFT_BREAK, " ")
    if not page.strip():
        raise EmptyInputError(f"{name}: no text (the HTML page is empty)")
    parser = lxml_html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        root = lxml_html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        message = " ".join(str(exc).split())
        raise InputFormatError(f"{name}: cannot parse the HTML page ({message})") from None
    title_el = root.find(".//title")
    page_title = _page_title(title_el)
    _drop(list(root.iter(*_NEVER_TEXT)))
    _drop([el for el in root.iter() if isinstance(el.tag, str) and _is_hidden(el)])
    # <h1>s before furniture goes: an article's title may sit in its own <header>.
    headings = [(h1, _clean(h1.text_content()), _in_furniture(h1)) for h1 in root.iter("h1")]
    _drop(
        [
            el
            for el in root.iter(*_FURNITURE_TAGS)
            if el.tag != "header"
            or not any(a.tag in ("article", "main") for a in el.iterancestors())
        ]
    )
    body = root.find("body")
    if body is None:
        body = root

    content = _known_container(body)
    if content is None:
        scope = body
        for xpath in _SCOPE_XPATH:
            found = [el for el in root.xpath(xpath) if _cjk_count(el.text_content()) >= 1]
            if len(found) == 1:  # several <article>s: a list of teasers, or several articles
                scope = found[0]
                break
        _drop(
            [
                el
                for el in scope.iter()
                if el is not scope and isinstance(el.tag, str) and _names(el) & _FURNITURE_NAMES
            ]
        )
        content = _densest(scope)

    # The title: an <h1> inside the content is part of it; else one outside it, else <title>.
    inside = {id(el) for el in content.iter("h1")}
    title = ""
    if not any(id(h1) in inside for h1, _, _ in headings):
        title = next(
            (text for _, text, furniture in headings if not furniture and _cjk_count(text)),
            page_title,
        )

    _drop(
        [
            el
            for el in content.iter()
            if el is not content and isinstance(el.tag, str) and _names(el) & _FURNITURE_NAMES
        ]
    )
    lines = _lines(content)
    if not lines:
        raise EmptyInputError(
            f"{name}: no text in the HTML page (nothing outside scripts, navigation and page "
            "furniture; is it filled in by JavaScript?)"
        )
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "".join(line + "\n" for line in lines), used
