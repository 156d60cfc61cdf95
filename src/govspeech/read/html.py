"""Reading web pages: the main text of an HTML page, one line per paragraph.

**Decoding** is done here, never by the HTML parser (libxml2's GB2312 decoder silently drops
GBK-only characters such as 镕 and 喆):

1. a byte-order mark (UTF-8, UTF-16);
2. else the charset the page declares in its first 4 KB: ``<meta charset>``, ``<meta
   http-equiv="Content-Type" content="…; charset=…">``, then an XHTML ``<?xml encoding?>``
   declaration. Labels are read as browsers do (WHATWG): gb2312, gbk, x-gbk, chinese, cp936…
   all mean GB18030 (real pages labelled gb2312 hold GBK characters), big5 means Big5-HKSCS;
   a Western single-byte label (iso-8859-1, windows-1252, us-ascii…) on bytes that are not
   plain ASCII is not believed, and neither is a label the bytes are not valid in, nor one
   that names no text encoding (rot13, base64, utf-7…, see `govspeech.read.source.text_codec`):
   all fall through to
3. govspeech's own detection (`govspeech.read.source.decode`: UTF-8, GB18030, Big5, UTF-16).

An explicit ``encoding`` replaces all of this.

**Parsing** (libxml2 through lxml, no network, no entities but HTML's own) reads the whole
page or refuses it with `InputFormatError`, never a part of it in silence: text nodes and
attributes of any size (``huge_tree``); nesting up to libxml2's 2048 levels, and deeper pages
parsed again with what lies below level 512 made siblings there, as browsers do; a tag with
more than 256 attributes (libxml2 takes time quadratic in them) keeps only ``class``, ``id``,
``style`` and ``hidden``. Time and memory grow linearly with the page.

**Extraction**:

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

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from govspeech.errors import DecodeError, EmptyInputError, InputFormatError, one_line
from govspeech.read.source import BOMS, decode, text_codec

__all__ = ["PAGE_META", "decode_html", "html_page", "html_text"]

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
    parser = lxml_html.HTMLParser(encoding="iso-8859-1", no_network=True, huge_tree=True)
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
    """The Python codec for a declared charset label, or None if it names no text encoding
    (unknown, or a codec such as base64, rot13 or utf-7 that no page is written in)."""
    if label in _GB_LABELS:
        return "gb18030"
    if label in _BIG5_LABELS:
        return "big5hkscs"
    return text_codec(label)


def decode_html(data: bytes, encoding: str | None = None, name: str = "<html>") -> tuple[str, str]:
    """The page's text and the encoding it was read in (see the module doc for the order)."""
    if encoding is not None:
        src = decode(data, encoding, name)
        return src.text, src.encoding
    for bom, enc in BOMS:
        if data.startswith(bom):
            src = decode(data, enc, name)
            return src.text, src.encoding
    label = _declared_charset(data)
    codec = _codec(label) if label else None
    if codec is not None and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
        if codec not in _WESTERN_CODECS or data.isascii():
            try:
                return decode(data, codec, name).text, codec
            except DecodeError:
                pass  # a wrong label: detect instead
    src = decode(data, None, name)
    return src.text, src.encoding


# --------------------------------------------------------------------------- parsing
# libxml2 (with huge_tree, lifting its 10 MB text-node and 256-level limits) still stops at
# 2048 levels of nesting; a page that reaches that is parsed again with the elements nested
# deeper than _MAX_DEPTH made siblings at that depth, as browsers do (Chrome at 512), so no
# text is lost. Its HTML parser also checks each attribute against all earlier ones of the
# tag: a tag with 10^5 attributes takes 20 s, so such a tag keeps only the attributes read
# here.
_MAX_DEPTH = 512
_MAX_ATTRIBUTES = 256
_KEPT_ATTRIBUTES = frozenset({"class", "id", "style", "hidden"})
_WS = "\\t\\n\\f\\r "
# An HTML5 start tag: name, attributes (name, optional value) and the end, which is "/>",
# ">" or the end of the page. Every part is greedy and nothing after it can fail, so a match
# is found in one forward pass, never by backtracking.
_ATTRIBUTE = (
    rf"[{_WS}/]*[^{_WS}/>][^{_WS}/>=]*"
    rf"""(?:[{_WS}]*=[{_WS}]*(?:"[^"]*"|'[^']*'|[^{_WS}>]*))?"""
)
_START_TAG = re.compile(
    rf"<(?P<name>[A-Za-z][^{_WS}/>]*)(?P<attrs>(?:{_ATTRIBUTE})*)(?P<end>[{_WS}/]*>?)"
)
_ONE_ATTRIBUTE = re.compile(
    rf"[{_WS}/]*(?P<attr>(?P<name>[^{_WS}/>][^{_WS}/>=]*)"
    rf"""(?:[{_WS}]*=[{_WS}]*(?:"[^"]*"|'[^']*'|[^{_WS}>]*))?)"""
)
# One token of markup: a comment, <!…>, <?…> or </ followed by no letter (none of them opens
# an element), else an end tag, else a start tag.
_TAG = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))|<[!?][^>]*>?|</[^A-Za-z][^>]*>?"
    rf"|</(?P<end>[A-Za-z][^{_WS}/>]*)(?:{_ATTRIBUTE})*[{_WS}/]*>?"
    rf"|<(?P<start>[A-Za-z][^{_WS}/>]*)(?:{_ATTRIBUTE})*(?P<close>[{_WS}/]*>?)",
    re.DOTALL,
)
# Elements libxml2 never gives children (void), and those whose content is text up to their
# end tag (raw text), both as libxml2 2.14 has them.
_VOID = frozenset("area base basefont br col frame hr img input isindex link meta param".split())
_RAW_TEXT = frozenset("script style xmp iframe noembed noframes textarea title plaintext".split())
_RAW_TEXT_END = {name: re.compile(rf"</{name}[{_WS}/>]", re.IGNORECASE) for name in _RAW_TEXT}
_HUGE_ADVICE = re.compile(r",? *(?:use|try) XML_PARSE_HUGE option")  # for libxml2's callers


def _cap_attributes(page: str) -> str:
    """The page with each tag of more than _MAX_ATTRIBUTES attributes cut to the first of each
    attribute read here (first wins in HTML, so the page reads the same)."""
    long_tags = [m for m in _START_TAG.finditer(page) if m.end() - m.start() > 2 * _MAX_ATTRIBUTES]
    parts: list[str] = []
    pos = 0
    for m in long_tags:
        attrs = m.group("attrs")
        kept: dict[str, str] = {}
        count = 0
        for a in _ONE_ATTRIBUTE.finditer(attrs):
            count += 1
            key = a.group("name").lower()
            if key in _KEPT_ATTRIBUTES and key not in kept:
                kept[key] = " " + a.group("attr")
        if count <= _MAX_ATTRIBUTES:
            continue
        parts += [page[pos : m.start()], "<", m.group("name"), *kept.values(), m.group("end")]
        pos = m.end()
    if not parts:
        return page
    parts.append(page[pos:])
    return "".join(parts)


def _flatten_deep(page: str) -> str:
    """The page with elements nested deeper than _MAX_DEPTH made siblings at that depth: before
    one more is opened, the deepest open one is closed, and its own end tag is dropped later.

    Depth is counted as if each element stayed open until its end tag, an upper bound of
    libxml2's (which closes some implicitly), so libxml2 stays far below its limit. All text
    is kept, in order.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, still open in the output)
    on_stack: dict[str, int] = {}
    depth = 0  # elements open in the output; at _MAX_DEPTH, the stack's top is one of them
    pos = 0
    while (m := _TAG.search(page, pos)) is not None:
        out.append(page[pos : m.start()])
        out.append(m.group())
        pos = m.end()
        if m.group("end") is not None:
            name = m.group("end").lower()
            if not on_stack.get(name):
                continue  # nothing to close: libxml2 ignores it too
            out.pop()
            while True:  # close what it closes; those still open in the output explicitly
                top, is_open = stack.pop()
                on_stack[top] -= 1
                if is_open:
                    out.append(f"</{top}>")
                    depth -= 1
                if top == name:
                    break
        elif m.group("start") is not None:
            name = m.group("start").lower()
            if name in _VOID or m.group("close").endswith("/>"):
                continue
            if depth >= _MAX_DEPTH:
                top, _ = stack[-1]
                stack[-1] = (top, False)
                out.insert(len(out) - 1, f"</{top}>")
                depth -= 1
            stack.append((name, True))
            on_stack[name] = on_stack.get(name, 0) + 1
            depth += 1
            if name in _RAW_TEXT:  # its text runs to its end tag: copied as it is
                end = _RAW_TEXT_END[name].search(page, pos)
                stop = len(page) if end is None or name == "plaintext" else end.start()
                out.append(page[pos:stop])
                pos = stop
    out.append(page[pos:])
    return "".join(out)


def _parse_once(page: str, name: str) -> tuple[_Element, Any]:
    """The page's tree and the fatal error that stopped libxml2 early, if one did."""
    # Plain lxml.etree elements: lxml.html's element classes cost a Python call per element.
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = etree.fromstring(page.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        message = one_line(str(exc))
        raise InputFormatError(f"{name}: cannot parse the HTML page ({message})") from None
    if root is None:
        raise InputFormatError(f"{name}: cannot parse the HTML page (Document is empty)")
    fatal = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    return root, (fatal[0] if fatal else None)


def _parse(page: str, name: str) -> _Element:
    """The page's tree, all of it: `InputFormatError` if libxml2 still stops early."""
    page = _cap_attributes(page)
    root, stop = _parse_once(page, name)
    if stop is not None and "depth" in stop.message.lower():
        root, stop = _parse_once(_flatten_deep(page), name)
    if stop is not None:
        message = _HUGE_ADVICE.sub("", one_line(stop.message))
        raise InputFormatError(
            f"{name}: cannot read the whole HTML page: the parser stopped at line {stop.line} "
            f"({message})"
        )
    return root


# --------------------------------------------------------------------------- extraction
_NEVER_TEXT = frozenset(
    (
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
# //*[@id=$v] (the [@id] first makes it three times as fast), and lxml.html's find_class()
# for plain lxml.etree elements.
_ID_XPATH = etree.XPath("descendant-or-self::*[@id][@id=$v]")
_CLASS_XPATH = etree.XPath(
    "descendant-or-self::*[@class and "
    "contains(concat(' ', normalize-space(@class), ' '), concat(' ', $c, ' '))]"
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
# What a line of the page's text loses at its ends. Not govspeech.nodes.INDENT_CHARS: the
# readers come before the tree (tests/test_layers.py), and what they trim changes the text
# that is parsed; the grammar's INDENT takes any other white space left at a line's start.
_LINE_EDGE_SPACE = " \t\u3000"
_SITE_NAME = re.compile(r"(网|网站|门户|政府|政府网|人民政府|办公室|办公厅|官网)$")
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|\s-\s|－{1,2}|—{1,2}|--)\s*")
_NOT_CJK_RUN = re.compile("[^\u3400-\u4dbf\u4e00-\u9fff]+")


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
    return len(_NOT_CJK_RUN.sub("", text))  # a C loop: this counts every text of the page


def _clean(text: str) -> str:
    """Whitespace of one title or heading collapsed; stripped."""
    return " ".join(text.split())  # split() drops white space at both ends, U+3000 included


def _names(el: _Element) -> set[str]:
    names = set(str(el.get("class") or "").lower().split())
    if el.get("id"):
        names.add(str(el.get("id")).lower())
    return names


def _text(el: _Element) -> str:
    """All text inside the element (lxml.html's ``text_content()``)."""
    return str(el.xpath("string()"))


def _is_hidden(el: _Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(str(el.get("style") or "")))


class _Below:
    """Whether an element lies inside one that ``is_one`` accepts, remembered for every element
    on the way up: each element is looked at once over all questions, where walking up from
    each one is quadratic on deeply nested pages.

    ``is_one`` may accept more elements as questions go on, if they are asked in document
    order and it accepts only elements asked about (what is remembered is then never stale).
    """

    def __init__(self, is_one: Callable[[_Element], bool]) -> None:
        self._is_one = is_one
        self._known: dict[_Element, bool] = {}  # the element is one, or inside one

    def __call__(self, el: _Element) -> bool:
        path = []
        node = el.getparent()
        found = False
        while node is not None:
            known = self._known.get(node)
            if known is not None:
                found = known
                break
            path.append(node)
            if self._is_one(node):
                found = True
                break
            node = node.getparent()
        for node in path:
            self._known[node] = found
        return found


def _outermost(elements: Iterable[_Element]) -> list[_Element]:
    """The elements (in document order) that are not inside another of them."""
    chosen: set[_Element] = set()
    inside = _Below(chosen.__contains__)
    found = []
    for el in elements:
        if not inside(el):
            chosen.add(el)
            found.append(el)
    return found


def _drop(elements: list[_Element]) -> None:
    """Remove the elements (none inside another, in document order), keeping each one's tail
    text as lxml.html's ``drop_tree()`` does; the tails are joined once at the end, since
    appending them one by one to the same text is quadratic in a long run of siblings."""
    tails: dict[tuple[_Element, bool], list[str]] = {}  # (element, its tail?) → texts to add
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            previous = el.getprevious()
            key = (previous, True) if previous is not None else (parent, False)
            tails.setdefault(key, []).append(el.tail)
        parent.remove(el)  # takes the tail along
    for (el, is_tail), texts in tails.items():
        if is_tail:
            el.tail = (el.tail or "") + "".join(texts)
        else:
            el.text = (el.text or "") + "".join(texts)


def _cjk_of(
    elements: Iterable[_Element], enough: int | None = None
) -> Iterator[tuple[_Element, int]]:
    """Each element (in document order) with the Chinese characters in it, skipping those
    inside one already counted, which cannot hold more: so no text is read twice. With
    ``enough``, only elements inside one that had fewer are skipped (the inner ones may have
    as many)."""
    counted: set[_Element] = set()
    inside = _Below(counted.__contains__)
    for el in elements:
        if inside(el):
            continue
        count = _cjk_count(_text(el))
        if enough is None or count < enough:
            counted.add(el)
        yield el, count


def _cjk_in(top: _Element, wanted: Iterable[_Element]) -> dict[_Element, tuple[int, int]]:
    """Chinese characters in each ``wanted`` element below ``top`` (its ``text_content()``),
    and how many of them are link text: one pass, where ``text_content()`` per element would
    be quadratic on nested candidates."""
    wanted = set(wanted)
    found: dict[_Element, tuple[int, int]] = {}
    stack: list[list[int]] = []  # [characters, link characters] of each open element
    for event, el in etree.iterwalk(top, events=("start", "end")):
        if event == "start":
            own = el.text if isinstance(el.tag, str) else None
            stack.append([_cjk_count(own) if own else 0, 0])
            continue
        total, links = stack.pop()
        if el.tag == "a":
            links += total  # as sum(count(a) for a in el.iter("a")), nested links twice
        if el in wanted:
            found[el] = (total, links)
        if stack:
            stack[-1][0] += total + (_cjk_count(el.tail) if el.tail else 0)
            stack[-1][1] += links
    return found


def _known_container(root: _Element, body: _Element) -> _Element | None:
    for cid in _CONTENT_IDS:
        for el, count in _cjk_of(_ID_XPATH(root, v=cid), _MIN_CONTENT):
            if count >= _MIN_CONTENT:
                return el
    for cls in _CONTENT_CLASSES:
        found = [pair for pair in _cjk_of(_CLASS_XPATH(body, c=cls)) if pair[1] >= _MIN_CONTENT]
        if found:
            return max(found, key=lambda pair: pair[1])[0]
    return None


def _scope(root: _Element, body: _Element) -> _Element:
    """Where to look for the content: the page's one ``<main>``, ``#content``, ``<article>`` or
    ``.article`` with Chinese text, else the body."""
    for xpath in _SCOPE_XPATH:
        found = []
        for el, count in _cjk_of(root.xpath(xpath), 1):
            if count >= 1:
                found.append(el)
                if len(found) > 1:  # several <article>s: a list of teasers, or several articles
                    break
        if len(found) == 1:
            return found[0]
    return body


def _drop_named_furniture(top: _Element) -> None:
    """Remove the elements below ``top`` whose class or id names page furniture."""
    named = top.xpath("descendant::*[@class or @id]")
    _drop(_outermost(el for el in named if _names(el) & _FURNITURE_NAMES))


def _densest(scope: _Element) -> _Element:
    """The element with the most Chinese text of its own outside links (readability's idea)."""
    scores: dict[_Element, float] = {}
    for el in scope.iter():
        if not isinstance(el.tag, str) or el.tag == "a":
            continue
        text = el.text or ""
        if len(el):  # its children's tails are its own text too
            text += "".join(ch.tail or "" for ch in el)
        own = _cjk_count(text)
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
    path = [best]
    for anc in best.iterancestors():
        path.append(anc)
        if anc is scope:
            break
    counts = _cjk_in(path[-1], path)
    own, own_links = counts[best]
    widest = best
    for anc in path[1:]:
        total, links = counts[anc]
        extra, extra_links = total - own, links - own_links
        if extra - extra_links >= (own - own_links) / 2 and extra_links <= extra * 0.3:
            widest = anc
    return widest


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
        line = line.strip(_LINE_EDGE_SPACE)
        if line:
            out.append(line)
    return out


def _page_title(title_el: _Element | None) -> str:
    """The page's <title> without the site-name parts (…_市人民政府门户网站)."""
    if title_el is None:
        return ""
    parts = [p for p in _TITLE_SEPARATORS.split(_clean(_text(title_el))) if p]
    if len(parts) > 1:
        parts = [p for p in parts if not _SITE_NAME.search(p)]
    return parts[0] if parts else ""


#: The <meta name=…> tags government sites write about the article (the CMS of gov.cn and of
#: most provincial and city sites: ArticleTitle, PubDate, ContentSource; others use the
#: lower-case or Dublin Core names), by the key govspeech keeps them under.
PAGE_META = {
    "articletitle": "title",
    "title": "title",
    "dc.title": "title",
    "pubdate": "published",
    "publishdate": "published",
    "firstpublishedtime": "published",
    "dc.date": "published",
    "contentsource": "source",
    "source": "source",
    "dc.publisher": "source",
}
#: The longest value kept from a <meta> tag.
META_CHARS = 200


def _page_meta(root: _Element) -> tuple[tuple[str, str], ...]:
    """The article's metadata the page declares, as (key, value) pairs: the first value of
    each key, white space collapsed, capped in length."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = PAGE_META.get((meta.get("name") or "").strip().lower())
        value = _clean(meta.get("content") or "")[:META_CHARS]
        if key is not None and value and key not in found:
            found[key] = value
    return tuple(found.items())


def html_text(data: bytes, encoding: str | None = None, name: str = "<html>") -> tuple[str, str]:
    """The main text of the page in ``data`` and the encoding the page was read in (see
    `html_page`)."""
    text, used, _ = html_page(data, encoding, name)
    return text, used


def html_page(
    data: bytes, encoding: str | None = None, name: str = "<html>"
) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """The main text of the page in ``data``, the encoding the page was read in and the
    metadata its <meta> tags give about the article (`PAGE_META`).

    Raises `EmptyInputError` when the page has no content text, `DecodeError` or
    `BinaryInputError` when its bytes cannot be decoded, and `InputFormatError` when lxml
    cannot parse it at all.
    """
    page, used = decode_html(data, encoding, name)
    page = page.replace("\x00", "").replace(_SOFT_BREAK, " ")
    if not page.strip():
        raise EmptyInputError(f"{name}: no text (the HTML page is empty)")
    root = _parse(page, name)
    about = _page_meta(root)
    title_el = root.find(".//title")
    page_title = _page_title(title_el)
    _drop(_outermost(root.iter(*_NEVER_TEXT)))
    _drop(_outermost(el for el in root.xpath("descendant::*[@hidden or @style]") if _is_hidden(el)))
    # <h1>s before furniture goes: an article's title may sit in its own <header>.
    in_article = _Below(lambda el: el.tag in ("article", "main"))
    in_furniture = _Below(
        lambda el: (
            el.tag in ("nav", "footer", "aside", "menu")
            or (el.tag == "header" and not in_article(el))
            or bool(_names(el) & _FURNITURE_NAMES)
        )
    )
    headings = list(root.iter("h1"))
    outside = (h1 for h1 in headings if not in_furniture(h1))
    first_h1 = next((h1 for h1, count in _cjk_of(outside, 1) if count), None)
    h1_title = _clean(_text(first_h1)) if first_h1 is not None else None
    _drop(
        _outermost(
            el for el in root.iter(*_FURNITURE_TAGS) if el.tag != "header" or not in_article(el)
        )
    )
    body = root.find("body")
    if body is None:
        body = root

    content = _known_container(root, body)
    if content is None:
        scope = _scope(root, body)
        _drop_named_furniture(scope)
        content = _densest(scope)

    # The title: an <h1> inside the content is part of it; else one outside it, else <title>.
    title = ""
    if next(content.iter("h1"), None) is None:
        title = h1_title if h1_title is not None else page_title

    _drop_named_furniture(content)
    lines = _lines(content)
    if not lines:
        raise EmptyInputError(
            f"{name}: no text in the HTML page (nothing outside scripts, navigation and page "
            "furniture; is it filled in by JavaScript?)"
        )
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "".join(line + "\n" for line in lines), used, about
